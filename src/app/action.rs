use serde::{Deserialize, Serialize};

/// Everything a key can ask the app to do. Keymap files name these in snake_case (`page_down`);
/// the names are part of the keymap format, so a variant is renamed only with a migration note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Filter,
    Add,
    Edit,
    Archive,
    ShowArchived,
    LoadDemo,
    StartEmpty,
    NextField,
    PrevField,
    Submit,
    ChoiceNext,
    ChoicePrev,
    Observe,
    Mark,
    Note,
    Compare,
    Plan,
    CloseTrajectory,
    Contacts,
    Link,
    ServeGroup,
    Remove,
    Lock,
    History,
    Pin,
    Staff,
    Visit,
    FollowUp,
    CloseVisit,
    AddGuardian,
    EditGuardian,
    RemoveGuardian,
    Mentor,
    Consent,
    /// On the staff screen: make the selected person aandachtsfunctionaris, or no longer.
    SafeguardingLead,
    /// On the groups list: remove for good the archived children past the retention term.
    Purge,
    /// Write the parents' view of the observation talk.
    ParentsView,
    /// Write a report into the reports directory: the parents' report of a child, or the
    /// care-team report of a month.
    Report,
    /// The coaching a staff member received: the selected person (staff screen) or the person
    /// at the keyboard (groups list).
    Coaching,
    /// On a child: its handover to primary school (KDV, peuteropvang), or for a BSO child the
    /// talk with the school's intern begeleider.
    Handover,
    /// On a trajectory: name the observations that prompted it (its first stage).
    PromptedBy,
}

impl Action {
    pub const ALL: [Action; 51] = [
        Action::Quit,
        Action::Help,
        Action::Back,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::Filter,
        Action::Add,
        Action::Edit,
        Action::Archive,
        Action::ShowArchived,
        Action::LoadDemo,
        Action::StartEmpty,
        Action::NextField,
        Action::PrevField,
        Action::Submit,
        Action::ChoiceNext,
        Action::ChoicePrev,
        Action::Observe,
        Action::Mark,
        Action::Note,
        Action::Compare,
        Action::Plan,
        Action::CloseTrajectory,
        Action::Contacts,
        Action::Link,
        Action::ServeGroup,
        Action::Remove,
        Action::Lock,
        Action::History,
        Action::Pin,
        Action::Staff,
        Action::Visit,
        Action::FollowUp,
        Action::CloseVisit,
        Action::AddGuardian,
        Action::EditGuardian,
        Action::RemoveGuardian,
        Action::Mentor,
        Action::Consent,
        Action::SafeguardingLead,
        Action::Purge,
        Action::ParentsView,
        Action::Report,
        Action::Coaching,
        Action::Handover,
        Action::PromptedBy,
    ];

    /// The name used in keymap files.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for action in Action::ALL {
            assert_eq!(Action::from_name(&action.name()), Some(action));
        }
        assert_eq!(Action::from_name("page_down"), Some(Action::PageDown));
        assert_eq!(Action::from_name("frobnicate"), None);
    }
}
