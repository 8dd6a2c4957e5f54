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
    /// The query's words, for the typo check.
    words: Vec<Vec<char>>,
    /// The query's letters without spaces, for the quick in-order check.
    letters: Vec<char>,
}

impl Matcher {
    pub fn new(query: &str) -> Matcher {
        let query = fold(query.trim());
        let words = query
            .split_whitespace()
            .map(|w| w.chars().collect())
            .collect();
        let letters = query.chars().filter(|c| !c.is_whitespace()).collect();
        Matcher {
            letters,
            // Both sides are folded to lower case already: matching as is spares a lowercased copy
            // of every candidate at every keystroke.
            inner: SkimMatcherV2::default().respect_case(),
            query,
            words,
        }
    }

    /// The score of `candidate` (higher is better), or `None` when it does not match. An empty query
    /// matches everything equally.
    pub fn score(&self, candidate: &str) -> Option<i64> {
        self.score_folded(&fold(candidate))
    }

    /// [`Matcher::score`] for a candidate that is folded already.
    pub fn score_folded(&self, candidate: &str) -> Option<i64> {
        self.score_words(candidate, &words_of(candidate))
    }

    /// [`Matcher::score`] for a candidate folded and split into words already: lists searched at
    /// every keystroke (the contact lookup) prepare their rows once.
    pub fn score_words(&self, candidate: &str, words: &[Vec<char>]) -> Option<i64> {
        if self.query.is_empty() {
            return Some(0);
        }
        // The fuzzy matcher's scoring is the costly part: only letters found in order get it,
        // and a short query ranks by where it starts a word instead.
        let fuzzy = match in_order(&self.letters, candidate) {
            None => None,
            Some(_) if self.letters.len() <= SHORT_QUERY => Some(short_score(&self.letters, words)),
            Some(span) => self.inner.fuzzy_match(&candidate[span], &self.query),
        };
        fuzzy.or_else(|| typo_match(&self.words, words).then_some(TYPO_SCORE))
    }
}

/// Where the letters of `query` appear in `candidate` in order, within about as many words as
/// the query has: the byte range of the words they span, or `None`. This is the condition for a
/// fuzzy match worth showing, checked cheaply first; the fuzzy matcher then scores only that
/// range. (Letters strewn over a long card, one from the name, one from the organisation, match
/// nothing anyone meant, and scoring whole cards at every keystroke is what makes a big
/// directory slow.)
fn in_order(letters: &[char], candidate: &str) -> Option<std::ops::Range<usize>> {
    let Some((&first, rest)) = letters.split_first() else {
        return Some(0..candidate.len());
    };
    let crossings_allowed = letters.len().min(2);
    for (start, c) in candidate.char_indices().filter(|(_, c)| *c == first) {
        let after = start + c.len_utf8();
        let mut tail = candidate[after..].char_indices();
        let (mut end, mut crossings) = (after, 0);
        let mut found = true;
        for letter in rest {
            loop {
                let Some((i, ch)) = tail.next() else {
                    // The letters are not all there after this start, nor after a later one.
                    return None;
                };
                if ch == *letter {
                    end = after + i + ch.len_utf8();
                    break;
                }
                crossings += usize::from(!ch.is_alphanumeric());
                if crossings > crossings_allowed {
                    found = false;
                    break;
                }
            }
            if !found {
                break;
            }
        }
        if found {
            return Some(word_start(candidate, start)..word_end(candidate, end));
        }
    }
    None
}

/// Where the word around byte `at` begins.
fn word_start(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(at, |(i, _)| i)
}

/// Where the word that byte `at` is in (or just after) ends.
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| at + i)
}

/// The score of a short query found in order: higher when a word starts with it, the earlier
/// the word the higher; above a typo match in any case.
fn short_score(letters: &[char], words: &[Vec<char>]) -> i64 {
    match words.iter().position(|w| w.starts_with(letters)) {
        Some(word) => 100 - word.min(90) as i64,
        None => TYPO_SCORE + 1,
    }
}

/// Queries this short rank by where they start a word: the fuzzy scorer would rank nearly every
/// card anyway, at a cost.
const SHORT_QUERY: usize = 3;

impl Matcher {
    /// Whether a candidate matches through the typo check alone (see [`typo_match`]).
    pub fn typo_only(&self, words: &[Vec<char>]) -> bool {
        !self.query.is_empty() && typo_match(&self.words, words)
    }
}

/// A folded text's words, as the typo check compares them.
pub fn words_of(folded: &str) -> Vec<Vec<char>> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().collect())
        .collect()
}

/// What a match with typos scores: below any fuzzy match, which finds letters in order.
const TYPO_SCORE: i64 = 1;

/// The word lengths from which the typo check forgives one edit more: none below 4 letters, one
/// from 4, two from 8.
pub const TYPO_STEPS: [usize; 2] = [4, 8];

/// The longest word the typo check looks at; longer ones must match in order.
const TYPO_MAX: usize = 32;

/// The usual typos a fuzzy (in-order) match misses: a wrong or swapped letter. Every word of the
/// query must be within one edit (two for words of eight letters or more) of a word of the
/// candidate, or of its beginning (the word is still being typed); words of fewer than four
/// letters must match as typed.
fn typo_match(query: &[Vec<char>], words: &[Vec<char>]) -> bool {
    query.iter().all(|typed| {
        let allowed = TYPO_STEPS
            .iter()
            .filter(|step| typed.len() >= **step)
            .count();
        words.iter().any(|word| close(typed, word, allowed))
    })
}

/// Whether `word`, or its beginning, is within `allowed` edits of `typed`. Cheap checks first:
/// this runs for every card a fuzzy match rejects, at every keystroke.
fn close(typed: &[char], word: &[char], allowed: usize) -> bool {
    if allowed == 0 {
        return word.starts_with(typed);
    }
    let n = typed.len();
    // A typo seldom hits the first letter; a swap of the first two is the exception.
    let first_ok = typed.first() == word.first()
        || (n > 1 && word.len() > 1 && typed[0] == word[1] && typed[1] == word[0]);
    if !first_ok || word.len() + allowed < n || n > TYPO_MAX {
        return false;
    }
    let word = &word[..word.len().min(n + allowed).min(TYPO_MAX)];
    let shortest = n.saturating_sub(allowed);
    edits_to_prefixes(typed, word)
        .iter()
        .skip(shortest)
        .any(|&d| usize::from(d) <= allowed)
}

/// The Damerau-Levenshtein distances (optimal string alignment: insertions, deletions,
/// substitutions, swaps of neighbours) from `a` to each beginning of `b`: entry k is the
/// distance to `b[..k]`. Both at most [`TYPO_MAX`] long; no allocation.
fn edits_to_prefixes(a: &[char], b: &[char]) -> [u8; TYPO_MAX + 1] {
    // Distances stay below 2 * TYPO_MAX, so a byte holds them and the table stays small.
    let mut rows = [[0u8; TYPO_MAX + 1]; TYPO_MAX + 1];
    for (i, row) in rows.iter_mut().enumerate().take(a.len() + 1) {
        row[0] = i as u8;
    }
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    let mut last = [u8::MAX; TYPO_MAX + 1];
    last[..=b.len()].copy_from_slice(&rows[a.len()][..=b.len()]);
    last
}

/// The distance between two whole words (a test helper's view of [`edits_to_prefixes`]).
#[cfg(test)]
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    usize::from(edits_to_prefixes(&a, &b)[b.len()])
}

impl Matcher {
    /// Whether `folded` (a folded candidate) holds every word of the query as typed, anywhere:
    /// "bijt" is in "bijt andere kinderen", not in "komt rustig tot slapen bij het ...".
    pub fn contains_words(&self, folded: &str) -> bool {
        self.query
            .split_whitespace()
            .all(|word| folded.contains(word))
    }
}

/// Indices of the `items` that match `query`, best first: items holding every typed word (case-
/// and accent-blind) before scattered fuzzy matches, by score within each of the two; ties keep
/// the items' own order. With an empty query every item is kept in order.
pub fn rank<T>(items: &[T], query: &str, text: impl Fn(&T) -> String) -> Vec<usize> {
    let prepared: Vec<Prepared> = items
        .iter()
        .map(|item| Prepared::new(&text(item)))
        .collect();
    rank_prepared(&prepared, query)
}

/// A candidate folded and split into words once, for a list filtered at every keystroke.
#[derive(Debug, Clone)]
pub struct Prepared {
    folded: String,
    words: Vec<Vec<char>>,
}

impl Prepared {
    pub fn new(text: &str) -> Prepared {
        let folded = fold(text);
        let words = words_of(&folded);
        Prepared { folded, words }
    }
}

/// [`rank`] over candidates prepared already: no folding at the keystroke, and with an empty
/// query no matching at all.
pub fn rank_prepared(items: &[Prepared], query: &str) -> Vec<usize> {
    let matcher = Matcher::new(query);
    if matcher.query.is_empty() {
        return (0..items.len()).collect();
    }
    let mut scored: Vec<(bool, i64, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let score = matcher.score_words(&item.folded, &item.words)?;
            Some((matcher.contains_words(&item.folded), score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().map(|(_, _, i)| i).collect()
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
    fn short_queries_rank_by_the_word_they_start() {
        let words = |text: &str| words_of(&fold(text));
        let matcher = Matcher::new("jo");
        let start = matcher.score_words(&fold("José Martins"), &words("José Martins"));
        let later = matcher.score_words(&fold("Anna Jonker"), &words("Anna Jonker"));
        let inside = matcher.score_words(&fold("Bijoux"), &words("Bijoux"));
        assert!(
            start > later && later > inside,
            "{start:?} {later:?} {inside:?}"
        );
        assert!(Matcher::new("jx").score("José").is_none());
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
    fn items_holding_the_typed_words_rank_above_scattered_matches() {
        let items = [
            "Komt rustig tot slapen bij het middagslaapje",
            "Speelt samen met een ander kind",
            "Bijt, slaat of schopt andere kinderen",
        ];
        let ranked = rank(&items, "bijt", |s| s.to_string());
        assert_eq!(ranked.first(), Some(&2), "{ranked:?}");
        // Accent- and case-blind, every word, in any order.
        let ranked = rank(&items, "KINDEREN BÍJT", |s| s.to_string());
        assert_eq!(ranked.first(), Some(&2), "{ranked:?}");
    }

    #[test]
    fn empty_query_keeps_order_and_no_match_is_empty() {
        let names = ["b", "a", "c"];
        assert_eq!(rank(&names, "", |s| s.to_string()), vec![0, 1, 2]);
        assert!(rank(&names, "xyz", |s| s.to_string()).is_empty());
    }
}
