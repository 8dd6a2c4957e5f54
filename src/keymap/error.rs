use crate::problem::{Listing, Problem, WholeFile};

/// Every problem found in one keymap file. Its Display is meant for stderr as is: one problem a
/// line, `FILE:LINE: message` (or just the message when it concerns the whole file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", Listing::new(&self.file, &self.problems, WholeFile::Bare))]
pub struct KeymapError {
    file: String,
    problems: Vec<Problem>,
}

impl KeymapError {
    pub(crate) fn new(file: impl Into<String>, mut problems: Vec<Problem>) -> KeymapError {
        problems.sort_by_key(|p| p.line);
        KeymapError {
            file: file.into(),
            problems,
        }
    }

    pub(crate) fn whole_file(file: impl Into<String>, message: impl Into<String>) -> KeymapError {
        KeymapError::new(
            file,
            vec![Problem {
                line: 0,
                message: message.into(),
            }],
        )
    }

    /// The file (or preset or spec) the problems are about, as named in the messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The problems, by line.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}
