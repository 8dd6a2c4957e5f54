//! `signaal forms`: an organisation's own observation form templates (import), the templates on
//! offer (list), and which of them a group uses (use).

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Context as _, Result};

use crate::cli::FormsUseArgs;
use crate::domain::form::FormTemplate;
use crate::domain::text::visible_controls;
use crate::domain::AuditAction;
use crate::domain::{Catalogue, GroupKind};
use crate::store::{Store, TemplateAdded};

/// Who the audit trail names for a template imported from the command line.
pub const IMPORT_AUTHOR: &str = "signaal forms import";
/// Who the audit trail names for a group's forms chosen from the command line.
pub const USE_AUTHOR: &str = "signaal forms use";

/// Reads and checks a template file. `None` when it has problems: they went to stderr as
/// `FILE:LINE: message`, one a line, and the caller stops with exit code 1 before it opens the
/// database.
pub fn read_template(file: &Path) -> Result<Option<FormTemplate>> {
    let name = file.display().to_string();
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {name}"))?;
    match crate::templates::parse(&name, &text) {
        Ok(template) => Ok(Some(template)),
        Err(problems) => {
            // A problem may quote the file: its control characters are shown.
            eprintln!("{}", visible_controls(&problems.to_string()));
            Ok(None)
        }
    }
}

pub fn import(store: &Store, file: &Path, template: &FormTemplate) -> Result<ExitCode> {
    let sig = super::signature(IMPORT_AUTHOR);
    let added = store
        .add_form_template(template, &sig)
        .map_err(|e| anyhow!("{} was not imported: {e}", file.display()))?;
    let written = super::to_stdout(|out| match added {
        TemplateAdded::Added => writeln!(
            out,
            "added template {} version {} ({} sections, {} items)",
            template.id,
            template.version,
            template.sections.len(),
            template.item_count()
        ),
        TemplateAdded::AlreadyThere => writeln!(
            out,
            "template {} version {} is already stored",
            template.id, template.version
        ),
    });
    super::printed(written, "result of the import")
}

/// The current templates, one a line: id, version, kinds, item count, built-in or imported.
pub fn list(store: &Store) -> Result<ExitCode> {
    let lines = list_lines(&Catalogue::forms(store.form_templates()?));
    let text: String = lines.iter().map(|line| format!("{line}\n")).collect();
    super::print_user_text(&text, "list of templates")
}

/// Built-in templates first, in their order, then imported ones by id.
fn list_lines(catalogue: &Catalogue) -> Vec<String> {
    let builtin = crate::templates::builtin();
    let mut rows: Vec<(Option<usize>, &FormTemplate, String)> = catalogue
        .current()
        .into_iter()
        .map(|template| {
            // A stored copy of a built-in (stored when an observation used it) is still built in.
            let position = builtin.iter().position(|b| b == template);
            let kinds: Vec<&str> = template.kinds.iter().map(|k| kind_name(*k)).collect();
            (position, template, kinds.join(","))
        })
        .collect();
    rows.sort_by(|a, b| (a.0.is_none(), a.0, &a.1.id).cmp(&(b.0.is_none(), b.0, &b.1.id)));
    let id_width = rows
        .iter()
        .map(|r| r.1.id.chars().count())
        .max()
        .unwrap_or(0);
    let kinds_width = rows.iter().map(|r| r.2.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(position, template, kinds)| {
            let source = match position {
                Some(_) => "built-in",
                None => "imported",
            };
            let count = template.item_count();
            let items = if count == 1 { "item " } else { "items" };
            format!(
                "{:<id_width$}  version {}  {kinds:<kinds_width$}  {count:>3} {items}  {source}",
                template.id, template.version,
            )
        })
        .collect()
}

/// The kind as template files and the export write it.
fn kind_name(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::Kdv => "kdv",
        GroupKind::Peuteropvang => "peuteropvang",
        GroupKind::Bso => "bso",
    }
}

/// Sets the templates a group uses; no ids (or `--all`) goes back to every template that fits
/// the group's kind.
pub fn use_forms(store: &Store, args: &FormsUseArgs) -> Result<ExitCode> {
    let mut group = store.group(args.group)?.ok_or_else(|| {
        anyhow!(
            "there is no group with id {} in {}",
            args.group,
            store.path().display()
        )
    })?;
    let catalogue = Catalogue::forms(store.form_templates()?);
    let current = catalogue.current();
    let mut forms: Vec<String> = Vec::new();
    for id in &args.templates {
        if !current.iter().any(|t| &t.id == id) {
            let known: Vec<&str> = current.iter().map(|t| t.id.as_str()).collect();
            return Err(anyhow!(
                "there is no form template {id:?}; known are: {}",
                known.join(", ")
            ));
        }
        if !forms.contains(id) {
            forms.push(id.clone());
        }
    }
    group.forms = forms;
    store.save_group(
        &group,
        AuditAction::GroupForms,
        &super::signature(USE_AUTHOR),
    )?;
    let chosen: Vec<&str> = catalogue
        .for_group(&group)
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let chosen = match chosen.is_empty() {
        true => "none".to_string(),
        false => chosen.join(", "),
    };
    let line = match group.forms.is_empty() {
        true => format!(
            "group {} ({}) uses every template for {}: {chosen}\n",
            group.id,
            group.name,
            kind_name(group.kind)
        ),
        false => format!("group {} ({}) uses: {chosen}\n", group.id, group.name),
    };
    super::print_user_text(&line, "result")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::form::{Item, Section, Text};

    fn own(version: u32) -> FormTemplate {
        FormTemplate {
            id: "eigen".into(),
            version,
            name: Text::new("Eigen", "Own"),
            kinds: vec![GroupKind::Kdv, GroupKind::Bso],
            sections: vec![Section {
                id: "a".into(),
                title: Text::new("A", "A"),
                items: vec![Item {
                    id: "a.1".into(),
                    text: Text::new("Een", "One"),
                    concern: false,
                    meldcode: false,
                    min_months: None,
                    max_months: None,
                }],
            }],
        }
    }

    #[test]
    fn the_list_names_each_current_template_once_with_its_source() {
        let builtin = crate::templates::builtin();
        let stored = vec![builtin[0].clone(), own(1), own(2)];
        let lines = list_lines(&Catalogue::forms(stored));
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert!(lines[0].starts_with("kdv-0-4   version 2  kdv,peuteropvang"));
        assert!(lines[0].ends_with(" items  built-in"));
        assert!(lines[1].starts_with("bso-4-12  version 1  bso "));
        assert!(lines[2].starts_with("eigen     version 2  kdv,bso "));
        assert!(lines[2].ends_with("  1 item   imported"), "{}", lines[2]);
    }

    #[test]
    fn a_changed_builtin_counts_as_imported() {
        let mut changed = crate::templates::builtin()[1].clone();
        changed.name = Text::new("Anders", "Other");
        let lines = list_lines(&Catalogue::forms(vec![changed]));
        assert!(lines[1].starts_with("bso-4-12") && lines[1].ends_with("imported"));
    }
}
