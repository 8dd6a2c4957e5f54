//! PINs of the people at a shared terminal: 4 to 6 digits, kept only as a salted argon2 hash, and
//! a growing wait after wrong tries so that guessing 10,000 PINs takes days, not minutes.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use super::Invalid;

/// Why a typed PIN cannot be a PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinError {
    /// Not 4 to 6 digits.
    Shape,
}

/// A PIN as typed, checked for shape; never stored.
pub struct Pin(String);

impl Pin {
    pub fn parse(typed: &str) -> Result<Pin, PinError> {
        let ok = (4..=6).contains(&typed.len()) && typed.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| Pin(typed.to_string())).ok_or(PinError::Shape)
    }
}

/// A new PIN as the PIN form takes it, typed twice: both empty removes the PIN (`None`);
/// otherwise both must be the same, and 4 to 6 digits.
///
/// # Errors
/// [`Invalid::PinMismatch`] when the two differ, [`Invalid::PinShape`] when it is no PIN.
pub fn new_pin(typed: &str, again: &str) -> Result<Option<Pin>, Invalid> {
    if typed != again {
        return Err(Invalid::PinMismatch);
    }
    match typed.is_empty() {
        true => Ok(None),
        false => Pin::parse(typed).map(Some).map_err(|_| Invalid::PinShape),
    }
}

/// What the store keeps of a person's PIN: the hash (PHC string, salt included) and how many
/// wrong tries there were since the last right one, so the wait survives a restart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinRecord {
    pub hash: String,
    #[serde(default)]
    pub failures: u32,
    #[serde(default)]
    pub last_failure: Option<DateTime<FixedOffset>>,
}

/// The longest wait between two tries.
const MAX_WAIT_SECONDS: i64 = 60;

impl PinRecord {
    /// A new record with a fresh random salt.
    pub fn new(pin: &Pin) -> PinRecord {
        let salt = SaltString::generate(&mut OsRng);
        let hash = Argon2::default()
            .hash_password(pin.0.as_bytes(), &salt)
            // Hashing fails only for parameters or a salt out of argon2's range; ours are its
            // defaults and its own generated salt.
            .expect("argon2 with default parameters hashes any PIN")
            .to_string();
        PinRecord {
            hash,
            failures: 0,
            last_failure: None,
        }
    }

    /// Whether `typed` is the PIN. A damaged hash matches nothing.
    pub fn matches(&self, typed: &str) -> bool {
        PasswordHash::new(&self.hash).is_ok_and(|h| {
            Argon2::default()
                .verify_password(typed.as_bytes(), &h)
                .is_ok()
        })
    }

    /// How long to wait before the next try is accepted: nothing before the first wrong try,
    /// then 1, 2, 4, ... seconds after the last wrong one, up to a minute.
    pub fn wait_at(&self, now: DateTime<FixedOffset>) -> Duration {
        let Some(last) = self.last_failure.filter(|_| self.failures > 0) else {
            return Duration::zero();
        };
        let seconds = 1i64
            .checked_shl(self.failures - 1)
            .unwrap_or(MAX_WAIT_SECONDS)
            .min(MAX_WAIT_SECONDS);
        (last + Duration::seconds(seconds) - now).max(Duration::zero())
    }

    pub fn failed(&mut self, at: DateTime<FixedOffset>) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure = Some(at);
    }

    pub fn succeeded(&mut self) {
        self.failures = 0;
        self.last_failure = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_pin_is_typed_twice_alike_and_empty_removes_it() {
        assert!(matches!(new_pin("2580", "2580"), Ok(Some(_))));
        assert!(matches!(new_pin("", ""), Ok(None)));
        assert!(matches!(new_pin("2580", "2581"), Err(Invalid::PinMismatch)));
        assert!(matches!(new_pin("123", "123"), Err(Invalid::PinShape)));
        assert!(matches!(new_pin("12a4", "12a4"), Err(Invalid::PinShape)));
        assert!(matches!(
            new_pin("1234567", "1234567"),
            Err(Invalid::PinShape)
        ));
    }

    fn at(seconds: i64) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T08:00:00+01:00").unwrap()
            + Duration::seconds(seconds)
    }

    #[test]
    fn a_pin_is_four_to_six_digits() {
        for ok in ["1234", "12345", "000000"] {
            assert!(Pin::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["123", "1234567", "12a4", "", "１２３４", " 1234"] {
            assert_eq!(Pin::parse(bad).err(), Some(PinError::Shape), "{bad:?}");
        }
    }

    #[test]
    fn the_hash_is_salted_and_only_the_right_pin_matches() {
        let pin = Pin::parse("2468").unwrap();
        let one = PinRecord::new(&pin);
        let two = PinRecord::new(&pin);
        assert_ne!(one.hash, two.hash, "a fresh salt each time");
        assert!(!one.hash.contains("2468"));
        assert!(one.hash.starts_with("$argon2id$"));
        assert!(one.matches("2468") && two.matches("2468"));
        assert!(!one.matches("2469"));
        assert!(!one.matches(""));
    }

    #[test]
    fn a_damaged_hash_matches_nothing() {
        let record = PinRecord {
            hash: "not a hash".into(),
            failures: 0,
            last_failure: None,
        };
        assert!(!record.matches("1234"));
    }

    #[test]
    fn the_wait_doubles_with_each_wrong_try_up_to_a_minute() {
        let mut record = PinRecord::new(&Pin::parse("1234").unwrap());
        assert_eq!(record.wait_at(at(0)), Duration::zero());
        record.failed(at(0));
        assert_eq!(record.wait_at(at(0)), Duration::seconds(1));
        assert_eq!(record.wait_at(at(1)), Duration::zero());
        record.failed(at(1));
        record.failed(at(1));
        assert_eq!(record.wait_at(at(1)), Duration::seconds(4));
        assert_eq!(record.wait_at(at(3)), Duration::seconds(2));
        for _ in 0..40 {
            record.failed(at(10));
        }
        assert_eq!(record.wait_at(at(10)), Duration::seconds(MAX_WAIT_SECONDS));
        record.succeeded();
        assert_eq!(record.wait_at(at(10)), Duration::zero());
    }
}
