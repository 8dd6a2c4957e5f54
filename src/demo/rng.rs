//! The demo's own seeded random numbers.

/// A tiny seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014; the constants are
/// the published ones). Written here instead of taken from a crate on purpose: the demo promises
/// "same seed, same data", and a generator we own cannot change its output with a dependency
/// upgrade. Not for anything secret.
pub(super) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub(super) fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-and-shift; the bias is below 2^-50 for the
    /// small ranges used here, which is irrelevant for demo data.
    pub(super) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    pub(super) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// Fisher-Yates.
    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// A number in the inclusive range.
pub(super) fn between(rng: &mut SplitMix64, (low, high): (u64, u64)) -> u64 {
    low + rng.below(high - low + 1)
}
