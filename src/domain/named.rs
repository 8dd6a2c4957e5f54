//! Records typed by name in a form field, separated by commas (a person's groups, the staff an
//! advice was for), matched up to case and accents, and shown back the same way; or typed by
//! their number in a list the form shows ([`picked`]: the observations that prompted a
//! trajectory).

use super::{Id, Invalid};

/// Dutch tussenvoegsels and their kin elsewhere, lowercase: they belong to the family name
/// ("van der Berg") but are common words on their own ("van", "de"), so matching a name never
/// leans on them alone.
pub const PARTICLES: [&str; 26] = [
    "van", "de", "der", "den", "ten", "ter", "te", "het", "'t", "in", "op", "el", "al", "la", "le",
    "du", "da", "di", "des", "dos", "das", "von", "vom", "zu", "d'", "'s",
];

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

/// The places (0-based) of the entries typed by their number (1-based) in a numbered list of
/// `of` entries, separated by spaces or commas, in the order typed, each once; none for an
/// empty text.
///
/// # Errors
/// [`Invalid::BadPick`] with the first word that is not a number from 1 to `of`.
pub fn picked(text: &str, of: usize) -> Result<Vec<usize>, Invalid> {
    let mut places = Vec::new();
    for word in text.split([' ', ',']).filter(|w| !w.is_empty()) {
        let place = word
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=of).contains(n))
            .ok_or_else(|| Invalid::BadPick {
                typed: word.to_string(),
                of,
            })?;
        if !places.contains(&(place - 1)) {
            places.push(place - 1);
        }
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_typed_pick_from_the_list_each_once() {
        assert_eq!(picked("2 1,3, 2", 3), Ok(vec![1, 0, 2]));
        assert_eq!(picked("  ", 3), Ok(vec![]));
        let bad = |typed: &str| {
            Err(Invalid::BadPick {
                typed: typed.into(),
                of: 3,
            })
        };
        assert_eq!(picked("1 4", 3), bad("4"));
        assert_eq!(picked("0", 3), bad("0"));
        assert_eq!(picked("1 twee", 3), bad("twee"));
        assert_eq!(picked("-1", 3), bad("-1"));
    }
}
