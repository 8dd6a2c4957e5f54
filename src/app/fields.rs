//! Typed forms. A form is a struct of named fields ([`Text`], [`Date`], [`Choice`]) that lists
//! them in order through [`Fields`]; [`Form`] adds what every form has (the focused field, the
//! error of the last try). Screens read a field by its name, never by its place; what a value
//! must be is checked by the domain (`domain::invalid`), not here.

use chrono::NaiveDate;

use super::Msg;
use crate::domain::invalid::{parse_date, parse_optional_date, Invalid};
use crate::i18n::{Lang, T};

/// What a field is called: a fixed text of the app, or a name that comes with data (a domain
/// of the child's observation form, in the form's own words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Fixed(T),
    Named(String),
}

impl Label {
    /// The label in `lang` (a name from data is shown as it is).
    pub fn text(&self, lang: Lang) -> &str {
        match self {
            Label::Fixed(t) => lang.get(*t),
            Label::Named(name) => name,
        }
    }
}

impl From<T> for Label {
    fn from(t: T) -> Label {
        Label::Fixed(t)
    }
}

impl From<String> for Label {
    fn from(name: String) -> Label {
        Label::Named(name)
    }
}

/// What a field shows, for the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub label: Label,
    /// The value as drawn (dots for a secret).
    pub value: String,
    /// A choice is drawn as `‹ value ›` and changes with left and right.
    pub choice: bool,
    /// How to fill it in (the date shapes it takes), drawn under it when it has the focus.
    pub hint: Option<String>,
    /// Where typing goes, in characters of `value`; drawn when the field has the focus.
    pub cursor: usize,
}

/// One field of a form.
pub trait Field {
    /// What the view draws of it.
    fn shown(&self, lang: Lang) -> Shown;
    /// Typed text, Backspace or a paste; a choice ignores them.
    fn edit(&mut self, msg: &Msg) {
        let _ = msg;
    }
    /// Left and right: the next or previous option of a choice; in text, the cursor moves.
    fn cycle(&mut self, step: isize) {
        let _ = step;
    }
    /// True for a choice (the form's hints then name the keys that change it).
    fn is_choice(&self) -> bool {
        false
    }
}

/// The most characters a one-line field takes (a name, a place): more than any real name, few
/// enough that a paste by mistake cannot push every other column off a list.
pub const LINE_MAX: usize = 120;
/// The most characters a note takes: about two pages.
pub const NOTE_MAX: usize = 4000;

/// A line of text. `multiline` text (a note) keeps the line breaks of a paste; a one-line field
/// turns them into spaces. A `secret` (a PIN) is drawn as dots. A field takes at most
/// [`LINE_MAX`] or [`NOTE_MAX`] characters: a key or a paste that does not fit is refused whole,
/// never cut, and the field's hint says so until the next edit that fits.
#[derive(Debug, Clone, Default)]
pub struct Text {
    pub label: Option<Label>,
    pub value: String,
    pub multiline: bool,
    pub secret: bool,
    /// Where typing goes, in characters from the start; `None`: at the end (where a field
    /// starts, and where it stays while one only types).
    cursor: Option<usize>,
    /// The last key or paste did not fit and was refused.
    refused: bool,
}

impl Text {
    pub fn new(label: impl Into<Label>, value: &str) -> Text {
        Text {
            label: Some(label.into()),
            value: value.to_string(),
            ..Text::default()
        }
    }

    /// A note: a paste keeps its line breaks.
    pub fn note(label: impl Into<Label>, value: &str) -> Text {
        Text {
            multiline: true,
            ..Text::new(label, value)
        }
    }

    /// An empty field whose text is never drawn (a PIN).
    pub fn secret(label: T) -> Text {
        Text {
            secret: true,
            ..Text::new(label, "")
        }
    }

    /// The cursor, in characters from the start.
    fn at(&self) -> usize {
        let len = self.value.chars().count();
        self.cursor.map_or(len, |at| at.min(len))
    }

    /// The byte offset of the cursor in `value`.
    fn byte_at(&self) -> usize {
        let at = self.at();
        self.value
            .char_indices()
            .nth(at)
            .map_or(self.value.len(), |(i, _)| i)
    }

    /// Puts the cursor at character `at`; at the end it follows the typing again.
    fn move_to(&mut self, at: usize) {
        let len = self.value.chars().count();
        self.cursor = (at < len).then_some(at);
    }

    /// The text without surrounding spaces.
    pub fn trimmed(&self) -> &str {
        self.value.trim()
    }

    /// Backspace: takes the character before the cursor.
    fn erase(&mut self) {
        let (at, byte) = (self.at(), self.byte_at());
        let Some(before) = self.value[..byte].chars().next_back() else {
            return;
        };
        self.value.replace_range(byte - before.len_utf8()..byte, "");
        if self.cursor.is_some() {
            self.move_to(at - 1);
        }
    }

    /// The most characters this field takes.
    pub fn max(&self) -> usize {
        match self.multiline {
            true => NOTE_MAX,
            false => LINE_MAX,
        }
    }

    /// The text, and `missing` when it is blank.
    ///
    /// # Errors
    /// `missing` for a blank field.
    pub fn required(&self, missing: Invalid) -> Result<String, Invalid> {
        crate::domain::invalid::required(&self.value, missing)
    }
}

impl Field for Text {
    fn shown(&self, lang: Lang) -> Shown {
        let value = match self.secret {
            true => "•".repeat(self.value.chars().count()),
            false => self.value.clone(),
        };
        let hint = self.refused.then(|| lang.too_long(self.max()));
        Shown {
            label: self.label.clone().unwrap_or(Label::Fixed(T::FieldNote)),
            value,
            choice: false,
            hint,
            cursor: self.at(),
        }
    }

    /// Typed text and pastes go in at the cursor, Backspace takes the character before it. What
    /// does not fit is refused whole (see [`Text`]).
    fn edit(&mut self, msg: &Msg) {
        let inserted = match msg {
            Msg::Type(c) => c.to_string(),
            Msg::Paste(text) => pasted(text, self.multiline),
            Msg::Erase => {
                self.refused = false;
                self.erase();
                return;
            }
            _ => return,
        };
        let room = self.max().saturating_sub(self.value.chars().count());
        self.refused = inserted.chars().count() > room;
        if self.refused {
            return;
        }
        let (at, byte) = (self.at(), self.byte_at());
        self.value.insert_str(byte, &inserted);
        if self.cursor.is_some() {
            self.move_to(at + inserted.chars().count());
        }
    }

    fn cycle(&mut self, step: isize) {
        let at = self.at().saturating_add_signed(step);
        self.move_to(at.min(self.value.chars().count()));
    }
}

/// Pasted text as it goes into a field: line breaks (terminals send `\r`, `\n` or both) stay in
/// a note and become spaces elsewhere; other control characters are dropped, so a paste can never
/// act as a key. A trailing line break is left out.
pub fn pasted(text: &str, multiline: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_end_matches('\n');
    text.chars()
        .filter_map(|c| match c {
            '\n' if multiline => Some('\n'),
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// A date typed as the screen shows dates (DD-MM-YYYY in Dutch) or as YYYY-MM-DD. It starts with
/// the date in the screen's language; its hint says which shapes it takes.
#[derive(Debug, Clone)]
pub struct Date {
    pub text: Text,
    /// Empty means no date (an optional date); otherwise empty is refused.
    pub optional: bool,
}

impl Date {
    pub fn new(label: T, lang: Lang, value: Option<NaiveDate>) -> Date {
        let shown = value.map(|d| lang.date(d)).unwrap_or_default();
        Date {
            text: Text::new(label, &shown),
            optional: false,
        }
    }

    /// A date that may be left empty.
    pub fn optional(label: T, lang: Lang, value: Option<NaiveDate>) -> Date {
        Date {
            optional: true,
            ..Date::new(label, lang, value)
        }
    }

    /// The date typed.
    ///
    /// # Errors
    /// [`Invalid::BadDate`] when the text is no date (or empty, unless optional).
    pub fn value(&self) -> Result<Option<NaiveDate>, Invalid> {
        match self.optional {
            true => parse_optional_date(&self.text.value),
            false => parse_date(&self.text.value).map(Some),
        }
    }

    /// The date typed, for a date that is not optional.
    ///
    /// # Errors
    /// [`Invalid::BadDate`] when the text is no date.
    pub fn date(&self) -> Result<NaiveDate, Invalid> {
        parse_date(&self.text.value)
    }
}

impl Field for Date {
    fn shown(&self, lang: Lang) -> Shown {
        Shown {
            hint: Some(lang.date_hint().to_string()),
            ..self.text.shown(lang)
        }
    }

    fn edit(&mut self, msg: &Msg) {
        self.text.edit(msg);
    }

    fn cycle(&mut self, step: isize) {
        self.text.cycle(step);
    }
}

/// One of a fixed set of values, each with the label shown.
#[derive(Debug, Clone)]
pub struct Choice<V> {
    pub label: T,
    options: Vec<(String, V)>,
    index: usize,
}

impl<V: Clone> Choice<V> {
    /// A choice among `options` (label, value), on the first whose value `selected` holds for.
    pub fn new(label: T, options: Vec<(String, V)>, selected: impl Fn(&V) -> bool) -> Choice<V> {
        let index = options.iter().position(|(_, v)| selected(v)).unwrap_or(0);
        Choice {
            label,
            options,
            index,
        }
    }

    /// The chosen value; `None` only for a choice without options.
    pub fn value(&self) -> Option<&V> {
        self.options.get(self.index).map(|(_, v)| v)
    }
}

impl<V> Field for Choice<V> {
    fn shown(&self, _lang: Lang) -> Shown {
        Shown {
            label: Label::Fixed(self.label),
            value: self
                .options
                .get(self.index)
                .map(|(label, _)| label.clone())
                .unwrap_or_default(),
            choice: true,
            hint: None,
            cursor: 0,
        }
    }

    fn cycle(&mut self, step: isize) {
        let len = self.options.len().max(1) as isize;
        self.index = (self.index as isize + step).rem_euclid(len) as usize;
    }

    fn is_choice(&self) -> bool {
        true
    }
}

/// A typed form: its title, an optional warning to read first, and its fields in order.
pub trait Fields {
    fn title(&self) -> T;
    fn fields(&self) -> Vec<&dyn Field>;
    fn fields_mut(&mut self) -> Vec<&mut dyn Field>;
    /// Something to read before filling it in, shown above the fields.
    fn warning(&self, lang: Lang) -> Option<String> {
        let _ = lang;
        None
    }
    /// How to fill it in as a whole (what the digits of a field mean), shown under the fields.
    fn hint(&self, lang: Lang) -> Option<String> {
        let _ = lang;
        None
    }
}

/// Lists a form's fields, in order, for [`Fields`]: `fields!(first_name, last_name, born)`.
#[macro_export]
macro_rules! fields {
    ($($field:ident),+ $(,)?) => {
        fn fields(&self) -> Vec<&dyn $crate::app::fields::Field> {
            vec![$(&self.$field),+]
        }
        fn fields_mut(&mut self) -> Vec<&mut dyn $crate::app::fields::Field> {
            vec![$(&mut self.$field),+]
        }
    };
}

/// A form being filled in: its fields, which has the focus, and why the last try was refused.
#[derive(Debug, Clone)]
pub struct Form<F> {
    pub fields: F,
    pub focus: usize,
    /// Why the last save was refused (already in the screen's language); the typed values stay.
    pub error: Option<String>,
}

/// What a message did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormStep {
    /// Typed into, moved between fields, or not for it: the form stays.
    Stay,
    /// Esc: the form closes, nothing saved.
    Cancel,
    /// Enter: the screen checks and saves it.
    Submit,
}

impl<F: Fields> Form<F> {
    pub fn new(fields: F) -> Form<F> {
        Form {
            fields,
            focus: 0,
            error: None,
        }
    }

    /// Applies a message; a form takes typed text, pastes and its own keys.
    pub fn update(&mut self, msg: &Msg) -> FormStep {
        use super::Action;
        let len = self.fields.fields().len().max(1);
        let focus = self.focus;
        match msg {
            Msg::Action(Action::Submit) => return FormStep::Submit,
            Msg::Action(Action::Back) => return FormStep::Cancel,
            Msg::Action(Action::NextField) => self.focus = (focus + 1) % len,
            Msg::Action(Action::PrevField) => self.focus = (focus + len - 1) % len,
            Msg::Action(Action::ChoiceNext) => self.with_focused(|f| f.cycle(1)),
            Msg::Action(Action::ChoicePrev) => self.with_focused(|f| f.cycle(-1)),
            Msg::Type(_) | Msg::Erase | Msg::Paste(_) => self.with_focused(|f| f.edit(msg)),
            _ => {}
        }
        FormStep::Stay
    }

    fn with_focused(&mut self, change: impl FnOnce(&mut dyn Field)) {
        let focus = self.focus;
        if let Some(field) = self.fields.fields_mut().into_iter().nth(focus) {
            change(field);
        }
    }

    /// The form again, with why it was refused.
    pub fn refused(mut self, why: String) -> Form<F> {
        self.error = Some(why);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;

    struct Sample {
        name: Text,
        born: Date,
        kind: Choice<u8>,
    }

    impl Fields for Sample {
        fn title(&self) -> T {
            T::FormAddChild
        }
        fields!(name, born, kind);
    }

    fn sample() -> Form<Sample> {
        Form::new(Sample {
            name: Text::new(T::FieldName, ""),
            born: Date::new(T::FieldBirthDate, Lang::Nl, None),
            kind: Choice::new(
                T::FieldKind,
                vec![("KDV".into(), 1), ("BSO".into(), 2)],
                |v| *v == 2,
            ),
        })
    }

    #[test]
    fn typing_goes_to_the_focused_field_and_choices_cycle() {
        let mut form = sample();
        for msg in [Msg::Type('Z'), Msg::Type('ë'), Msg::Type('x'), Msg::Erase] {
            form.update(&msg);
        }
        form.update(&Msg::Action(Action::NextField));
        form.update(&Msg::Paste("17-04-2023\n".into()));
        form.update(&Msg::Action(Action::NextField));
        form.update(&Msg::Type('q'));
        assert_eq!(
            form.fields.kind.value(),
            Some(&2),
            "starts on the selected value"
        );
        form.update(&Msg::Action(Action::ChoiceNext));
        assert_eq!(form.fields.kind.value(), Some(&1), "wraps");
        assert_eq!(form.fields.name.value, "Zë");
        assert_eq!(
            form.fields.born.date(),
            Ok(NaiveDate::from_ymd_opt(2023, 4, 17).unwrap())
        );
        form.update(&Msg::Action(Action::NextField));
        assert_eq!(form.focus, 0, "wraps to the first field");
        form.update(&Msg::Action(Action::PrevField));
        assert_eq!(form.focus, 2, "wraps backwards");
        assert_eq!(form.update(&Msg::Action(Action::Submit)), FormStep::Submit);
        assert_eq!(form.update(&Msg::Action(Action::Back)), FormStep::Cancel);
    }

    #[test]
    fn a_paste_keeps_line_breaks_only_in_a_note() {
        let mut one_line = Text::new(T::FieldName, "");
        one_line.edit(&Msg::Paste("Levi\r\nvan den\tBerg\x1b[D\n".into()));
        assert_eq!(one_line.value, "Levi van den Berg[D");
        let mut note = Text::note(T::FieldNote, "");
        note.edit(&Msg::Paste("eerste regel\rtweede\n".into()));
        assert_eq!(note.value, "eerste regel\ntweede");
    }

    #[test]
    fn left_and_right_move_the_cursor_and_typing_goes_in_there() {
        let mut name = Text::new(T::FieldName, "Pjet");
        name.cycle(-3);
        name.edit(&Msg::Erase);
        assert_eq!(
            name.value, "jet",
            "Backspace takes the character before the cursor"
        );
        name.edit(&Msg::Type('P'));
        name.edit(&Msg::Type('i'));
        assert_eq!(name.value, "Pijet");
        assert_eq!(name.shown(Lang::Nl).cursor, 2);
        name.cycle(-10);
        name.edit(&Msg::Paste("Zoë ".into()));
        assert_eq!(name.value, "Zoë Pijet", "a paste goes in at the cursor");
        name.cycle(100);
        name.edit(&Msg::Type('!'));
        assert_eq!(
            name.value, "Zoë Pijet!",
            "at the end it follows the typing again"
        );
        assert_eq!(name.shown(Lang::Nl).cursor, 10);
        let mut date = Date::new(T::FieldBirthDate, Lang::Nl, None);
        date.edit(&Msg::Paste("17-4-2023".into()));
        date.cycle(-6);
        date.edit(&Msg::Type('0'));
        assert_eq!(
            date.date(),
            Ok(NaiveDate::from_ymd_opt(2023, 4, 17).unwrap())
        );
        assert_eq!(date.text.value, "17-04-2023");
    }

    #[test]
    fn what_does_not_fit_is_refused_whole_and_said_never_cut() {
        let mut name = Text::new(T::FieldName, "");
        name.edit(&Msg::Paste("a".repeat(5000)));
        assert_eq!(name.value, "", "a paste too long is refused whole");
        let hint = name.shown(Lang::En).hint.expect("says why");
        assert!(hint.contains("at most 120 characters"), "{hint}");
        name.edit(&Msg::Paste("a".repeat(LINE_MAX)));
        assert_eq!(name.value.chars().count(), LINE_MAX);
        assert_eq!(name.shown(Lang::En).hint, None, "it fitted");
        name.edit(&Msg::Type('ë'));
        assert_eq!(name.value.chars().count(), LINE_MAX, "full");
        assert!(name
            .shown(Lang::Nl)
            .hint
            .is_some_and(|h| h.contains("ten hoogste 120")));
        name.edit(&Msg::Erase);
        assert_eq!(name.shown(Lang::En).hint, None);
        name.edit(&Msg::Type('ë'));
        assert!(name.value.ends_with('ë'), "room again after a Backspace");
        let mut note = Text::note(T::FieldNote, "");
        let signals = "12-09 huilde bij het ophalen\n19-09 blauwe plek arm\n26-09 stil\n";
        note.edit(&Msg::Paste(signals.repeat(20)));
        assert_eq!(note.value.lines().count(), 60, "a note keeps every line");
        note.edit(&Msg::Paste("ĳ\n".repeat(5000)));
        assert!(note.shown(Lang::En).hint.is_some());
        assert_eq!(
            note.value.lines().count(),
            60,
            "and nothing of what did not fit"
        );
    }

    #[test]
    fn a_date_field_shows_and_hints_the_screens_shape() {
        let day = NaiveDate::from_ymd_opt(2023, 4, 17);
        let nl = Date::new(T::FieldBirthDate, Lang::Nl, day);
        assert_eq!(nl.shown(Lang::Nl).value, "17-04-2023");
        assert!(nl.shown(Lang::Nl).hint.unwrap().contains("DD-MM-JJJJ"));
        let en = Date::optional(T::FieldBirthDate, Lang::En, None);
        assert_eq!(en.value(), Ok(None));
        assert!(en
            .shown(Lang::En)
            .hint
            .unwrap()
            .starts_with("Date: YYYY-MM-DD"));
    }
}
