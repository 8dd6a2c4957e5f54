//! Fuzzy matching that ignores case and diacritics, so "zoe" finds "Zoë" and "ozlem" finds "Özlem".
//! Every list filter and picker goes through here, so they all rank the same way.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lowercases and strips diacritics: decomposes (NFD) and drops combining marks. Letters that do not
/// decompose but are commonly typed as two ASCII letters get their usual spelling.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ß' => out.push_str("ss"),
            'Ĳ' | 'ĳ' => out.push_str("ij"),
            'Æ' | 'æ' => out.push_str("ae"),
            'Ø' | 'ø' => out.push('o'),
            'Œ' | 'œ' => out.push_str("oe"),
            'ı' => out.push('i'),
            'Ł' | 'ł' => out.push('l'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

pub struct Matcher {
    inner: SkimMatcherV2,
    query: String,
}

impl Matcher {
    pub fn new(query: &str) -> Matcher {
        Matcher {
            inner: SkimMatcherV2::default().ignore_case(),
            query: fold(query.trim()),
        }
    }

    /// The score of `candidate` (higher is better), or `None` when it does not match. An empty query
    /// matches everything equally.
    pub fn score(&self, candidate: &str) -> Option<i64> {
        self.score_folded(&fold(candidate))
    }

    /// [`Matcher::score`] for a candidate that is folded already (lists that are searched at
    /// every keystroke fold their rows once).
    pub fn score_folded(&self, candidate: &str) -> Option<i64> {
        if self.query.is_empty() {
            return Some(0);
        }
        self.inner
            .fuzzy_match(candidate, &self.query)
            .or_else(|| typo_match(candidate, &self.query).then_some(TYPO_SCORE))
    }
}

/// What a match with typos scores: below any fuzzy match, which finds letters in order.
const TYPO_SCORE: i64 = 1;

/// The usual typos a fuzzy (in-order) match misses: a wrong or swapped letter. Every word of the
/// query must be within one edit (two for words of eight letters or more) of a word of the
/// candidate, or of its beginning; words of fewer than four letters must match as typed.
fn typo_match(candidate: &str, query: &str) -> bool {
    let words: Vec<&str> = candidate.split(|c: char| !c.is_alphanumeric()).collect();
    query.split_whitespace().all(|typed| {
        let allowed = match typed.chars().count() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        // While typing, the word is only begun: compare with as much of each word.
        let length = typed.chars().count();
        words.iter().any(|word| {
            let begun: String = word.chars().take(length).collect();
            edits(typed, word) <= allowed || edits(typed, &begun) <= allowed
        })
    })
}

/// The Damerau-Levenshtein distance (optimal string alignment): insertions, deletions,
/// substitutions and swaps of two neighbouring letters.
fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// Indices of the `items` that match `query`, best first; ties keep the items' own order. With an
/// empty query every item is kept in order.
pub fn rank<T>(items: &[T], query: &str, text: impl Fn(&T) -> String) -> Vec<usize> {
    let matcher = Matcher::new(query);
    let mut scored: Vec<(i64, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| matcher.score(&text(item)).map(|s| (s, i)))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_still_find_the_word() {
        let role = fold("Jeugdverpleegkundige GGD");
        for typed in [
            "jeugdverpleegkundge",
            "jeugdverpelegkundige",
            "jeugdverpleegkondige",
            "ggd",
        ] {
            assert!(Matcher::new(typed).score_folded(&role).is_some(), "{typed}");
        }
        assert!(Matcher::new("logopedist").score_folded(&role).is_none());
        assert!(
            Matcher::new("gdx").score_folded(&role).is_none(),
            "short words are exact"
        );
        assert!(
            Matcher::new("jeugdverpelg").score_folded(&role).is_some(),
            "while typing"
        );
        assert_eq!(edits("kundge", "kundige"), 1);
        assert_eq!(edits("pelg", "pleg"), 1);
    }

    #[test]
    fn a_fuzzy_match_ranks_above_a_typo_match() {
        let exact = Matcher::new("logo").score("Logopedie").unwrap();
        let typo = Matcher::new("logpoedie").score("Logopedie").unwrap();
        assert!(exact > typo);
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("Özlem Yılmaz"), "ozlem yilmaz");
        assert_eq!(fold("José"), "jose");
        assert_eq!(fold("Ĳsbrand"), "ijsbrand");
    }

    #[test]
    fn ranks_best_first_and_ignores_accents() {
        let names = ["De Vlinders", "De Uilen", "De Egeltjes"];
        let ranked = rank(&names, "uilen", |s| s.to_string());
        assert_eq!(ranked.first(), Some(&1));
        let people = ["Daniël", "Zoë de Vries", "Özlem"];
        assert_eq!(rank(&people, "ozlem", |s| s.to_string()), vec![2]);
        assert_eq!(rank(&people, "zoe", |s| s.to_string()).first(), Some(&1));
    }

    #[test]
    fn empty_query_keeps_order_and_no_match_is_empty() {
        let names = ["b", "a", "c"];
        assert_eq!(rank(&names, "", |s| s.to_string()), vec![0, 1, 2]);
        assert!(rank(&names, "xyz", |s| s.to_string()).is_empty());
    }
}
