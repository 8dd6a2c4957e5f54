use std::fmt;

/// Where a key is pressed. A keymap file has one section per context; the app asks the keymap with
/// a list of contexts, most specific first (e.g. `[Groups, List, Global]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Keys that work on every screen that is not taking text.
    Global,
    /// Any list screen.
    List,
    /// The list of groups.
    Groups,
    /// The children of one group.
    Children,
    /// One child.
    Child,
    /// A child's observation form.
    Observation,
    /// One trajectory of a child's step plan.
    Trajectory,
    /// A coach visit of a group.
    Visit,
    /// The contact lookup (takes text).
    Lookup,
    /// One contact card.
    Card,
    /// The first-start screen of an empty database.
    Welcome,
    /// The "who are you" picker (takes text).
    Users,
    /// A popup with fields (takes text).
    Form,
    /// While typing a filter.
    Filter,
    /// The help overlay.
    Help,
    /// The staff screen (admin).
    Staff,
    /// The coaching one staff member received.
    Coaching,
}

impl Context {
    pub const ALL: [Context; 17] = [
        Context::Global,
        Context::List,
        Context::Groups,
        Context::Children,
        Context::Child,
        Context::Observation,
        Context::Trajectory,
        Context::Visit,
        Context::Lookup,
        Context::Card,
        Context::Welcome,
        Context::Users,
        Context::Form,
        Context::Filter,
        Context::Help,
        Context::Staff,
        Context::Coaching,
    ];

    /// The section name used in keymap files.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Groups => "groups",
            Context::Children => "children",
            Context::Child => "child",
            Context::Observation => "observation",
            Context::Trajectory => "trajectory",
            Context::Visit => "visit",
            Context::Lookup => "lookup",
            Context::Card => "card",
            Context::Welcome => "welcome",
            Context::Users => "users",
            Context::Form => "form",
            Context::Filter => "filter",
            Context::Help => "help",
            Context::Staff => "staff",
            Context::Coaching => "coaching",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
