use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key with its modifiers, normalized so that a key from a keymap file and a key from the
/// terminal compare equal when they mean the same thing:
///
/// - only Ctrl, Alt and Shift count;
/// - for a character the case carries Shift (`D` is Shift+d), so the Shift modifier is dropped;
/// - with Ctrl a letter is lower case (`Ctrl-L`, `ctrl-l` and a terminal's Char('L') with
///   Ctrl+Shift are all the same key);
/// - Shift+Tab is BackTab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

/// The named (non-character) keys a keymap file may use, with the label shown to people.
const NAMED: &[(&str, KeyCode)] = &[
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Space", KeyCode::Char(' ')),
    ("Insert", KeyCode::Insert),
];

/// Other spellings people write for the same keys (matched case-insensitively).
const ALIASES: &[(&str, KeyCode)] = &[
    ("escape", KeyCode::Esc),
    ("return", KeyCode::Enter),
    ("del", KeyCode::Delete),
    ("ins", KeyCode::Insert),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pgdown", KeyCode::PageDown),
];

const MODIFIER_PREFIXES: &[(&str, KeyModifiers)] = &[
    ("ctrl-", KeyModifiers::CONTROL),
    ("control-", KeyModifiers::CONTROL),
    ("alt-", KeyModifiers::ALT),
    ("shift-", KeyModifiers::SHIFT),
];

impl Key {
    /// A normalized key.
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) => {
                let mut c = c;
                if modifiers.contains(KeyModifiers::SHIFT) {
                    c = single_upper(c);
                    modifiers.remove(KeyModifiers::SHIFT);
                }
                if modifiers.contains(KeyModifiers::CONTROL) && c.is_ascii_alphabetic() {
                    c = c.to_ascii_lowercase();
                }
                KeyCode::Char(c)
            }
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }

    /// The key of a terminal event (its kind, press or release, is not part of the key).
    pub fn from_event(event: KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }

    /// A key as written in a keymap file: a single character (`q`, `?`, `D`), a name (`Up`,
    /// `Enter`, `Esc`, `PageDown`, `Space`, `F1`..`F12`, ...), optionally after `Ctrl-`, `Alt-`
    /// and `Shift-`. Names and modifiers are case-insensitive; a lone character keeps its case
    /// (`D` is Shift+d) except after Ctrl. None when the text names no key.
    pub fn parse(text: &str) -> Option<Key> {
        let mut rest = text;
        let mut modifiers = KeyModifiers::NONE;
        'prefixes: while rest.chars().count() > 1 {
            for (prefix, modifier) in MODIFIER_PREFIXES {
                if rest.len() > prefix.len()
                    && rest.is_char_boundary(prefix.len())
                    && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
                {
                    modifiers |= *modifier;
                    rest = &rest[prefix.len()..];
                    continue 'prefixes;
                }
            }
            break;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return None,
            (Some(c), None) => {
                // Shift on a character without case (Shift-1) would silently mean "1".
                if modifiers.contains(KeyModifiers::SHIFT)
                    && !(c.is_lowercase() || c.is_uppercase())
                {
                    return None;
                }
                KeyCode::Char(c)
            }
            _ => named(rest)?,
        };
        Some(Key::new(code, modifiers))
    }

    /// The character this key types into a text field: a character without Ctrl or Alt.
    pub fn typed(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c)
                if !self
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(c)
            }
            _ => None,
        }
    }

    /// True for Backspace, which takes a typed character back.
    pub fn is_backspace(&self) -> bool {
        self.code == KeyCode::Backspace
    }

    pub fn code(&self) -> KeyCode {
        self.code
    }

    pub fn modifiers(&self) -> KeyModifiers {
        self.modifiers
    }
}

fn single_upper(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

fn named(name: &str) -> Option<KeyCode> {
    if let Some((_, code)) = NAMED
        .iter()
        .chain(ALIASES)
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
    {
        return Some(*code);
    }
    let number = name.strip_prefix(['f', 'F'])?;
    if number.starts_with('0') {
        return None;
    }
    match number.parse::<u8>() {
        Ok(n) if (1..=12).contains(&n) => Some(KeyCode::F(n)),
        _ => None,
    }
}

impl Key {
    /// A label for people, with the names of named keys (`Up`, `Space`, ...) from `name` where
    /// it has one (a translation) and the keymap's English names otherwise.
    pub fn label_with(&self, name: impl Fn(KeyCode) -> Option<&'static str>) -> String {
        let mut label = String::new();
        for (modifier, prefix) in [
            (KeyModifiers::CONTROL, "Ctrl-"),
            (KeyModifiers::ALT, "Alt-"),
            (KeyModifiers::SHIFT, "Shift-"),
        ] {
            if self.modifiers.contains(modifier) {
                label.push_str(prefix);
            }
        }
        let named = |code: KeyCode| {
            name(code).or_else(|| NAMED.iter().find(|(_, c)| *c == code).map(|(n, _)| *n))
        };
        match self.code {
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                label.push(c.to_ascii_uppercase())
            }
            KeyCode::Char(c) if c != ' ' => label.push(c),
            KeyCode::BackTab => {
                label.push_str("Shift-");
                label.push_str(named(KeyCode::Tab).unwrap_or("Tab"));
            }
            KeyCode::F(n) => label.push_str(&format!("F{n}")),
            code => match named(code) {
                Some(text) => label.push_str(text),
                None => label.push_str(&format!("{code:?}")),
            },
        }
        label
    }
}

impl fmt::Display for Key {
    /// A label for people: `Ctrl-L`, `Space`, `Up`, `k`, `Shift-Tab`, `F1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label_with(|_| None))
    }
}
