//! Keymaps: which key does what, per context.
//!
//! A keymap file (`keymaps/default.toml` is the reference) has one section per [`Context`] with a
//! `keymap` array of `{ on = [keys], run = "action", desc = "..." }` bindings. The default keymap
//! and the presets are built in; a preset or a user file is laid over the default and changes
//! only what it names (see [`Keymap::overlay`]). Every problem in a file is reported with its line.

mod context;
mod error;
mod key;
mod parse;
#[cfg(test)]
mod tests;

use std::path::Path;
use std::sync::OnceLock;

use crossterm::event::{KeyEvent, KeyEventKind};

use crate::app::action::Action;

pub use crate::problem::Problem;
pub use context::Context;
pub use error::KeymapError;
pub use key::Key;

/// The built-in default keymap (the contract of DESIGN.md, "Default keymap").
pub const DEFAULT_TOML: &str = include_str!("../../keymaps/default.toml");
/// The built-in "vim" preset, an overlay on the default.
pub const VIM_TOML: &str = include_str!("../../keymaps/vim.toml");

/// Some keys that run one action in one context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub desc: String,
}

/// Context -> bindings, in file order (the default's order first; an overlay replaces a binding
/// in place and appends the actions the default does not bind in that context).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    sections: Vec<Vec<Binding>>,
}

impl Default for Keymap {
    /// The built-in default keymap.
    fn default() -> Keymap {
        static DEFAULT: OnceLock<Keymap> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                Keymap::empty()
                    .overlay("keymaps/default.toml", DEFAULT_TOML)
                    .unwrap_or_else(|err| panic!("the built-in keymap is broken:\n{err}"))
            })
            .clone()
    }
}

impl Keymap {
    /// The names `--keymap` accepts besides a file.
    pub const PRESETS: &'static [&'static str] = &["default", "vim"];

    fn empty() -> Keymap {
        Keymap {
            sections: Context::ALL.iter().map(|_| Vec::new()).collect(),
        }
    }

    /// The TOML text of a preset (for `default`, the whole default keymap; for the others the
    /// overlay that is laid over it).
    pub fn preset_source(name: &str) -> Option<&'static str> {
        match name {
            "default" => Some(DEFAULT_TOML),
            "vim" => Some(VIM_TOML),
            _ => None,
        }
    }

    /// A built-in preset, laid over the default.
    pub fn preset(name: &str) -> Option<Keymap> {
        match name {
            "default" => Some(Keymap::default()),
            _ => {
                let source = Keymap::preset_source(name)?;
                let label = format!("keymaps/{name}.toml");
                // The presets are tested; a broken one falls back to the default keys.
                Some(
                    Keymap::default()
                        .overlay(&label, source)
                        .unwrap_or_default(),
                )
            }
        }
    }

    /// The keymap for `--keymap SPEC`: none or `default` is the default keymap; a preset name is
    /// that preset over the default; anything else is a file laid over the default.
    pub fn load(spec: Option<&str>) -> Result<Keymap, KeymapError> {
        let Some(spec) = spec else {
            return Ok(Keymap::default());
        };
        if let Some(keymap) = Keymap::preset(spec) {
            return Ok(keymap);
        }
        let path = Path::new(spec);
        if path.exists() {
            return check_file(path);
        }
        Err(KeymapError::whole_file(
            spec,
            format!(
                "no keymap preset or file called {spec} (presets: {})",
                Keymap::PRESETS.join(", ")
            ),
        ))
    }

    /// This keymap with the file `text` laid over it: for each action a section of the file
    /// names, the file's keys replace that action's keys in that section (and its desc replaces
    /// the description); a key the file uses in a section is taken away from the other actions of
    /// that section. `name` is what error messages call the file.
    pub fn overlay(&self, name: &str, text: &str) -> Result<Keymap, KeymapError> {
        let (sections, problems) = parse::parse(text);
        if !problems.is_empty() {
            return Err(KeymapError::new(name, problems));
        }
        let mut result = self.clone();
        for (index, layer) in sections.into_iter().enumerate() {
            let base = &mut result.sections[index];
            for binding in layer {
                for other in base.iter_mut().filter(|b| b.action != binding.action) {
                    other.keys.retain(|key| !binding.keys.contains(key));
                }
                match base.iter_mut().find(|b| b.action == binding.action) {
                    Some(existing) => {
                        existing.keys = binding.keys;
                        if !binding.desc.is_empty() {
                            existing.desc = binding.desc;
                        }
                    }
                    None => {
                        let desc = if binding.desc.is_empty() {
                            humanize(binding.action)
                        } else {
                            binding.desc
                        };
                        base.push(Binding { desc, ..binding });
                    }
                }
            }
            base.retain(|b| !b.keys.is_empty());
        }
        Ok(result)
    }

    /// What a key press does: the first context (most specific first, e.g.
    /// `[Groups, List, Global]`) that binds the key decides. Key releases do nothing.
    pub fn action(&self, contexts: &[Context], key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        self.action_for_key(contexts, Key::from_event(key))
    }

    /// Like [`Keymap::action`], for a [`Key`].
    pub fn action_for_key(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts.iter().find_map(|&context| {
            self.bindings(context)
                .iter()
                .find(|b| b.keys.contains(&key))
                .map(|b| b.action)
        })
    }

    /// The bindings of one context, in order (for the help overlay).
    pub fn bindings(&self, context: Context) -> &[Binding] {
        &self.sections[context.index()]
    }

    /// The keys that run `action` in `context` (empty when none do).
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<Key> {
        self.bindings(context)
            .iter()
            .filter(|b| b.action == action)
            .flat_map(|b| b.keys.iter().copied())
            .collect()
    }

    /// The label of the first key that runs `action` with these contexts active (a key that an
    /// earlier context binds to something else does not count), for footer hints like `? help`.
    pub fn first_key_label(&self, contexts: &[Context], action: Action) -> Option<String> {
        self.first_key(contexts, action).map(|key| key.to_string())
    }

    /// The key [`Keymap::first_key_label`] names, to label in the screen's language.
    pub fn first_key(&self, contexts: &[Context], action: Action) -> Option<Key> {
        contexts.iter().find_map(|&context| {
            self.keys_for(context, action)
                .into_iter()
                .find(|&key| self.action_for_key(contexts, key) == Some(action))
        })
    }
}

/// `page_down` -> "Page down", for a binding a file gave no desc.
fn humanize(action: Action) -> String {
    let name = action.name().replace('_', " ");
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

/// Validates a keymap file (`signaal keymap check FILE`) and returns it laid over the default.
pub fn check_file(path: &Path) -> Result<Keymap, KeymapError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|err| KeymapError::whole_file(&name, format!("cannot read {name}: {err}")))?;
    check_str(&name, &text)
}

/// Validates keymap text; `name_for_messages` is what the problems call the file.
pub fn check_str(name_for_messages: &str, text: &str) -> Result<Keymap, KeymapError> {
    Keymap::default().overlay(name_for_messages, text)
}
