//! The one interface of every screen. See the design note in `app/mod.rs`.

use super::list::ListInput;
use super::modal::Popped;
use super::{Action, Ctx, Msg, Outcome};
use crate::domain::{Child, Id};
use crate::i18n::Lang;
use crate::keymap::Context;

/// Who or what a screen is about, for the access rules (a screen of a group the person at the
/// keyboard does not see is closed on a hand-over) and for what "who to call" links a card to.
#[derive(Debug, Clone, Copy, Default)]
pub struct About<'a> {
    /// The group shown, or the group of the child shown.
    pub group: Option<Id>,
    /// The child shown.
    pub child: Option<&'a Child>,
}

impl<'a> About<'a> {
    /// A screen about one child (and so about the child's group).
    pub fn child(child: &'a Child) -> About<'a> {
        About {
            group: Some(child.group_id),
            child: Some(child),
        }
    }
}

/// A screen: its state, how messages change it, and what the view needs to know besides its
/// fields. Drawn by its twin in `ui::screens`.
pub trait Component {
    /// Its step in the header's trail ("Groups › De Vlinders › Zoë de Vries").
    fn title(&self, lang: Lang) -> String;

    /// Its own contexts, most specific first, when neither a popup of its own nor its filter
    /// takes the keys (`[Groups, List, Global]`).
    fn screen_contexts(&self) -> Vec<Context>;

    /// The contexts whose keys apply now, most specific first: its popup's while one is open,
    /// the filter's while it filters, else its own.
    fn contexts(&self) -> Vec<Context> {
        match self.popup() {
            Some(popup) => popup.contexts(),
            None if self.filtering() => vec![Context::Filter],
            None => self.screen_contexts(),
        }
    }

    /// The keys the footer offers, most important first (what does not fit is left out).
    fn hints(&self) -> &'static [Action];

    /// True while printable keys are text for it (a field of its form, its filter).
    fn takes_text(&self) -> bool {
        self.popup().is_some() || self.filtering()
    }

    /// True while its list's filter takes typed text.
    fn filtering(&self) -> bool {
        self.filter_list().is_some_and(|l| l.filtering())
    }

    /// Handles a message. `Outcome::Ignored` lets the app's own keys have it.
    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome;

    /// Reads what it shows from the store again (after a change, or when it is shown again).
    ///
    /// # Errors
    /// When the store cannot be read; the screen then shows what it had.
    fn reload(&mut self, ctx: &Ctx) -> Result<(), super::AppError> {
        let _ = ctx;
        Ok(())
    }

    /// The store's count of the writes that may change what this screen shows: equal counts
    /// mean it need not be read again when it comes back into view (`stack::Stamp`). Every write,
    /// unless a screen knows what it is made of.
    fn changes_seen(&self, store: &crate::store::Store) -> u64 {
        store.changes()
    }

    /// Who or what it shows.
    fn about(&self) -> About<'_> {
        About::default()
    }

    /// True for a screen only an admin may see (the staff screen).
    fn admin_only(&self) -> bool {
        false
    }

    /// Closes a popup of its own that holds something typed and not saved, on a hand-over to
    /// someone else. True when there was one.
    fn drop_draft(&mut self) -> bool {
        false
    }

    /// Its own popup (one of its forms, or a question), while one is open.
    fn popup(&self) -> Option<&dyn Popped> {
        None
    }

    /// True while a popup of its own is open (the footer then leaves the keys to it).
    fn has_popup(&self) -> bool {
        self.popup().is_some()
    }

    /// The list its `/` filters, if it has one.
    fn filter_list(&self) -> Option<&dyn ListInput> {
        None
    }

    fn filter_list_mut(&mut self) -> Option<&mut dyn ListInput> {
        None
    }
}

/// [`Component::filter_list`] and [`Component::filter_list_mut`] for a screen whose list is
/// `self.list` (a `ListView`): `crate::filtered_list!();` in its `impl Component`.
#[macro_export]
macro_rules! filtered_list {
    () => {
        fn filter_list(&self) -> Option<&dyn $crate::app::list::ListInput> {
            Some(&self.list)
        }

        fn filter_list_mut(&mut self) -> Option<&mut dyn $crate::app::list::ListInput> {
            Some(&mut self.list)
        }
    };
}

/// [`Component::popup`] and [`Component::drop_draft`] for a screen whose popup is `self.modal`
/// (an `Option<modal::Modal<..>>`): `crate::own_popup!();` in its `impl Component`.
#[macro_export]
macro_rules! own_popup {
    () => {
        fn popup(&self) -> Option<&dyn $crate::app::modal::Popped> {
            self.modal
                .as_ref()
                .map(|m| m as &dyn $crate::app::modal::Popped)
        }

        fn drop_draft(&mut self) -> bool {
            self.modal.take().is_some()
        }
    };
}
