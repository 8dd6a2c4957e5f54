//! Leaving a child's name out of free text, for a report that shows the child under an alias:
//! the whole name, the first name, the family name with its tussenvoegsels and the family
//! name's main part, each also with a Dutch possessive ending ("Mohammeds", "Chloës", "Zoë's",
//! "Zoë’s"), matched up to case and accents. A tussenvoegsel on its own ("van", "de", "ter") is
//! never left out: it is a common word ("vijf minuten van tevoren"), and leaving it out garbles
//! the text without hiding anyone.

use crate::domain::named::PARTICLES;
use crate::search::fold;

/// `text` with every mention of the child named `first` `last` replaced by `placeholder`
/// ("[naam]"). A possessive keeps its ending after the placeholder ("[naam]s overgang",
/// "[naam]'s vraag"), so the sentence still reads; a name part of one letter is left alone.
pub fn without_name(text: &str, first: &str, last: &str, placeholder: &str) -> String {
    let patterns = patterns(first, last);
    let tokens = tokens(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(&(word, piece)) = tokens.get(at) {
        let found = word
            .then(|| patterns.iter().find_map(|p| matches(&tokens[at..], p)))
            .flatten();
        match found {
            Some((taken, possessive)) => {
                out.push_str(placeholder);
                if possessive {
                    out.push('s');
                }
                at += taken;
            }
            None => {
                out.push_str(piece);
                at += 1;
            }
        }
    }
    out
}

/// The word sequences that name the child, folded, longest first: the whole name, the family
/// name with its tussenvoegsels, a first name of more words, then each first-name word and each
/// word of the family name that is no tussenvoegsel.
fn patterns(first: &str, last: &str) -> Vec<Vec<String>> {
    let words = |name: &str| -> Vec<String> {
        tokens(name)
            .into_iter()
            .filter(|(word, _)| *word)
            .map(|(_, w)| fold(w))
            .collect()
    };
    let (first, last) = (words(first), words(last));
    let particle = |w: &String| {
        PARTICLES
            .iter()
            .any(|p| fold(p).trim_matches(|c: char| !c.is_alphanumeric()) == w)
    };
    let mut patterns = vec![
        [first.clone(), last.clone()].concat(),
        last.clone(),
        first.clone(),
    ];
    let single = first.iter().chain(last.iter().filter(|w| !particle(w)));
    patterns.extend(single.map(|w| vec![w.clone()]));
    patterns.retain(|p| p.len() > 1 || p.first().is_some_and(|w| w.chars().count() > 1));
    patterns.sort_by_key(|p| std::cmp::Reverse(p.len()));
    patterns.dedup();
    patterns
}

/// Whether `tokens` (starting at a word) begin with `pattern`, its words apart only by spaces or
/// hyphens: how many tokens it takes, and whether the last word carries a possessive "s".
fn matches(tokens: &[(bool, &str)], pattern: &[String]) -> Option<(usize, bool)> {
    let (last, before) = pattern.split_last()?;
    let mut at = 0;
    for word in before {
        let joined = tokens
            .get(at + 1)
            .is_some_and(|(w, sep)| !w && sep.chars().all(|c| c.is_whitespace() || c == '-'));
        if fold(tokens.get(at)?.1) != *word || !joined {
            return None;
        }
        at += 2;
    }
    let end = fold(tokens.get(at)?.1);
    let possessive = end.strip_suffix('s') == Some(last.as_str());
    (end == *last || possessive).then_some((at + 1, possessive))
}

/// `text` cut into runs of letters and digits (`true`) and of everything else (`false`).
fn tokens(text: &str) -> Vec<(bool, &str)> {
    let mut out: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut kind = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric();
        if kind.is_some_and(|k| k != word) {
            out.push((!word, &text[start..i]));
            start = i;
        }
        kind = Some(word);
    }
    if let Some(word) = kind {
        out.push((word, &text[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_name;

    fn redact(text: &str, first: &str, last: &str) -> String {
        without_name(text, first, last, "[naam]")
    }

    #[test]
    fn a_tussenvoegsel_on_its_own_stays() {
        let (first, last) = ("Mohammed", "van Leeuwen");
        assert_eq!(
            redact("overgang van spelen naar eten", first, last),
            "overgang van spelen naar eten"
        );
        assert_eq!(
            redact(
                "vijf minuten van tevoren; Leeuwen en VAN LEEUWEN",
                first,
                last
            ),
            "vijf minuten van tevoren; [naam] en [naam]"
        );
        for particle in [
            "de", "der", "den", "het", "'t", "ten", "ter", "te", "in", "op",
        ] {
            let text = format!("kijkt {particle} boek");
            assert_eq!(redact(&text, "Ties", &format!("{particle} Boer")), text);
        }
        assert_eq!(
            redact("op 't Hof en 't Hoff", "Sem", "van 't Hof"),
            "op 't [naam] en 't Hoff"
        );
    }

    #[test]
    fn the_whole_name_and_the_family_name_are_one_placeholder() {
        assert_eq!(
            redact(
                "Wat helpt ZOE en haar zus Anna van der Berg? Zoëtje niet.",
                "Zoë",
                "van der Berg"
            ),
            "Wat helpt [naam] en haar zus Anna [naam]? Zoëtje niet."
        );
        assert_eq!(
            redact(
                "Gesprek met Mohammed van Leeuwen.",
                "Mohammed",
                "van Leeuwen"
            ),
            "Gesprek met [naam]."
        );
        assert_eq!(
            redact("Anne-Marie Smit-Jansen", "Anne-Marie", "Smit-Jansen"),
            "[naam]"
        );
        assert_eq!(
            redact("Marie, Jansen", "Anne-Marie", "Smit-Jansen"),
            "[naam], [naam]"
        );
    }

    #[test]
    fn possessives_are_left_out_up_to_case_and_accents() {
        assert_eq!(
            redact("Mohammeds overgang", "Mohammed", "van Leeuwen"),
            "[naam]s overgang"
        );
        assert_eq!(
            redact(
                "Chloës moeder; Dekkers thuis; chloe's zus; CHLOË’S jas",
                "Chloë",
                "Dekker"
            ),
            "[naam]s moeder; [naam]s thuis; [naam]'s zus; [naam]’S jas"
        );
        assert_eq!(
            redact("Van Leeuwens tas", "Mohammed", "van Leeuwen"),
            "[naam]s tas"
        );
    }

    #[test]
    fn other_words_and_one_letter_parts_stay() {
        assert_eq!(
            redact("Zoëtje en Mohammedan", "Zoë", "Mohammed"),
            "Zoëtje en Mohammedan"
        );
        assert_eq!(redact("J is voor jas", "J", "Vos"), "J is voor jas");
        assert_eq!(redact("", "Zoë", "Vos"), "");
    }
}
