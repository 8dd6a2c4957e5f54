use chrono::{DateTime, FixedOffset, Local, NaiveDate};

/// Where the app gets "now": the system clock, or a fixed moment so that screens in tests (ages,
/// dates) do not change from day to day.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(DateTime<FixedOffset>),
}

impl Clock {
    pub fn now(&self) -> DateTime<FixedOffset> {
        match self {
            Clock::System => Local::now().fixed_offset(),
            Clock::Fixed(at) => *at,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}
