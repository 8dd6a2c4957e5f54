//! What the file readers (keymaps, config, form templates, contacts) report: a [`Problem`] with
//! its line, the [`FileProblems`] of one file and the way they are printed, and the
//! [`LineIndex`] that turns a byte offset into a line and column.

use std::fmt;

use toml::Spanned;

/// One thing wrong with a file (a keymap or a template). `line` is 1-based; 0 means the file as a
/// whole (it cannot be read, or there is no such preset or file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// How a problem of the file as a whole (line 0) is printed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum WholeFile {
    /// Just the message (it names the file itself where that matters).
    Bare,
    /// `FILE: message`.
    Named,
}

/// The problems of one file for stderr as is: one problem a line, `FILE:LINE: message`, and a
/// problem of the file as a whole as `whole_file` says.
pub(crate) struct Listing<'a> {
    file: &'a str,
    problems: &'a [Problem],
    whole_file: WholeFile,
}

impl<'a> Listing<'a> {
    pub(crate) fn new(file: &'a str, problems: &'a [Problem], whole_file: WholeFile) -> Self {
        Listing {
            file,
            problems,
            whole_file,
        }
    }
}

impl fmt::Display for Listing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            match (problem.line, self.whole_file) {
                (0, WholeFile::Bare) => f.write_str(&problem.message)?,
                (0, WholeFile::Named) => write!(f, "{}: {}", self.file, problem.message)?,
                (line, _) => write!(f, "{}:{}: {}", self.file, line, problem.message)?,
            }
        }
        Ok(())
    }
}

/// Every problem found in one file (a form template, a contacts file). Its Display is meant for
/// stderr as is: one problem a line, `FILE:LINE: message` (`FILE: message` for a problem of the
/// file as a whole, line 0).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", Listing::new(&self.file, &self.problems, WholeFile::Named))]
pub struct FileProblems {
    file: String,
    problems: Vec<Problem>,
}

impl FileProblems {
    pub fn new(file: impl Into<String>, mut problems: Vec<Problem>) -> FileProblems {
        problems.sort_by_key(|p| p.line);
        FileProblems {
            file: file.into(),
            problems,
        }
    }

    /// The file the problems are about, as named in the messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The problems, by line.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

/// Byte offset -> line and column, for the text of one file.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 1-based line of a byte offset.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }

    /// The 1-based column of a byte offset, in characters from the start of its line.
    pub(crate) fn column(&self, offset: usize) -> usize {
        let start = self.starts[self.line(offset) - 1];
        let before = self.text.get(start..offset.min(self.text.len()));
        before.map_or(0, |before| before.chars().count()) + 1
    }

    /// The line where a key or value of a TOML file starts.
    pub(crate) fn line_of<T>(&self, at: &Spanned<T>) -> usize {
        self.line(at.span().start)
    }
}
