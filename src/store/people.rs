//! The people at the keyboard: staff records (names unique, since people pick themselves by
//! name) and their PINs. A PIN lives in its own tree so that the export, which outside tools
//! read, never carries even its hash.

use chrono::{DateTime, FixedOffset};

use super::codec::{decode, encode, id_key};
use super::writes::{required, Op, Table};
use super::{Named, Result, Signature, Store, StoreError};
use crate::domain::pin::{Pin, PinRecord};
use crate::domain::AuditAction;
use crate::domain::{staff, Id, Role, Staff};

/// The outcome of typing a PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinTry {
    Right,
    /// Wrong; the next try is accepted after this wait.
    Wrong {
        wait: chrono::Duration,
    },
    /// Too soon after a wrong try: not even checked.
    TooSoon {
        wait: chrono::Duration,
    },
}

impl Store {
    /// Adds a staff member.
    pub fn add_staff(
        &self,
        name: &str,
        role: Role,
        groups: &[Id],
        sig: &Signature,
    ) -> Result<Staff> {
        let staff = Staff {
            id: 0,
            name: name.to_string(),
            role,
            groups: groups.to_vec(),
            safeguarding_lead: false,
            phone: String::new(),
        };
        self.add_person(&staff, sig)
    }

    /// Adds `person` as a new staff member (its id is ignored: a new one is handed out) with
    /// what the staff form holds; the record as stored.
    pub fn add_person(&self, person: &Staff, sig: &Signature) -> Result<Staff> {
        let staff = Staff {
            id: self.next_id()?,
            name: self.unique_name(&person.name, None)?,
            ..person.clone()
        };
        self.write_staff(&staff, sig, AuditAction::StaffAdd)?;
        Ok(staff)
    }

    /// Makes `person` an aandachtsfunctionaris (`lead`) or no longer one, and changes nothing
    /// else of their record; audited as `staff.lead_set` or `staff.lead_cleared`. The record as
    /// stored; nothing is written when it already was so.
    pub fn set_safeguarding_lead(
        &self,
        person: &Staff,
        lead: bool,
        sig: &Signature,
    ) -> Result<Staff> {
        if person.safeguarding_lead == lead {
            return Ok(person.clone());
        }
        let staff = Staff {
            safeguarding_lead: lead,
            ..person.clone()
        };
        let action = match lead {
            true => AuditAction::StaffLeadSet,
            false => AuditAction::StaffLeadCleared,
        };
        self.write_staff(&staff, sig, action)?;
        Ok(staff)
    }

    /// Stores a changed staff record (name, role, groups).
    pub fn update_staff(&self, changed: &Staff, sig: &Signature) -> Result<Staff> {
        let staff = Staff {
            name: self.unique_name(&changed.name, Some(changed.id))?,
            ..changed.clone()
        };
        self.write_staff(&staff, sig, AuditAction::StaffEdit)?;
        Ok(staff)
    }

    fn write_staff(&self, staff: &Staff, sig: &Signature, action: AuditAction) -> Result<()> {
        let op = Op::put(Table::Staff, &id_key(staff.id), encode(staff));
        self.commit(vec![op], sig, action, format!("staff:{}", staff.id))
    }

    /// A cleaned name that no one else (but `own`) has, up to case, accents and spaces.
    fn unique_name(&self, name: &str, own: Option<Id>) -> Result<String> {
        let name = required(name, Named::Staff)?;
        let key = staff::name_key(&name);
        let taken = self
            .staff()?
            .iter()
            .any(|s| Some(s.id) != own && staff::name_key(&s.name) == key);
        if taken {
            return Err(StoreError::DuplicateStaff(name));
        }
        Ok(name)
    }

    /// Whether this person has a PIN.
    pub fn has_pin(&self, staff_id: Id) -> Result<bool> {
        Ok(self.trees()?.pins.contains_key(id_key(staff_id))?)
    }

    /// Sets (or with `None` removes) a person's PIN. The audit says that it changed, never what
    /// it is.
    pub fn set_pin(&self, staff_id: Id, pin: Option<&Pin>, sig: &Signature) -> Result<()> {
        let key = id_key(staff_id);
        let (op, action) = match pin {
            Some(pin) => (
                Op::put(Table::Pins, &key, encode(&PinRecord::new(pin))),
                AuditAction::StaffPinSet,
            ),
            None => (Op::remove(Table::Pins, &key), AuditAction::StaffPinRemoved),
        };
        self.commit(vec![op], sig, action, format!("staff:{staff_id}"))
    }

    /// Checks a typed PIN, keeping count of wrong tries (on disk, so quitting and starting again
    /// does not reset the wait). A person without a PIN needs none: always right.
    pub fn try_pin(&self, staff_id: Id, typed: &str, now: DateTime<FixedOffset>) -> Result<PinTry> {
        let key = id_key(staff_id);
        let Some(bytes) = self.trees()?.pins.get(key)? else {
            return Ok(PinTry::Right);
        };
        let mut record: PinRecord = decode(&key, &bytes)?;
        let wait = record.wait_at(now);
        if wait > chrono::Duration::zero() {
            return Ok(PinTry::TooSoon { wait });
        }
        let store = |record: &PinRecord| self.apply(&[Op::put(Table::Pins, &key, encode(record))]);
        if record.matches(typed) {
            if record.failures > 0 {
                record.succeeded();
                store(&record)?;
            }
            return Ok(PinTry::Right);
        }
        record.failed(now);
        store(&record)?;
        Ok(PinTry::Wrong {
            wait: record.wait_at(now),
        })
    }
}
