//! Records typed by name in a form field, separated by commas (a person's groups, the staff an
//! advice was for), matched up to case and accents, and shown back the same way.

use super::Id;

/// Something with an id that people type by its name.
pub trait Named {
    fn id(&self) -> Id;
    fn name(&self) -> &str;
}

impl Named for super::Group {
    fn id(&self) -> Id {
        self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

impl Named for super::Staff {
    fn id(&self) -> Id {
        self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// The names of the records with these ids, in the records' order, separated by commas.
pub fn names_of<N: Named>(ids: &[Id], records: &[N]) -> String {
    let names: Vec<&str> = records
        .iter()
        .filter(|r| ids.contains(&r.id()))
        .map(Named::name)
        .collect();
    names.join(", ")
}

/// Names separated by commas, matched up to case and accents against `records`, in the order
/// typed; a name typed twice counts once.
///
/// # Errors
/// The first name, as typed (trimmed), that is none of the records'.
pub fn ids_named<N: Named>(text: &str, records: &[N]) -> Result<Vec<Id>, String> {
    let mut ids = Vec::new();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let key = crate::search::fold(name);
        let found = records
            .iter()
            .find(|r| crate::search::fold(r.name()) == key);
        match found {
            Some(r) if !ids.contains(&r.id()) => ids.push(r.id()),
            Some(_) => {}
            None => return Err(name.to_string()),
        }
    }
    Ok(ids)
}
