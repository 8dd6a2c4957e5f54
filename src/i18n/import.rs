//! Why an export file was not read, in Dutch and English: what is wrong in words ("a whole number
//! was expected", "2024-02-30 is not a date"), after the JSON path of the value at fault.

use std::path::Path;

use super::Lang;
use crate::export::unreadable::{Encoding, Expected, Found, Syntax, Unreadable, Why};

impl Lang {
    /// `children[3].birth_date: 2024-02-30 is not a date (line 149, column 32)`: the path (when
    /// a value is at fault), what is wrong, and the place in the file.
    pub fn unreadable(self, e: &Unreadable) -> String {
        let why = self.at_path(e);
        let (line, column) = (e.line, e.column);
        match line {
            0 => why,
            _ => self.pick(
                format!("{why} (regel {line}, kolom {column})"),
                format!("{why} (line {line}, column {column})"),
            ),
        }
    }

    /// The path (when a value is at fault) and what is wrong.
    fn at_path(self, e: &Unreadable) -> String {
        let why = self.why(&e.why);
        match e.path.as_str() {
            "" => why,
            path => format!("{path}: {why}"),
        }
    }

    /// The sentence `import` ends with when `file` did not read as an export:
    /// `FILE:LINE:COLUMN: PATH: WHAT; nothing was imported`.
    pub fn import_refused(self, file: &Path, e: &Unreadable) -> String {
        let file = file.display();
        // The file as a whole: what it is, and what to do.
        if let Why::Encoding(encoding) = e.why {
            let why = self.encoding(encoding, &file.to_string());
            return self.pick(
                format!("{why}; er is niets geïmporteerd"),
                format!("{why}; nothing was imported"),
            );
        }
        let place = match e.line {
            0 => file.to_string(),
            line => format!("{file}:{line}:{}", e.column),
        };
        let why = self.at_path(e);
        self.pick(
            format!("{place}: {why}; er is niets geïmporteerd"),
            format!("{place}: {why}; nothing was imported"),
        )
    }

    /// `import` could not open or read `file` (`e` is the system's words, in English).
    pub fn import_cannot_read(self, file: &Path, e: &std::io::Error) -> String {
        let file = file.display();
        self.pick(
            format!("{file} kan niet worden gelezen: {e}"),
            format!("cannot read {file}: {e}"),
        )
    }

    /// `import` could not make or clear the place beside the database `dir` where it builds the
    /// database (`e` is the system's words, in English).
    pub fn import_cannot_stage(self, dir: &Path, e: &std::io::Error) -> String {
        let dir = dir.display();
        self.pick(
            format!(
                "naast {dir} kan geen database worden opgebouwd: {e}; er is niets geïmporteerd"
            ),
            format!("cannot build a database next to {dir}: {e}; nothing was imported"),
        )
    }

    /// The imported database, whole in `built`, could not be moved to `dir`.
    pub fn import_cannot_move(self, built: &Path, dir: &Path, e: &std::io::Error) -> String {
        let (built, dir) = (built.display(), dir.display());
        self.pick(
            format!(
                "de geïmporteerde database in {built} kan niet naar {dir} worden verplaatst: {e}"
            ),
            format!("the imported database in {built} cannot be moved to {dir}: {e}"),
        )
    }

    /// `import` was given a backup (gzip) for the database at `dir`: `restore` brings it back.
    pub fn import_given_a_backup(self, file: &Path, dir: &Path) -> String {
        let (file, dir) = (file.display(), dir.display());
        self.pick(
            format!(
                "{file} is gecomprimeerd, zoals een signaal-back-up, en geen export; zet een \
                 back-up terug met: signaal restore --db {dir} {file}"
            ),
            format!(
                "{file} is compressed, as a signaal backup is, not an export; bring a backup \
                 back with: signaal restore --db {dir} {file}"
            ),
        )
    }

    /// `subject` (a file's name, "the file") is in `encoding` and not UTF-8, and what to do.
    fn encoding(self, encoding: Encoding, subject: &str) -> String {
        match encoding {
            Encoding::Utf16 => self.pick(
                format!("{subject} is UTF-16 (\"Unicode\"): sla het op als UTF-8"),
                format!("{subject} is UTF-16 (\"Unicode\"): save it as UTF-8"),
            ),
            Encoding::Windows1252 => self.pick(
                format!(
                    "{subject} is geen UTF-8 (het lijkt Windows-1252/ANSI): sla het op als UTF-8"
                ),
                format!(
                    "{subject} is not UTF-8 (it looks like Windows-1252/ANSI): save it as UTF-8"
                ),
            ),
        }
    }

    fn why(self, why: &Why) -> String {
        match why {
            Why::Syntax(syntax) => self.syntax(*syntax),
            Why::EndsEarly => self.pick(
                "het bestand houdt midden in de export op (is het afgebroken?)".into(),
                "the file ends in the middle of the export (was it cut off?)".into(),
            ),
            Why::Io(detail) => self.pick(
                format!("het bestand kan niet worden gelezen ({detail})"),
                format!("the file cannot be read ({detail})"),
            ),
            Why::WrongType { found, expected } => {
                let (expected, found) = (self.expected(expected), self.found(found));
                self.pick(
                    format!("{expected} werd verwacht, niet {found}"),
                    format!("{expected} was expected, not {found}"),
                )
            }
            Why::WrongValue { found, expected } => {
                let found = self.found(found);
                match expected {
                    Expected::WholeNumber => self.pick(
                        format!("een geheel getal van 0 of meer werd verwacht, niet {found}"),
                        format!("a whole number of 0 or more was expected, not {found}"),
                    ),
                    expected => {
                        let expected = self.expected(expected);
                        self.pick(
                            format!("{expected} werd verwacht, niet {found}"),
                            format!("{expected} was expected, not {found}"),
                        )
                    }
                }
            }
            Why::NoSuchDate(text) if text.is_empty() => self.pick(
                "deze datum bestaat niet".into(),
                "there is no such date".into(),
            ),
            Why::NoSuchDate(text) => self.pick(
                format!("{text} is geen datum"),
                format!("{text} is not a date"),
            ),
            Why::BadDate { text, with_time } => {
                let expected = match with_time {
                    true => Expected::DateTime,
                    false => Expected::Date,
                };
                let expected = self.expected(&expected);
                self.pick(
                    format!("{expected} werd verwacht, niet \"{text}\""),
                    format!("{expected} was expected, not \"{text}\""),
                )
            }
            Why::Missing(field) => self.pick(
                format!("het veld {field} ontbreekt"),
                format!("the field {field} is missing"),
            ),
            Why::Duplicate(field) => self.pick(
                format!("het veld {field} staat er twee keer"),
                format!("the field {field} is there twice"),
            ),
            Why::NotOneOf { found, allowed } => {
                let allowed = allowed.join(", ");
                self.pick(
                    format!("\"{found}\" kan hier niet; wel: {allowed}"),
                    format!("\"{found}\" is not allowed here; one of: {allowed}"),
                )
            }
            Why::ControlChar(c) => {
                let name = crate::domain::text::control_char_name(*c);
                self.pick(
                    format!("bevat een stuurteken ({name}), dat een terminal als opdracht neemt"),
                    format!(
                        "contains a control character ({name}), which a terminal takes as a \
                         command"
                    ),
                )
            }
            Why::Encoding(encoding) => {
                let subject = self.pick("het bestand".into(), "the file".into());
                self.encoding(*encoding, &subject)
            }
            Why::Other(message) => self.pick(
                format!("dit past niet in een signaal-export ({message})"),
                format!("this does not fit a signaal export ({message})"),
            ),
        }
    }

    fn syntax(self, syntax: Syntax) -> String {
        let (nl, en) = match syntax {
            Syntax::ExpectedValue => (
                "hier werd een waarde verwacht (tekst tussen aanhalingstekens, een getal, true, \
                 false, null, een lijst of een object); is dit wel een JSON-bestand?",
                "a value was expected here (text in double quotes, a number, true, false, null, \
                 a list or an object); is this a JSON file?",
            ),
            Syntax::ExpectedCommaOrBrace => (
                "hier werd een komma of } verwacht (ontbreekt er een komma tussen twee velden?)",
                "a comma or } was expected here (is a comma missing between two fields?)",
            ),
            Syntax::ExpectedCommaOrBracket => (
                "hier werd een komma of ] verwacht (ontbreekt er een komma in de lijst?)",
                "a comma or ] was expected here (is a comma missing in the list?)",
            ),
            Syntax::ExpectedColon => (
                "hier werd een dubbele punt na de veldnaam verwacht",
                "a colon after the field name was expected here",
            ),
            Syntax::KeyNotText => (
                "hier werd een veldnaam tussen dubbele aanhalingstekens verwacht",
                "a field name in double quotes was expected here",
            ),
            Syntax::TrailingComma => (
                "na de laatste waarde voor } of ] mag geen komma staan",
                "no comma may follow the last value before } or ]",
            ),
            Syntax::TrailingData => (
                "na het einde van de export staat nog iets",
                "there is more after the end of the export",
            ),
            Syntax::BadNumber => ("dit is geen geldig getal", "this is not a valid number"),
            Syntax::RawControlInText => (
                "een tekst bevat een los stuurteken (een regeleinde of tab schrijf je als \\n of \
                 \\t)",
                "a text holds a raw control character (a line break or tab is written as \\n or \
                 \\t)",
            ),
            Syntax::BadEscape => (
                "een tekst bevat een ongeldige reeks na een backslash (\\)",
                "a text holds an invalid sequence after a backslash (\\)",
            ),
            Syntax::Other => ("dit is geen geldige JSON", "this is not valid JSON"),
        };
        self.pick(nl.into(), en.into())
    }

    /// What a field takes, as the subject of "... was expected".
    fn expected(self, expected: &Expected) -> String {
        let (nl, en) = match expected {
            Expected::WholeNumber => ("een geheel getal", "a whole number"),
            Expected::Number => ("een getal", "a number"),
            Expected::Text => ("tekst tussen aanhalingstekens", "text in double quotes"),
            Expected::Bool => ("true of false", "true or false"),
            Expected::List => ("een lijst ([...])", "a list ([...])"),
            Expected::Object => ("een object ({...})", "an object ({...})"),
            Expected::Date => (
                "een datum als 2024-02-29 (JJJJ-MM-DD)",
                "a date as 2024-02-29 (YYYY-MM-DD)",
            ),
            Expected::DateTime => (
                "een datum en tijd als 2026-11-29T10:15:00+01:00",
                "a date and time as 2026-11-29T10:15:00+01:00",
            ),
            Expected::Other(words) => return words.clone(),
        };
        self.pick(nl.into(), en.into())
    }

    /// What was found, as the object of "..., not ...".
    fn found(self, found: &Found) -> String {
        match found {
            Found::Text(text) => self.pick(
                format!("de tekst \"{text}\""),
                format!("the text \"{text}\""),
            ),
            Found::Number(n) => self.pick(format!("het getal {n}"), format!("the number {n}")),
            Found::Bool(b) => b.to_string(),
            Found::Null => "null".into(),
            Found::List => self.pick("een lijst".into(), "a list".into()),
            Found::Object => self.pick("een object".into(), "an object".into()),
            Found::Other(words) => words.clone(),
        }
    }
}
