//! The app's state and how messages change it. Nothing here touches the terminal.
//!
//! # How a key becomes a change on the screen
//!
//! 1. The event loop (`tui`) reads a terminal event. A key becomes a [`Msg`] through
//!    [`App::message`]: typed text ([`Msg::Type`], [`Msg::Erase`]) while something takes text,
//!    else the [`Action`] the keymap binds to it in the contexts shown now
//!    ([`App::contexts`]). A paste, a tick of the clock and a resize are messages too.
//! 2. [`App::update`] is the only way in (`route.rs`). Ticks, resizes and signals it handles
//!    itself; a key, text or paste goes to whatever is on top: the question "Stop signaal?",
//!    else the lock screen, else one of the app's own popups (help, who to call, a PIN), else
//!    the shown screen's [`Component::update`]. A screen's own popup (one of its forms, a
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
//!   `Option<modal::Modal<Form, About>>`, and `impl Component`: title, its contexts, hints,
//!   reload, update (`crate::filtered_list!()` and `crate::own_popup!()` for the rest).
//!   `app/screens/groups.rs` is the model to copy.
//! - `ui/screens/<name>.rs`: `draw(frame, area, app, screen, theme)`, ending with
//!   `modal::draw` for its popup.
//! - One line in the `screens!` list of `app/screens/mod.rs` (the variant of [`Screen`] and the
//!   one dispatch to its component), and one in the `views!` list of `ui/screens/mod.rs` (the
//!   view's one dispatch).
//! - Keys: a `[context]` in `keymaps/default.toml` if it has keys of its own, and the
//!   permissions its actions need in `access::needed`.
//!
//! A popup of the app's own (over any screen, like "who to call?") goes the same way:
//! `app/popups/<name>.rs` with `update(&mut self, ctx, msg) -> Outcome`, its view in
//! `ui/popups/<name>.rs`, a variant of [`Popup`] and its arm in `App::update_popup`.

mod access;
pub mod action;
mod backup;
mod clock;
mod component;
mod confirm;
mod ctx;
pub mod directory;
mod error;
pub mod fields;
mod label;
mod lead;
pub mod list;
mod lock;
pub mod modal;
mod msg;
mod outcome;
pub mod popups;
pub mod reports;
mod retention;
mod route;
mod saving;
pub mod screens;
mod stack;

pub use action::Action;
pub use clock::Clock;
pub use component::{About, Component};
pub use confirm::Question;
pub use ctx::Ctx;
pub use error::AppError;
pub use label::ChildLabel;
pub use lock::Locked;
pub use msg::Msg;
pub use outcome::Outcome;
pub use popups::card::{help_label, CardPopup};
pub use popups::help::HelpPopup;
pub use popups::lookup::LookupPopup;
pub use saving::SaveState;
pub use screens::trajectory::field_label;
pub use screens::visit::may_lead_visit;
pub use screens::{
    ChangeRow, ChildRow, ChildScreen, ChildrenScreen, CompareScreen, ConsentTo, GroupRow,
    GroupsScreen, HistoryRow, HistoryScreen, ItemRow, LatestObservation, ObserveScreen,
    PickFormScreen, PlanChoice, PlanField, PlanPart, PlanRow, PlanSummary, PlansScreen, Screen,
    StaffScreen, TemplateRow, TrajectoryRow, TrajectoryScreen, UserRow, UsersScreen, VisitChild,
    VisitDates, VisitPart, VisitRow, VisitScreen, WelcomeScreen,
};

use crate::domain::plan::PlanTemplate;
use crate::domain::{Catalogue, Staff};
use crate::i18n::Lang;
use crate::keymap::{Context, Key, Keymap};
use crate::store::Store;

/// The smallest terminal the screens are laid out for; below it only a notice and `q` work.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

#[derive(Debug, Clone)]
pub enum Popup {
    Help(HelpPopup),
    /// "Who to call?": typed text narrows the directory (boxed: it holds the directory).
    Lookup(Box<LookupPopup>),
    /// One contact card, opened from the lookup, with its form (boxed: the form is large).
    Card(Box<CardPopup>),
    /// Setting a PIN: your own, or (an admin, on the staff screen) someone else's (boxed: it
    /// holds the staff record and the form).
    Pin(Box<popups::pin::PinPopup>),
    /// The month of the care-team report (`R` on the groups list).
    Report(popups::report::ReportPopup),
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
            retention_years: $app.retention_years,
            reports_dir: &$app.reports_dir,
            rows: $app.height,
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
    /// Years after archiving before a child's data is past the retention term
    /// (`retention_years` in the config file).
    pub retention_years: u32,
    /// Whether an admin was told this session that no aandachtsfunctionaris is set (`lead.rs`).
    lead_told: bool,
    pub status: Option<Status>,
    pub quit: bool,
    pub too_small: bool,
    /// The terminal's height and width, to know how far the help can scroll and how much of a
    /// long history a screen reads (`Ctx::rows`).
    pub(crate) height: u16,
    width: u16,
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
    /// Where `R` writes reports (`reports_dir` in the config file; default: `reports` beside the
    /// database directory).
    pub reports_dir: std::path::PathBuf,
    /// The directory as the `c` lookup searches it, kept between openings.
    directory: directory::DirectoryCache,
    /// Per screen on the stack, lowest first: what it was last loaded against (`None`: not
    /// loaded), so that going back reloads only a screen whose rows may have changed.
    loaded: Vec<Option<stack::Stamp>>,
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
        let store_path = &store.path().to_path_buf();
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
            retention_years: crate::config::defaults::RETENTION_YEARS,
            lead_told: false,
            status: None,
            quit: false,
            too_small: false,
            height: MIN_HEIGHT,
            width: MIN_WIDTH,
            wanted_user: options.user,
            locked: None,
            lock_after: options.lock_after.filter(|d| !d.is_zero()),
            recent_users: Vec::new(),
            backups: None,
            shown_notice: None,
            reports_dir: crate::report::files::dir_for(store_path, None),
            directory: Default::default(),
            loaded: Vec::new(),
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
        let screen_popup = self.screen().component().has_popup();
        self.popup.is_some() || screen_popup
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        let taller = height > self.height;
        self.height = height;
        self.width = width;
        let lines = self.help_lines();
        if let Some(Popup::Help(help)) = &mut self.popup {
            help.resize(lines, height);
        }
        if taller {
            self.fit_screens();
        }
    }

    /// After the terminal grew taller: a child's screen reads as many observations as now fit
    /// (it read as many as fitted when it was opened), leaving what is typed in it alone.
    fn fit_screens(&mut self) {
        let ctx = ctx_of!(self);
        let mut errors = Vec::new();
        for screen in &mut self.screens {
            if let Screen::Child(child) = screen {
                errors.extend(child.fit_observations(&ctx).err());
            }
        }
        for e in errors {
            self.complain(self.lang.error(&e));
        }
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

    /// The help's lines: an intro line, then per section a blank line, a heading and the
    /// bindings, each as many lines as its description wraps to (as `ui::popups::help` draws
    /// them).
    fn help_lines(&self) -> u16 {
        use popups::help::{description, wrapped};
        let binding_lines =
            |b: &&crate::keymap::Binding| wrapped(&description(self.lang, b), self.width).len();
        let lines: usize = 1 + self
            .help_sections()
            .iter()
            .map(|(_, b)| 2 + b.iter().map(binding_lines).sum::<usize>())
            .sum::<usize>();
        lines as u16
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
            Some(popup) => popup.contexts(),
            None => self.screen_contexts(),
        }
    }

    /// The contexts of the shown screen, whether or not a popup covers it (for hints drawn on
    /// the screen behind a popup).
    pub fn screen_contexts(&self) -> Vec<Context> {
        self.screen().component().contexts()
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
        match &self.popup {
            Some(popup) => popup.takes_text(),
            None => self.screen().component().takes_text(),
        }
    }

    /// What a key means now: typed text while something takes text, else the action the keymap
    /// binds to it in the contexts shown. `None`: the key does nothing here.
    pub fn message(&self, key: Key) -> Option<Msg> {
        let contexts = self.contexts();
        if contexts.is_empty() {
            // A question (the app's or a screen's) is open: every key answers it. A typed
            // character says what it says, any other key (Enter, Esc, an arrow, Ctrl-c) is a no.
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
        let action = self.keymap.action_for_key(&contexts, key);
        // Locking and quitting work from anywhere, a half-filled form included: whoever walks
        // away locks with the key they know, and Ctrl-C stops signaal as in any terminal program
        // (after "Stop signaal?"). Only keys that type nothing, so no typed text is taken.
        let anywhere = || {
            let global = self.keymap.action_for_key(&[Context::Global], key);
            global.filter(|a| key.typed().is_none() && matches!(a, Action::Lock | Action::Quit))
        };
        action.or_else(anywhere).map(Msg::Action)
    }

    /// The one way in: applies a message. True when what is shown may have changed; the event
    /// loop draws only then.
    pub fn update(&mut self, msg: Msg) -> bool {
        match msg {
            Msg::Tick { idle } => return self.idle(idle),
            Msg::Signal(_) => {
                self.quit = true;
                return false;
            }
            Msg::Resize { width, height } => self.resize(width, height),
            input => self.input(&input),
        }
        self.tell_missing_lead();
        self.tick_backups();
        true
    }

    /// Reads the stored forms and plans next to the built-in ones; a damaged template record is
    /// shown and the built-ins stay usable.
    pub(crate) fn load_catalogue(&mut self) {
        let stored = self.ok(self.store.form_templates()).unwrap_or_default();
        self.catalogue = Catalogue::forms(stored);
        let stored = self.ok(self.store.plan_templates()).unwrap_or_default();
        self.plans = Catalogue::plans(stored);
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

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_backup;
#[cfg(test)]
mod tests_child_record;
#[cfg(test)]
mod tests_contacts;
#[cfg(test)]
mod tests_damage;
#[cfg(test)]
mod tests_growth;
#[cfg(test)]
mod tests_handover;
#[cfg(test)]
mod tests_lead;
#[cfg(test)]
mod tests_leaks;
#[cfg(test)]
mod tests_lock;
#[cfg(test)]
mod tests_meldcode;
#[cfg(test)]
mod tests_observe;
#[cfg(test)]
mod tests_plan;
#[cfg(test)]
mod tests_prompts;
#[cfg(test)]
mod tests_reload;
#[cfg(test)]
mod tests_reports;
#[cfg(test)]
mod tests_roles;
#[cfg(test)]
mod tests_visit;
