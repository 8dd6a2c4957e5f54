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
        if self.query.is_empty() {
            return Some(0);
        }
        self.inner.fuzzy_match(&fold(candidate), &self.query)
    }
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
