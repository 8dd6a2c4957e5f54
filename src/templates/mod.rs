//! Observation form templates: the built-in ones (`kdv.toml` for 0-4, `bso.toml` for 4-12, both
//! compiled in) and the reading of a template file, built-in or an organisation's own.
//!
//! The file format is described at the top of `kdv.toml`. [`parse`] reports every problem of a
//! file with its line and builds nothing unless the file is entirely right.

mod parse;
pub mod plans;
pub use plans::builtin_plans;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use crate::domain::form::FormTemplate;
use crate::problem::FileProblems;

/// The built-in templates as (file name, text), in the order [`builtin`] returns them.
pub const BUILTIN_FILES: [(&str, &str); 2] = [
    ("kdv.toml", include_str!("kdv.toml")),
    ("bso.toml", include_str!("bso.toml")),
];

/// The built-in templates, parsed once. A built-in that does not parse is a bug (a test checks
/// them), so this panics on one rather than returning an error.
pub fn builtin() -> Vec<FormTemplate> {
    static BUILTIN: OnceLock<Vec<FormTemplate>> = OnceLock::new();
    parsed_once(&BUILTIN, &BUILTIN_FILES, |file, text| {
        parse(file, text).map_err(|e| e.to_string())
    })
}

/// Built-in files parsed on first use and kept: the forms and the step plans alike. A built-in
/// that does not parse is a bug (tests check them all), so this panics with the file's problems
/// rather than returning an error.
pub(crate) fn parsed_once<T: Clone>(
    cell: &OnceLock<Vec<T>>,
    files: &[(&str, &str)],
    parse: impl Fn(&str, &str) -> Result<T, String>,
) -> Vec<T> {
    cell.get_or_init(|| {
        files
            .iter()
            .map(|(file, text)| {
                parse(file, text).unwrap_or_else(|err| panic!("built-in {file} is broken:\n{err}"))
            })
            .collect()
    })
    .clone()
}

/// Reads one template file. `file_name` is only used to name the file in the problems.
pub fn parse(file_name: &str, text: &str) -> Result<FormTemplate, TemplateError> {
    parse::parse(text).map_err(|problems| TemplateError::new(file_name, problems))
}

/// Every problem found in one template file, with its line.
pub type TemplateError = FileProblems;
