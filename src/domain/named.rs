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

/// Staff members typed by name, separated by commas (whom an advice was for), in the order
/// typed, each once: a full name, or a first name (the name's first word) or family name (the
/// rest, "van den Berg", or its last word, "Berg") that only one of `records` has, matched up to
/// case and accents. People call colleagues by their first name, or their family name; one two
/// of them share must be typed in full.
///
/// # Errors
/// For the first name typed (trimmed) that names nobody, [`Invalid::UnknownStaff`] with the
/// names of `records`; for one that fits more than one first name,
/// [`Invalid::AmbiguousStaff`] with their full names.
pub fn staff_named<N: Named>(text: &str, records: &[N]) -> Result<Vec<Id>, Invalid> {
    use crate::search::fold;
    // The first name, the family name with its tussenvoegsels, and the family name's last word.
    let parts = |name: &str| -> [String; 3] {
        let words: Vec<&str> = name.split_whitespace().collect();
        let first = words.first().copied().unwrap_or_default();
        let rest = words.get(1..).unwrap_or_default().join(" ");
        let last = words.last().copied().filter(|_| words.len() > 1);
        [fold(first), fold(&rest), fold(last.unwrap_or_default())]
    };
    let mut ids = Vec::new();
    for typed in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let key = fold(typed);
        let full = records.iter().find(|r| fold(r.name()) == key);
        let by_first: Vec<&N> = records
            .iter()
            .filter(|r| parts(r.name()).contains(&key))
            .collect();
        let id = match (full, by_first.as_slice()) {
            (Some(r), _) => r.id(),
            (None, [r]) => r.id(),
            (None, []) => {
                return Err(Invalid::UnknownStaff {
                    typed: typed.to_string(),
                    names: records.iter().map(|r| r.name().to_string()).collect(),
                })
            }
            (None, more) => {
                return Err(Invalid::AmbiguousStaff {
                    typed: typed.to_string(),
                    names: more.iter().map(|r| r.name().to_string()).collect(),
                })
            }
        };
        if !ids.contains(&id) {
            ids.push(id);
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

    fn person(id: Id, name: &str) -> super::super::Staff {
        super::super::Staff {
            id,
            name: name.into(),
            role: super::super::Role::Staff,
            groups: vec![1],
            safeguarding_lead: false,
            phone: String::new(),
        }
    }

    #[test]
    fn staff_are_typed_by_full_name_or_a_first_or_family_name_only_one_has() {
        let staff = [
            person(1, "Hanneke Nguyen"),
            person(2, "Sandra Martens"),
            person(3, "Sandra de Wit"),
            person(4, "Özlem Kaya"),
        ];
        assert_eq!(staff_named("hanneke, OZLEM kaya", &staff), Ok(vec![1, 4]));
        assert_eq!(
            staff_named("ozlem, Hanneke, hanneke nguyen", &staff),
            Ok(vec![4, 1])
        );
        assert_eq!(staff_named("sandra de wit, ", &staff), Ok(vec![3]));
        assert_eq!(staff_named("  ", &staff), Ok(vec![]));
        assert_eq!(
            staff_named("hanneke, sandra", &staff),
            Err(Invalid::AmbiguousStaff {
                typed: "sandra".into(),
                names: vec!["Sandra Martens".into(), "Sandra de Wit".into()],
            })
        );
        // A family name, with or without its tussenvoegsel, as colleagues say it.
        assert_eq!(staff_named("nguyen, de wit", &staff), Ok(vec![1, 3]));
        assert_eq!(staff_named("Wit, martens", &staff), Ok(vec![3, 2]));
        let names = staff.iter().map(|p| p.name.clone()).collect();
        assert_eq!(
            staff_named("Hanneke, Jansen", &staff),
            Err(Invalid::UnknownStaff {
                typed: "Jansen".into(),
                names,
            })
        );
    }

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
