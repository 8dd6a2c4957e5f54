//! The app's state and how messages change it. Nothing here touches the terminal.
//!
//! # How a key becomes a change on the screen
//!
//! 1. The event loop (`tui`) reads a terminal event. A key becomes a [`Msg`] through
//!    [`App::message`]: typed text ([`Msg::Type`], [`Msg::Erase`]) while something takes text,
//!    else the [`Action`] the keymap binds to it in the contexts shown now
//!    ([`App::contexts`]). A paste, a tick of the clock and a resize are messages too.
//! 2. [`App::update`] is the only way in. It hands the message to whatever is on top: the lock
//!    screen, else one of the app's own popups (help, "stop signaal?", who to call, a PIN),
//!    else the shown screen's [`Component::update`]. A screen's own popup (one of its forms, a
//!    yes/no question) is part of the screen and gets the message first (`modal::step`).
//! 3. A component changes only itself; through the [`Ctx`] it gets (the store, the clock, who is
//!    at the keyboard, the language, the catalogues) it may read and write the store. What else
//!    should happen it returns as an [`Outcome`]: push or replace a screen, go back, reload, say
//!    something on the status line, open a popup of the app. [`Outcome::Ignored`] gives the app's
//!    own keys (quit, help, who to call, lock, PIN) their turn.
//! 4. `update` returns whether anything shown may have changed; the loop draws only then, with
//!    `ui`, which reads this state and never changes it.
//!
//! Every change a screen writes goes through the store first and shows only once flushed
//! (`saving::write_through`); errors are [`AppError`]s, put in words only by `i18n`.
//!
//! # Where a new screen goes
//!
//! - `app/screens/<name>.rs`: its state (plain fields the view reads), its forms (one struct of
//!   named `fields` per form, checked by `domain` rules) and questions in an
//!   `Option<modal::Modal<Form, About>>`, and `impl Component`: title, contexts, hints, reload,
//!   update. `app/screens/groups.rs` is the model to copy.
//! - `ui/screens/<name>.rs`: `draw(frame, area, app, screen, theme)`, ending with
//!   `modal::draw` for its popup.
//! - One line in the `screens!` list of `app/screens/mod.rs` (the enum and the one dispatch
//!   to the component), and one in `ui/screens/mod.rs` (the view's dispatch).
//! - Keys: a `[context]` in `keymaps/default.toml` if it has keys of its own.
//!
//! A popup of the app's own, over any screen (the PIN form), is a component of its own in
//! `app/popups/<name>.rs`: a variant of [`Popup`], handed its messages by `App::update_popup`.

mod access;
pub mod action;
mod backup;
mod clock;
mod component;
mod confirm;
mod contacts;
mod ctx;
mod edit;
mod error;
pub mod fields;
pub mod form;
pub mod list;
mod lock;
pub mod modal;
mod msg;
mod navigate;
mod observe;
mod outcome;
mod pin;
mod plan;
pub mod popups;
mod saving;
pub mod screen;
pub mod screens;
mod visit;

pub use action::Action;
pub use clock::Clock;
pub use component::{About, Component};
pub use confirm::{OnYes, Question};
pub use contacts::{help_label, LookupPopup};
pub use ctx::Ctx;
pub use edit::{ArchiveTarget, FormKind};
pub use error::AppError;
pub use lock::Locked;
pub use msg::Msg;
pub use outcome::Outcome;
pub use plan::field_label;
pub use saving::SaveState;
pub use screen::{
    ChangeRow, ChildRow, ChildScreen, ChildrenScreen, CompareScreen, ConsentTo, GroupRow,
    GroupsScreen, HistoryRow, HistoryScreen, ItemRow, LatestObservation, ObserveScreen,
    PickFormScreen, PlanChoice, PlanField, PlanPart, PlanRow, PlanSummary, PlansScreen, Screen,
    StaffScreen, TrajectoryRow, TrajectoryScreen, UserRow, UsersScreen, VisitChild, VisitDates,
    VisitPart, VisitRow, VisitScreen, WelcomeScreen,
};
pub use screens::pick_form::TemplateRow;
pub use visit::may_lead_visit;

use crate::domain::plan::PlanTemplate;
use crate::domain::{Catalogue, Staff};
use crate::i18n::Lang;
use crate::keymap::{Context, Key, Keymap};
use crate::store::{Signature, Store};
use form::Form;

/// The smallest terminal the screens are laid out for; below it only a notice and `q` work.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// Rows of the terminal the help overlay does not use for its lines: a margin above and below,
/// and its border.
pub const HELP_CHROME_ROWS: u16 = 4;

#[derive(Debug, Clone)]
pub enum Popup {
    Help {
        scroll: u16,
    },
    Form(Form<FormKind>),
    /// "Who to call?": typed text narrows the directory.
    Lookup(LookupPopup),
    /// Setting a PIN: your own, or (an admin, on the staff screen) someone else's.
    Pin(popups::pin::PinPopup),
    /// One contact card, opened from the lookup; `group` and `child` are where it was opened.
    Card {
        contact: crate::domain::Contact,
        group: Option<crate::domain::Id>,
        child: Option<crate::domain::Child>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The narrow view of the app a screen gets for one message, borrowed field by field so that the
/// screen stack stays free to change.
macro_rules! ctx_of {
    ($app:expr) => {
        $crate::app::Ctx {
            store: &$app.store,
            clock: $app.clock,
            user: $app.user.as_ref(),
            lang: $app.lang,
            catalogue: &$app.catalogue,
            plans: &$app.plans,
            observe_weeks: $app.observe_weeks,
        }
    };
}
pub(crate) use ctx_of;

pub struct App {
    pub(crate) store: Store,
    pub lang: Lang,
    pub keymap: Keymap,
    pub clock: Clock,
    /// The observation forms on offer (built-in and stored).
    pub catalogue: Catalogue,
    /// The step plans on offer (built-in and stored).
    pub plans: Catalogue<PlanTemplate>,
    /// A child not observed for more weeks than this is flagged in its group's list.
    pub observe_weeks: u32,
    /// Who is at the keyboard; every change is signed with this name.
    pub user: Option<Staff>,
    /// The screen stack; the last one is shown. Never empty.
    pub screens: Vec<Screen>,
    pub popup: Option<Popup>,
    /// A yes/no question over everything else (the lock screen included); while it is open
    /// every key answers it.
    pub question: Option<Question>,
    /// Whether `quit` asks "Stop signaal?" first (`quit_confirm` in the config file).
    pub quit_confirm: bool,
    pub status: Option<Status>,
    pub quit: bool,
    pub too_small: bool,
    /// The terminal's height, to know how far the help can scroll.
    height: u16,
    /// The `--user` name, kept until the database has staff to match it against.
    wanted_user: Option<String>,
    /// While locked: the "who are you" picker that unlocks. The screens and any popup stay as
    /// they were underneath, shown again once someone picks themself.
    pub locked: Option<Locked>,
    /// Idle time after which the screen locks by itself (`--lock-after`; none: never).
    pub lock_after: Option<std::time::Duration>,
    /// Who was at the keyboard lately, most recent first: they head the switch-user picker.
    recent_users: Vec<crate::domain::Id>,
    /// Automatic backups (`--backup-after`; none: off).
    pub backups: Option<crate::backup::AutoBackup>,
    /// What the header said about backups when last drawn, to redraw when it changes.
    shown_notice: Option<String>,
}

/// What the app starts with besides the store.
pub struct Options {
    pub lang: Lang,
    pub keymap: Keymap,
    pub clock: Clock,
    /// The name given with `--user`.
    pub user: Option<String>,
    /// Weeks without an observation after which a child is flagged (`--observe-weeks`).
    pub observe_weeks: u32,
    /// Idle time after which the screen locks (`--lock-after`; `None` or zero: never).
    pub lock_after: Option<std::time::Duration>,
}

impl App {
    pub fn new(store: Store, options: Options) -> App {
        let mut app = App {
            store,
            lang: options.lang,
            keymap: options.keymap,
            clock: options.clock,
            catalogue: Catalogue::default(),
            plans: Catalogue::default(),
            observe_weeks: options.observe_weeks,
            user: None,
            screens: vec![Screen::Welcome(WelcomeScreen)],
            popup: None,
            question: None,
            quit_confirm: true,
            status: None,
            quit: false,
            too_small: false,
            height: MIN_HEIGHT,
            wanted_user: options.user,
            locked: None,
            lock_after: options.lock_after.filter(|d| !d.is_zero()),
            recent_users: Vec::new(),
            backups: None,
            shown_notice: None,
        };
        app.load_catalogue();
        if !app.store.is_empty() {
            app.start();
        }
        if let Some(recovered) = app.store.recovered() {
            let text = app.lang.recovered(recovered);
            app.complain(text);
        }
        app
    }

    pub fn screen(&self) -> &Screen {
        self.screens
            .last()
            .expect("the screen stack is never empty")
    }

    /// True while a popup covers the screen: one of the app's own, or one of the screen's.
    pub fn has_popup(&self) -> bool {
        let screen_popup = self.screen().component().is_some_and(|c| c.has_popup());
        self.popup.is_some() || screen_popup
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        self.height = height;
    }

    /// The label of the first key that runs `action` with `contexts` active, in the screen's
    /// language ("Omhoog", "Spatie" in Dutch).
    pub fn key_label(&self, contexts: &[Context], action: Action) -> Option<String> {
        self.keymap
            .first_key(contexts, action)
            .map(|key| self.lang.key(key))
    }

    /// What the help lists: the shown screen's contexts first (most specific first), then every
    /// other context, each with the bindings the person at the keyboard may use there; contexts
    /// left without any are left out.
    pub fn help_sections(&self) -> Vec<(Context, Vec<&crate::keymap::Binding>)> {
        let here = match &self.locked {
            Some(_) => vec![Context::Users, Context::Global],
            None => self.screen_contexts(),
        };
        let rest = Context::ALL.into_iter().filter(|c| !here.contains(c));
        here.iter()
            .copied()
            .chain(rest)
            .map(|context| {
                let bindings = self
                    .keymap
                    .bindings(context)
                    .iter()
                    .filter(|b| access::allowed(self.user.as_ref(), context, b.action))
                    .collect::<Vec<_>>();
                (context, bindings)
            })
            .filter(|(_, bindings)| !bindings.is_empty())
            .collect()
    }

    /// How far the help can scroll: its lines (an intro line, then per section a blank line, a
    /// heading and the bindings) less the rows it is shown in.
    fn help_max_scroll(&self) -> u16 {
        let lines: usize = 1 + self
            .help_sections()
            .iter()
            .map(|(_, b)| 2 + b.len())
            .sum::<usize>();
        (lines as u16).saturating_sub(self.height.saturating_sub(HELP_CHROME_ROWS))
    }

    /// The contexts whose bindings apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        // A question takes every key as its answer, past the keymap (see `confirm`).
        if self.question.is_some() {
            return Vec::new();
        }
        if self.too_small {
            return vec![Context::Global];
        }
        if let Some(locked) = &self.locked {
            return match locked.pin {
                Some(_) => vec![Context::Form],
                None => vec![Context::Users, Context::Global],
            };
        }
        match &self.popup {
            Some(Popup::Help { .. }) => vec![Context::Help],
            Some(Popup::Form(_) | Popup::Pin(_)) => vec![Context::Form],
            Some(Popup::Lookup(_)) => vec![Context::Lookup],
            Some(Popup::Card { .. }) => vec![Context::Card],
            None => self.screen_contexts(),
        }
    }

    /// The contexts of the shown screen, whether or not a popup covers it (for hints drawn on
    /// the screen behind a popup).
    pub fn screen_contexts(&self) -> Vec<Context> {
        if let Some(component) = self.screen().component() {
            return component.contexts();
        }
        match self.screen() {
            screen if screen.filtering() => vec![Context::Filter],
            Screen::Groups(_) => vec![Context::Groups, Context::List, Context::Global],
            // Components: their contexts are asked above.
            Screen::Welcome(_)
            | Screen::Users(_)
            | Screen::Children(_)
            | Screen::Child(_)
            | Screen::Staff(_) => Vec::new(),
            Screen::Observe(_) => vec![Context::Observation, Context::List, Context::Global],
            Screen::Trajectory(_) => vec![Context::Trajectory, Context::List, Context::Global],
            Screen::Visit(_) => vec![Context::Visit, Context::List, Context::Global],
            Screen::PickForm(_) | Screen::Compare(_) | Screen::Plans(_) | Screen::History(_) => {
                vec![Context::List, Context::Global]
            }
        }
    }

    /// True when printable keys are text for an input (form field, filter, picker).
    pub fn takes_text(&self) -> bool {
        if self.question.is_some() {
            return true;
        }
        if self.too_small {
            return false;
        }
        if self.locked.is_some() {
            return true;
        }
        if let (None, Some(component)) = (&self.popup, self.screen().component()) {
            return component.takes_text();
        }
        match (&self.popup, self.screen()) {
            (Some(Popup::Form(_) | Popup::Pin(_) | Popup::Lookup(_)), _) => true,
            (Some(_), _) => false,
            (None, screen) => screen.filtering(),
        }
    }

    /// What a key means now: typed text while something takes text, else the action the keymap
    /// binds to it in the contexts shown. `None`: the key does nothing here.
    pub fn message(&self, key: Key) -> Option<Msg> {
        if self.question.is_some() {
            // Every key answers: a typed character says what it says, any other key (Enter,
            // Esc, an arrow) is a no.
            return Some(key.typed().map_or(Msg::Action(Action::Back), Msg::Type));
        }
        if self.takes_text() {
            if let Some(c) = key.typed() {
                return Some(Msg::Type(c));
            }
            if key.is_backspace() {
                return Some(Msg::Erase);
            }
        }
        let action = self.keymap.action_for_key(&self.contexts(), key);
        // Locking works from anywhere, a half-filled form included: whoever walks away locks
        // with the key they know (a key that types nothing, so no text is lost).
        let lock = || {
            let global = self.keymap.action_for_key(&[Context::Global], key);
            (key.typed().is_none() && global == Some(Action::Lock)).then_some(Action::Lock)
        };
        action.or_else(lock).map(Msg::Action)
    }

    /// The one way in: applies a message. True when what is shown may have changed; the event
    /// loop draws only then.
    pub fn update(&mut self, msg: Msg) -> bool {
        if self.hand_to_screen(&msg) {
            self.tick_backups();
            return true;
        }
        let changed = match msg {
            Msg::Action(action) => {
                self.act(action);
                true
            }
            Msg::Type(c) => {
                self.takes_text() && {
                    self.type_char(c);
                    true
                }
            }
            Msg::Erase => {
                self.takes_text() && {
                    self.backspace();
                    true
                }
            }
            // A paste is no answer to a question: it could hold a `y`.
            Msg::Paste(text) => {
                self.question.is_none() && self.takes_text() && {
                    for c in pasted(&text) {
                        self.type_char(c);
                    }
                    true
                }
            }
            Msg::Tick { idle } => return self.idle(idle),
            Msg::Resize { width, height } => {
                self.resize(width, height);
                true
            }
        };
        self.tick_backups();
        changed
    }

    /// Hands a key, text or paste to the shown screen when nothing covers it; false when it is
    /// not the screen's to handle.
    fn hand_to_screen(&mut self, msg: &Msg) -> bool {
        let input = matches!(
            msg,
            Msg::Action(_) | Msg::Type(_) | Msg::Erase | Msg::Paste(_)
        );
        // Locking comes before anything a screen does with the key.
        let lock = *msg == Msg::Action(Action::Lock);
        let covered = self.locked.is_some() || self.popup.is_some() || self.question.is_some();
        if !input || lock || self.too_small || covered {
            return false;
        }
        let ctx = ctx_of!(self);
        let Some(screen) = self.screens.last_mut().and_then(Screen::component_mut) else {
            return false;
        };
        if *msg != Msg::Action(Action::Help) {
            // A message belongs to the last thing done; the next action clears it.
            self.status = None;
        }
        let outcome = screen.update(&ctx, msg);
        if matches!(outcome, Outcome::Ignored) {
            return false;
        }
        self.apply(outcome);
        true
    }

    /// Carries out what a component asked for.
    fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Ignored | Outcome::Done => {}
            Outcome::Push(screen) => {
                self.screens.push(screen);
                self.reload();
            }
            Outcome::Replace(screen) => {
                self.screens.pop();
                self.screens.push(screen);
                self.reload();
            }
            Outcome::Pop => self.back(),
            Outcome::Reload => self.reload(),
            Outcome::Say(text) => self.say(text),
            Outcome::Fail(error) => self.complain(self.lang.error(&error)),
            Outcome::Popup(popup) => self.popup = Some(popup),
            Outcome::ClosePopup => self.popup = None,
            Outcome::SignIn(staff) => self.sign_in(staff),
            Outcome::Start => self.start(),
            Outcome::UserChanged(staff) => self.user = Some(staff),
            Outcome::All(outcomes) => outcomes.into_iter().for_each(|o| self.apply(o)),
        }
    }

    fn act(&mut self, action: Action) {
        if self.question.is_some() {
            return self.answer(false);
        }
        if self.too_small {
            if action == Action::Quit {
                self.ask_quit();
            }
            return;
        }
        if action != Action::Help {
            // A message belongs to the last thing done; the next action clears it.
            self.status = None;
        }
        if self.locked.is_some() {
            return self.update_locked(action);
        }
        if action == Action::Lock {
            return self.lock();
        }
        match self.popup.take() {
            Some(popup) => self.update_popup(popup, action),
            None => self.update_screen(action),
        }
    }

    fn type_char(&mut self, c: char) {
        if self.question.is_some() {
            return self.answer(confirm::is_yes(c));
        }
        if self.locked.is_none() && matches!(self.popup, Some(Popup::Pin(_))) {
            return self.update_pin(&Msg::Type(c));
        }
        if let Some(locked) = &mut self.locked {
            return match &mut locked.pin {
                Some(form) => form.type_char(c),
                None => locked.picker.push_filter(c),
            };
        }
        match (&mut self.popup, self.screens.last_mut()) {
            (Some(Popup::Form(form)), _) => form.type_char(c),
            (Some(Popup::Lookup(lookup)), _) => lookup.type_char(c),
            (None, Some(screen)) => {
                if let Some(list) = screen.filter_list_mut() {
                    list.push_filter(c)
                }
            }
            _ => {}
        }
    }

    fn backspace(&mut self) {
        if self.question.is_some() {
            return self.answer(false);
        }
        if self.locked.is_none() && matches!(self.popup, Some(Popup::Pin(_))) {
            return self.update_pin(&Msg::Erase);
        }
        if let Some(locked) = &mut self.locked {
            return match &mut locked.pin {
                Some(form) => form.backspace(),
                None => locked.picker.pop_filter(),
            };
        }
        match (&mut self.popup, self.screens.last_mut()) {
            (Some(Popup::Form(form)), _) => form.backspace(),
            (Some(Popup::Lookup(lookup)), _) => lookup.backspace(),
            (None, Some(screen)) => {
                if let Some(list) = screen.filter_list_mut() {
                    list.pop_filter()
                }
            }
            _ => {}
        }
    }

    /// Reads the stored forms and plans next to the built-in ones; a damaged template record is
    /// shown and the built-ins stay usable.
    pub(crate) fn load_catalogue(&mut self) {
        let stored = self.ok(self.store.form_templates()).unwrap_or_default();
        self.catalogue = Catalogue::forms(stored);
        let stored = self.ok(self.store.plan_templates()).unwrap_or_default();
        self.plans = Catalogue::plans(stored);
    }

    fn signature(&self) -> Signature {
        let by = self
            .user
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default();
        Signature {
            by,
            at: self.clock.now(),
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    fn complain(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }
}

/// Pasted text as typed characters: a line break (terminals send `\r`, `\n` or both) becomes
/// a space, as the fields are one line, and other control characters are dropped, so a paste can
/// never act as Enter, Esc or any other key. A trailing line break is left out.
fn pasted(text: &str) -> Vec<char> {
    let text = text.replace("\r\n", "\n");
    let text = text.trim_end_matches(['\r', '\n']);
    text.chars()
        .filter_map(|c| match c {
            '\r' | '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_backup;
#[cfg(test)]
mod tests_contacts;
#[cfg(test)]
mod tests_damage;
#[cfg(test)]
mod tests_lock;
#[cfg(test)]
mod tests_observe;
#[cfg(test)]
mod tests_plan;
#[cfg(test)]
mod tests_visit;
