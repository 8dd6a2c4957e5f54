//! The state of a popup form: a few labelled fields, text or a fixed choice. What the fields mean
//! and how they are saved is decided by `edit`, so this stays one small component for every form.

use crate::i18n::T;

#[derive(Debug, Clone)]
pub enum FieldValue {
    Text(String),
    /// One of `options` (labels shown as is); `index` is the chosen one.
    Choice {
        options: Vec<String>,
        index: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    pub label: T,
    pub value: FieldValue,
    /// Drawn as dots (a PIN).
    pub secret: bool,
}

impl Field {
    pub fn text(label: T, value: &str) -> Field {
        Field {
            label,
            value: FieldValue::Text(value.to_string()),
            secret: false,
        }
    }

    /// An empty text field whose text is never drawn (a PIN).
    pub fn secret(label: T) -> Field {
        Field {
            secret: true,
            ..Field::text(label, "")
        }
    }

    pub fn choice(label: T, options: Vec<String>, index: usize) -> Field {
        let index = index.min(options.len().saturating_sub(1));
        Field {
            label,
            value: FieldValue::Choice { options, index },
            secret: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form<K> {
    pub kind: K,
    pub title: T,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last save was refused, shown under the fields; the typed values stay.
    pub error: Option<String>,
    /// Something to read before filling in the form (a warning), shown above the fields.
    pub warning: Option<String>,
    /// How to fill in the fields (what the digits of a field mean), shown under them.
    pub hint: Option<String>,
}

impl<K> Form<K> {
    pub fn new(kind: K, title: T, fields: Vec<Field>) -> Form<K> {
        Form {
            kind,
            title,
            fields,
            focus: 0,
            error: None,
            warning: None,
            hint: None,
        }
    }

    pub fn with_warning(mut self, warning: impl Into<String>) -> Form<K> {
        self.warning = Some(warning.into());
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Form<K> {
        self.hint = Some(hint.into());
        self
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev_field(&mut self) {
        let len = self.fields.len().max(1);
        self.focus = (self.focus + len - 1) % len;
    }

    /// Typed text goes into the focused text field; a choice field ignores it.
    pub fn type_char(&mut self, c: char) {
        if let Some(FieldValue::Text(text)) = self.fields.get_mut(self.focus).map(|f| &mut f.value)
        {
            text.push(c);
        }
    }

    pub fn backspace(&mut self) {
        if let Some(FieldValue::Text(text)) = self.fields.get_mut(self.focus).map(|f| &mut f.value)
        {
            text.pop();
        }
    }

    /// Moves the focused choice by `step` (wrapping); text fields ignore it.
    pub fn cycle(&mut self, step: isize) {
        if let Some(FieldValue::Choice { options, index }) =
            self.fields.get_mut(self.focus).map(|f| &mut f.value)
        {
            let len = options.len().max(1) as isize;
            *index = ((*index as isize + step).rem_euclid(len)) as usize;
        }
    }

    pub fn text(&self, field: usize) -> &str {
        match self.fields.get(field).map(|f| &f.value) {
            Some(FieldValue::Text(text)) => text,
            _ => "",
        }
    }

    /// Empties a text field and hands back what it held (a PIN, not kept after a try).
    pub fn take_text(&mut self, field: usize) -> String {
        match self.fields.get_mut(field).map(|f| &mut f.value) {
            Some(FieldValue::Text(text)) => std::mem::take(text),
            _ => String::new(),
        }
    }

    pub fn choice(&self, field: usize) -> usize {
        match self.fields.get(field).map(|f| &f.value) {
            Some(FieldValue::Choice { index, .. }) => *index,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_goes_to_the_focused_text_field_only() {
        let mut form = Form::new(
            (),
            T::FormAddGroup,
            vec![
                Field::text(T::FieldName, ""),
                Field::choice(T::FieldKind, vec!["KDV".into(), "BSO".into()], 0),
            ],
        );
        form.type_char('Z');
        form.type_char('ë');
        form.next_field();
        form.type_char('x');
        form.cycle(1);
        assert_eq!(form.text(0), "Zë");
        assert_eq!(form.choice(1), 1);
        form.cycle(1);
        assert_eq!(form.choice(1), 0, "wraps");
        form.prev_field();
        form.backspace();
        assert_eq!(form.text(0), "Z");
        form.prev_field();
        assert_eq!(form.focus, 1, "wraps backwards");
    }
}
