//! What an audit entry records as its `action`: one variant per kind of change signaal makes.
//! The strings are part of the export format (`audit[].action`) and never change; entries keep
//! them as text, so exports from older or newer versions read back whatever they hold.

/// One kind of change in the audit trail. [`AuditAction::as_str`] is the string stored in the
/// entry and written in the export ("group.edit"); [`AuditAction::parse`] reads one back.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
pub enum AuditAction {
    #[strum(serialize = "group.add")]
    GroupAdd,
    #[strum(serialize = "group.edit")]
    GroupEdit,
    /// The group's form templates were set (`signaal forms use`).
    #[strum(serialize = "group.forms")]
    GroupForms,
    #[strum(serialize = "group.archive")]
    GroupArchive,
    #[strum(serialize = "group.restore")]
    GroupRestore,
    #[strum(serialize = "child.add")]
    ChildAdd,
    #[strum(serialize = "child.edit")]
    ChildEdit,
    /// The child's linked contact cards changed.
    #[strum(serialize = "child.contacts")]
    ChildContacts,
    /// The child's parents and guardians were added, changed or removed.
    #[strum(serialize = "child.guardians")]
    ChildGuardians,
    /// The child's mentor was set or cleared.
    #[strum(serialize = "child.mentor")]
    ChildMentor,
    /// The parents' consent (coach, care team, school) was recorded.
    #[strum(serialize = "child.consent")]
    ChildConsent,
    #[strum(serialize = "child.archive")]
    ChildArchive,
    #[strum(serialize = "child.restore")]
    ChildRestore,
    /// An archived child's records were removed for good (`signaal purge`).
    #[strum(serialize = "child.purge")]
    ChildPurge,
    #[strum(serialize = "staff.add")]
    StaffAdd,
    #[strum(serialize = "staff.edit")]
    StaffEdit,
    #[strum(serialize = "staff.pin_set")]
    StaffPinSet,
    #[strum(serialize = "staff.pin_removed")]
    StaffPinRemoved,
    /// An admin made the staff member an aandachtsfunctionaris.
    #[strum(serialize = "staff.lead_set")]
    StaffLeadSet,
    /// An admin made the staff member no longer an aandachtsfunctionaris.
    #[strum(serialize = "staff.lead_cleared")]
    StaffLeadCleared,
    #[strum(serialize = "contact.add")]
    ContactAdd,
    #[strum(serialize = "contact.edit")]
    ContactEdit,
    #[strum(serialize = "contact.remove")]
    ContactRemove,
    /// Many cards added at once from a file.
    #[strum(serialize = "contact.import")]
    ContactImport,
    #[strum(serialize = "form_template.add")]
    FormTemplateAdd,
    /// An item of an observation was marked or unmarked.
    #[strum(serialize = "observation.mark")]
    ObservationMark,
    #[strum(serialize = "observation.note")]
    ObservationNote,
    #[strum(serialize = "trajectory.start")]
    TrajectoryStart,
    #[strum(serialize = "trajectory.answer")]
    TrajectoryAnswer,
    #[strum(serialize = "trajectory.consent")]
    TrajectoryConsent,
    #[strum(serialize = "trajectory.stage")]
    TrajectoryStage,
    /// A stage that needs the parents' consent was ticked without it.
    #[strum(serialize = "trajectory.stage_without_consent")]
    TrajectoryStageWithoutConsent,
    #[strum(serialize = "trajectory.note")]
    TrajectoryNote,
    #[strum(serialize = "trajectory.edit")]
    TrajectoryEdit,
    #[strum(serialize = "trajectory.close")]
    TrajectoryClose,
    /// A child's handover to school was written or changed (target `child:ID/handover`).
    #[strum(serialize = "handover.save")]
    HandoverSave,
    #[strum(serialize = "visit.start")]
    VisitStart,
    #[strum(serialize = "visit.advice")]
    VisitAdvice,
    #[strum(serialize = "visit.follow_up")]
    VisitFollowUp,
    #[strum(serialize = "visit.close")]
    VisitClose,
    /// An advice or follow-up of an open visit was corrected.
    #[strum(serialize = "visit.edit")]
    VisitEdit,
    /// An advice or follow-up of an open visit was removed.
    #[strum(serialize = "visit.remove")]
    VisitRemove,
    /// The demo data was generated into the database.
    #[strum(serialize = "demo.load")]
    DemoLoad,
    /// The database was filled from an export (`signaal import`).
    #[strum(serialize = "import")]
    Import,
    /// `signaal restore` put a backup's trail back; appended after it. Starts a history of its
    /// own (see [`super::replaces_history`]).
    #[strum(serialize = "restore")]
    Restore,
    /// Opening the database repaired a torn end, giving up its last writes; like a restore, it
    /// starts a history of its own.
    #[strum(serialize = "repair")]
    Repair,
}

impl AuditAction {
    /// The string stored in the audit entry and written in the export.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The action an entry's string names, or `None` for one this version does not know (an
    /// export from a newer signaal may hold such).
    pub fn parse(action: &str) -> Option<AuditAction> {
        action.parse().ok()
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::AuditAction;

    #[test]
    fn every_action_reads_back_from_its_string() {
        for action in AuditAction::VARIANTS {
            assert_eq!(AuditAction::parse(action.as_str()), Some(*action));
        }
        assert_eq!(AuditAction::parse("group.delete"), None);
        assert_eq!(AuditAction::parse("Group.Edit"), None);
    }

    #[test]
    fn the_export_strings_stay_as_they_are() {
        assert_eq!(AuditAction::GroupEdit.as_str(), "group.edit");
        assert_eq!(AuditAction::StaffPinRemoved.as_str(), "staff.pin_removed");
        assert_eq!(
            AuditAction::TrajectoryStageWithoutConsent.as_str(),
            "trajectory.stage_without_consent"
        );
        assert_eq!(AuditAction::VisitFollowUp.as_str(), "visit.follow_up");
        assert_eq!(AuditAction::Restore.as_str(), "restore");
        assert_eq!(AuditAction::ChildConsent.as_str(), "child.consent");
        assert_eq!(AuditAction::StaffLeadSet.as_str(), "staff.lead_set");
        assert_eq!(AuditAction::StaffLeadCleared.as_str(), "staff.lead_cleared");
        assert_eq!(AuditAction::VisitEdit.as_str(), "visit.edit");
        assert_eq!(AuditAction::VisitRemove.as_str(), "visit.remove");
        assert_eq!(AuditAction::HandoverSave.as_str(), "handover.save");
        assert_eq!(AuditAction::VARIANTS.len(), 46);
    }
}
