//! The templates on offer, observation forms and step plans alike: the built-in ones and those
//! stored in the database (an organisation's own, and every version a record was made with).

use super::form::FormTemplate;
use super::plan::PlanTemplate;
use super::Group;

/// A template that is one fixed wording of a named, versioned thing.
pub trait Versioned: Clone {
    fn id(&self) -> &str;
    fn version(&self) -> u32;
}

impl Versioned for FormTemplate {
    fn id(&self) -> &str {
        &self.id
    }
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for PlanTemplate {
    fn id(&self) -> &str {
        &self.id
    }
    fn version(&self) -> u32 {
        self.version
    }
}

#[derive(Debug, Clone)]
pub struct Catalogue<T = FormTemplate> {
    /// Every known version of every template; built-ins first, in their order.
    templates: Vec<T>,
}

impl<T> Default for Catalogue<T> {
    fn default() -> Self {
        Catalogue {
            templates: Vec::new(),
        }
    }
}

impl<T: Versioned> Catalogue<T> {
    /// `stored` versions replace a built-in of the same id and version in its place (they are the
    /// same wording unless a build changed a built-in without raising its version); the others
    /// follow the built-ins.
    pub fn new(builtin: Vec<T>, stored: Vec<T>) -> Catalogue<T> {
        let mut templates = builtin;
        for template in stored {
            match templates
                .iter_mut()
                .find(|t| t.id() == template.id() && t.version() == template.version())
            {
                Some(slot) => *slot = template,
                None => templates.push(template),
            }
        }
        Catalogue { templates }
    }

    /// Every known version of every template.
    pub fn all(&self) -> &[T] {
        &self.templates
    }

    /// The exact version a record was made with.
    pub fn find(&self, id: &str, version: u32) -> Option<&T> {
        self.templates
            .iter()
            .find(|t| t.id() == id && t.version() == version)
    }

    /// The newest version of each template, in first-seen order: what new records use.
    pub fn current(&self) -> Vec<&T> {
        let mut current: Vec<&T> = Vec::new();
        for template in &self.templates {
            match current.iter_mut().find(|c| c.id() == template.id()) {
                Some(slot) if slot.version() < template.version() => *slot = template,
                Some(_) => {}
                None => current.push(template),
            }
        }
        current
    }
}

impl Catalogue<PlanTemplate> {
    /// The built-in step plans plus `stored`.
    pub fn plans(stored: Vec<PlanTemplate>) -> Catalogue<PlanTemplate> {
        Catalogue::new(crate::templates::builtin_plans(), stored)
    }
}

impl Catalogue<FormTemplate> {
    /// The built-in observation forms plus `stored`.
    pub fn forms(stored: Vec<FormTemplate>) -> Catalogue<FormTemplate> {
        Catalogue::new(crate::templates::builtin(), stored)
    }

    /// The templates a group uses for new observations: those it chose, in its order, or every
    /// current template meant for its kind when it chose none.
    pub fn for_group(&self, group: &Group) -> Vec<&FormTemplate> {
        let current = self.current();
        if group.forms.is_empty() {
            return current.into_iter().filter(|t| t.fits(group.kind)).collect();
        }
        group
            .forms
            .iter()
            .filter_map(|id| current.iter().find(|t| &t.id == id).copied())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::form::Text;
    use crate::domain::GroupKind;

    fn template(id: &str, version: u32, kinds: &[GroupKind]) -> FormTemplate {
        FormTemplate {
            id: id.into(),
            version,
            name: Text::new(id, id),
            kinds: kinds.to_vec(),
            sections: Vec::new(),
        }
    }

    fn group(kind: GroupKind, forms: &[&str]) -> Group {
        Group {
            id: 1,
            name: "G".into(),
            kind,
            location: String::new(),
            archived: false,
            forms: forms.iter().map(|f| f.to_string()).collect(),
        }
    }

    fn catalogue() -> Catalogue {
        Catalogue::new(
            vec![
                template("kdv", 1, &[GroupKind::Kdv, GroupKind::Peuteropvang]),
                template("bso", 1, &[GroupKind::Bso]),
            ],
            vec![
                template("eigen", 1, &[GroupKind::Kdv]),
                template("eigen", 2, &[GroupKind::Kdv]),
            ],
        )
    }

    #[test]
    fn current_takes_the_newest_version_of_each() {
        let catalogue = catalogue();
        let ids: Vec<(&str, u32)> = catalogue
            .current()
            .iter()
            .map(|t| (t.id.as_str(), t.version))
            .collect();
        assert_eq!(ids, [("kdv", 1), ("bso", 1), ("eigen", 2)]);
    }

    #[test]
    fn old_versions_stay_findable() {
        let catalogue = catalogue();
        assert!(catalogue.find("eigen", 1).is_some());
        assert!(catalogue.find("eigen", 3).is_none());
    }

    #[test]
    fn a_group_gets_its_choice_or_what_fits_its_kind() {
        let catalogue = catalogue();
        let ids = |g: &Group| -> Vec<String> {
            catalogue
                .for_group(g)
                .iter()
                .map(|t| t.id.clone())
                .collect()
        };
        assert_eq!(ids(&group(GroupKind::Kdv, &[])), ["kdv", "eigen"]);
        assert_eq!(ids(&group(GroupKind::Bso, &[])), ["bso"]);
        assert_eq!(ids(&group(GroupKind::Kdv, &["eigen", "gone"])), ["eigen"]);
    }

    #[test]
    fn a_stored_copy_of_a_builtin_is_listed_once() {
        let builtin = vec![
            template("kdv", 1, &[GroupKind::Kdv]),
            template("bso", 1, &[GroupKind::Bso]),
        ];
        let stored = vec![template("bso", 1, &[GroupKind::Bso]), template("a", 1, &[])];
        let catalogue = Catalogue::new(builtin, stored);
        let ids: Vec<&str> = catalogue.current().iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["kdv", "bso", "a"], "built-ins keep their place");
    }
}
