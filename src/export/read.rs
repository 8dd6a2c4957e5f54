//! Reading an export file one record at a time: memory holds one record, whatever the file's size,
//! and the arrays may come in any order (JSON does not fix the order of an object's keys).

use std::cell::RefCell;
use std::fmt;
use std::io::{BufRead, Read};
use std::marker::PhantomData;
use std::rc::Rc;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess};

use super::control::{self, FieldPath};
use super::unreadable::{Encoding, Unreadable, Why};
use super::Record;

/// The fields of an export that are not arrays of records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub format: String,
    pub version: u32,
}

/// Why [`read`] stopped.
#[derive(Debug)]
pub enum ReadError<E> {
    /// The input is not an export: not JSON, a record of the wrong shape, a required field
    /// missing, a name with a control character, or it could not be read: where and why.
    Format(Unreadable),
    /// The function given each record failed.
    Each(E),
}

/// A function handed each record in turn; an error stops the reading.
pub type EachRecord<'a, E> = dyn FnMut(Record<'_>) -> Result<(), E> + 'a;

/// What a control character in a name or other one-line text does (see `domain::text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// Refuses the input, with the place: for a file brought in from elsewhere (`import`).
    Refuse,
    /// Lets it through: for signaal's own backups, which must come back whatever they hold
    /// (`check` reports such a name in the database).
    Keep,
}

/// Reads the export JSON in `input`, handing each record to `each` as soon as it is read.
/// Unknown fields are skipped (newer exports may add some); the fields every export has
/// (`format`, `version`, `exported_at`, `staff`, `groups`, `children`, `audit`) are required.
/// A UTF-8 byte order mark before the JSON is skipped (editors on Windows write one); `texts`
/// says whether a control character in a name refuses the input.
pub fn read<R: Read, E>(
    input: R,
    texts: Texts,
    each: &mut EachRecord<'_, E>,
) -> Result<Header, ReadError<E>> {
    read_with(input, None, texts, each)
}

/// Like [`read`], but when `only` names arrays (e.g. `Some(&["audit"])`) only their records are
/// decoded and handed to `each`; the other arrays are read as JSON and skipped, which takes
/// about half the time of decoding them (comparing a backup's trail needs only `audit`).
/// Control characters are let through ([`Texts::Keep`]).
pub fn read_arrays<R: Read, E>(
    input: R,
    only: Option<&[&str]>,
    each: &mut EachRecord<'_, E>,
) -> Result<Header, ReadError<E>> {
    read_with(input, only, Texts::Keep, each)
}

fn read_with<R: Read, E>(
    input: R,
    only: Option<&[&str]>,
    texts: Texts,
    each: &mut EachRecord<'_, E>,
) -> Result<Header, ReadError<E>> {
    let failed = RefCell::new(None);
    let refused = RefCell::new(None);
    let input = std::io::BufReader::with_capacity(1 << 16, input);
    let captured = Rc::new(RefCell::new(Captured::new()));
    let input = Capture {
        input: without_bom(input).map_err(ReadError::Format)?,
        captured: Rc::clone(&captured),
    };
    let mut de = serde_json::Deserializer::from_reader(input);
    let visitor = File {
        each: RefCell::new(each),
        failed: &failed,
        refused: &refused,
        captured: &captured,
        only,
        texts,
    };
    let mut track = serde_path_to_error::Track::new();
    let read = serde::Deserializer::deserialize_map(
        serde_path_to_error::Deserializer::new(&mut de, &mut track),
        visitor,
    );
    if let Some(e) = failed.into_inner() {
        return Err(ReadError::Each(e));
    }
    if let Some(e) = refused.into_inner() {
        return Err(ReadError::Format(e));
    }
    let unreadable = |e: serde_json::Error, path: String| {
        let captured = captured.borrow();
        let text = captured.text_ending_at(e.line(), e.column());
        let mut unreadable = Unreadable::from_json(&e, path, text);
        // Past the start, a byte that is not UTF-8 reaches serde_json as a bad text.
        if matches!(unreadable.why, Why::Syntax(_)) && !captured.is_utf8() {
            unreadable.path = String::new();
            unreadable.why = Why::Encoding(Encoding::Windows1252);
        }
        ReadError::Format(unreadable)
    };
    let header = read.map_err(|e| {
        let path = track.path().to_string();
        unreadable(e, if path == "." { String::new() } else { path })
    })?;
    de.end().map_err(|e| unreadable(e, String::new()))?;
    Ok(header)
}

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `input` without the byte order mark it may start with; refused when its start shows that it
/// is not UTF-8 ([`Encoding::of_start`]), which the JSON reader would only call a bad escape or
/// a missing value.
fn without_bom<R: BufRead>(mut input: R) -> Result<impl Read, Unreadable> {
    // What one read gives: for a file, its first 64 KiB (the buffer's size).
    let start = input.fill_buf().map_err(|e| io_error(&e))?;
    let bom = start.starts_with(BOM);
    let start = start.strip_prefix(BOM).unwrap_or(start);
    if let Some((encoding, line, column)) = Encoding::of_start(start) {
        return Err(Unreadable {
            line,
            column,
            path: String::new(),
            why: Why::Encoding(encoding),
        });
    }
    if bom {
        input.consume(BOM.len());
    }
    Ok(input)
}

fn io_error(e: &std::io::Error) -> Unreadable {
    Unreadable {
        line: 0,
        column: 0,
        path: String::new(),
        why: Why::Io(e.to_string()),
    }
}

/// The bytes of the record being read and where it began, for the place of a control character
/// (the record is read whole before its names can be looked at) and the text of a bad date
/// (chrono's error does not repeat it).
struct Captured {
    /// The bytes read since the current record began (at most [`CAPTURED`]; then its end).
    bytes: Vec<u8>,
    /// Whether the start of `bytes` was dropped to keep within [`CAPTURED`].
    cut: bool,
    /// Line and column (1-based) of the next byte, and where `bytes` began.
    line: usize,
    column: usize,
    start: (usize, usize),
}

/// What [`Captured`] keeps at most: a record is a few kilobytes; an array skipped whole is not.
const CAPTURED: usize = 1 << 20;

impl Captured {
    fn new() -> Captured {
        Captured {
            bytes: Vec::new(),
            cut: false,
            line: 1,
            column: 1,
            start: (1, 1),
        }
    }

    fn push(&mut self, byte: u8) {
        if self.bytes.len() >= CAPTURED {
            self.bytes.drain(..CAPTURED / 2);
            self.cut = true;
        }
        self.bytes.push(byte);
        match byte {
            b'\n' => (self.line, self.column) = (self.line + 1, 1),
            _ => self.column += 1,
        }
    }

    /// Starts a new record at the next byte.
    fn begin(&mut self) {
        self.bytes.clear();
        self.cut = false;
        self.start = (self.line, self.column);
    }

    /// The JSON text (string) of the current record whose closing quote is at `line` and
    /// `column`: where serde_json says a value it could not take ends (it may have read on).
    /// Whether the bytes kept are UTF-8 (a character cut off at either end aside).
    fn is_utf8(&self) -> bool {
        let cut_start = match self.cut {
            true => self.bytes.iter().take_while(|&&b| b & 0xC0 == 0x80).count(),
            false => 0,
        };
        match std::str::from_utf8(&self.bytes[cut_start..]) {
            Ok(_) => true,
            Err(e) => e.error_len().is_none(),
        }
    }

    fn text_ending_at(&self, line: usize, column: usize) -> Option<String> {
        let (mut l, mut c) = self.start;
        let mut end = None;
        for (i, &b) in self.bytes.iter().enumerate() {
            if (l, c) == (line, column) {
                end = Some(i).filter(|_| b == b'"');
                break;
            }
            match b {
                b'\n' => (l, c) = (l + 1, 1),
                _ => c += 1,
            }
        }
        let end = end.filter(|_| !self.cut)?;
        let open = self.bytes[..end].iter().rposition(|&b| b == b'"')?;
        serde_json::from_slice(&self.bytes[open..=end]).ok()
    }

    /// Where the value at `path` in the current record begins in the file, when the record
    /// was kept whole.
    fn place_of(&self, path: &FieldPath) -> Option<(usize, usize)> {
        if self.cut {
            return None;
        }
        // The record as kept may begin with the comma and white space before it.
        let skip = self
            .bytes
            .iter()
            .position(|&b| b != b',' && !b.is_ascii_whitespace())?;
        let (mut line, mut column) = self.start;
        for &b in &self.bytes[..skip] {
            match b {
                b'\n' => (line, column) = (line + 1, 1),
                _ => column += 1,
            }
        }
        let (l, c) = control::locate(&self.bytes[skip..], path)?;
        Some(match l {
            1 => (line, column + c - 1),
            l => (line + l - 1, c),
        })
    }
}

/// A reader that hands serde_json (which reads a byte at a time) the input and keeps
/// [`Captured`] up to date.
struct Capture<R> {
    input: R,
    captured: Rc<RefCell<Captured>>,
}

impl<R: Read> Read for Capture<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.input.read(buf)?;
        let mut captured = self.captured.borrow_mut();
        buf[..n].iter().for_each(|&b| captured.push(b));
        Ok(n)
    }
}

/// The top-level object.
struct File<'f, E> {
    each: RefCell<&'f mut EachRecord<'f, E>>,
    /// The error of `each`, kept while serde unwinds with a stand-in.
    failed: &'f RefCell<Option<E>>,
    /// A record refused for a control character, kept likewise.
    refused: &'f RefCell<Option<Unreadable>>,
    captured: &'f RefCell<Captured>,
    /// The arrays whose records are wanted (`None`: all).
    only: Option<&'f [&'f str]>,
    texts: Texts,
}

/// The fields that must be there, as the export format has always had them.
const REQUIRED: [&str; 7] = [
    "format",
    "version",
    "exported_at",
    "staff",
    "groups",
    "children",
    "audit",
];

impl<'de, E> de::Visitor<'de> for File<'_, E> {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a signaal export (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let mut format = None;
        let mut version = None;
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format!("duplicate field `{key}`")));
            }
            match key.as_str() {
                "format" => format = Some(map.next_value::<String>()?),
                "version" => version = Some(map.next_value::<u32>()?),
                "exported_at" => {
                    map.next_value::<chrono::DateTime<chrono::FixedOffset>>()?;
                }
                array if self.only.is_some_and(|only| !only.contains(&array)) => {
                    map.next_value::<IgnoredAny>()?;
                }
                "staff" => map.next_value_seed(self.array("staff", |r| Record::Staff(r)))?,
                "groups" => map.next_value_seed(self.array("groups", |r| Record::Group(r)))?,
                "children" => map.next_value_seed(self.array("children", |r| Record::Child(r)))?,
                "form_templates" => {
                    map.next_value_seed(self.array("form_templates", |r| Record::FormTemplate(r)))?
                }
                "observations" => {
                    map.next_value_seed(self.array("observations", |r| Record::Observation(r)))?
                }
                "plan_templates" => {
                    map.next_value_seed(self.array("plan_templates", |r| Record::PlanTemplate(r)))?
                }
                "trajectories" => {
                    map.next_value_seed(self.array("trajectories", |r| Record::Trajectory(r)))?
                }
                "contacts" => {
                    map.next_value_seed(self.array("contacts", |r| Record::Contact(r)))?
                }
                "visits" => map.next_value_seed(self.array("visits", |r| Record::Visit(r)))?,
                "handovers" => {
                    map.next_value_seed(self.array("handovers", |r| Record::Handover(r)))?
                }
                "audit" => map.next_value_seed(self.array("audit", |r| Record::Audit(r)))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            seen.push(key);
        }
        if let Some(missing) = REQUIRED.iter().find(|f| !seen.iter().any(|s| s == *f)) {
            return Err(de::Error::missing_field(missing));
        }
        match (format, version) {
            (Some(format), Some(version)) => Ok(Header { format, version }),
            _ => Err(de::Error::custom("format and version are required")),
        }
    }
}

impl<'f, E> File<'f, E> {
    fn array<'a, T>(
        &'a self,
        name: &'static str,
        wrap: fn(&T) -> Record<'_>,
    ) -> Array<'a, 'f, T, E> {
        Array {
            file: self,
            name,
            wrap,
            _t: PhantomData,
        }
    }
}

/// One array of records, read element by element.
struct Array<'a, 'f, T, E> {
    file: &'a File<'f, E>,
    /// The array's field in the export (`children`), for paths.
    name: &'static str,
    wrap: fn(&T) -> Record<'_>,
    _t: PhantomData<T>,
}

impl<'de, T: DeserializeOwned, E> DeserializeSeed<'de> for Array<'_, '_, T, E> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: DeserializeOwned, E> de::Visitor<'de> for Array<'_, '_, T, E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        for index in 0.. {
            self.file.captured.borrow_mut().begin();
            let Some(record) = seq.next_element::<T>()? else {
                break;
            };
            let record = (self.wrap)(&record);
            let refused = (self.file.texts == Texts::Refuse)
                .then(|| control::first_in(record))
                .flatten();
            if let Some((field, c)) = refused {
                let captured = self.file.captured.borrow();
                let (line, column) = captured
                    .place_of(&field)
                    .unwrap_or((captured.line, captured.column));
                *self.file.refused.borrow_mut() = Some(Unreadable {
                    line,
                    column,
                    path: format!("{}[{index}].{field}", self.name),
                    why: Why::ControlChar(c),
                });
                return Err(de::Error::custom("refused"));
            }
            let mut each = self.file.each.borrow_mut();
            if let Err(e) = each(record) {
                *self.file.failed.borrow_mut() = Some(e);
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An export whose `staff` array holds a record of the wrong shape, and one audit entry.
    const FILE: &str = r#"{"format": "signaal-export", "version": 1,
        "exported_at": "2026-11-29T10:15:00Z", "staff": [{"not": "a staff member"}],
        "groups": [], "children": [], "audit": [{"at": "2026-11-29T10:00:00Z", "by": "Ingrid",
        "action": "group.add", "target": "group:1", "hash": ""}]}"#;

    #[test]
    fn only_the_arrays_asked_for_are_decoded() {
        let mut seen = Vec::new();
        let header = read_arrays(FILE.as_bytes(), Some(&["audit"]), &mut |record| {
            if let Record::Audit(entry) = record {
                seen.push(entry.by.clone());
            }
            Ok::<_, ()>(())
        })
        .unwrap();
        assert_eq!(
            (header.format.as_str(), header.version),
            ("signaal-export", 1)
        );
        assert_eq!(seen, ["Ingrid"]);
        // Read whole, the staff record is decoded, and refused.
        let whole = read(FILE.as_bytes(), Texts::Refuse, &mut |_| Ok::<_, ()>(()));
        assert!(matches!(whole, Err(ReadError::Format(_))));
        // Skipped arrays are still read as JSON.
        let broken = FILE.replace("[{\"not\"", "[{not");
        let skipped = read_arrays(
            broken.as_bytes(),
            Some(&["audit"]),
            &mut |_| Ok::<_, ()>(()),
        );
        assert!(matches!(skipped, Err(ReadError::Format(_))));
    }
}
