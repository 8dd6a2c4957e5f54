use std::fmt;

/// One thing wrong with a keymap file. `line` is 1-based; 0 means the file as a whole (it cannot
/// be read, or there is no such preset or file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// Every problem found in one keymap file. Its Display is meant for stderr as is: one problem a
/// line, `FILE:LINE: message` (or just the message when it concerns the whole file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", Rendered(self))]
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

struct Rendered<'a>(&'a KeymapError);

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            if problem.line == 0 {
                f.write_str(&problem.message)?;
            } else {
                write!(f, "{}:{}: {}", self.0.file, problem.line, problem.message)?;
            }
        }
        Ok(())
    }
}
