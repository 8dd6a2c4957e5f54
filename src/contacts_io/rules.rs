//! What every reader of an address book does alike, vCard and CSV: which of a card's addresses is
//! its e-mail, that a fax is no phone, and that a number comes once.

use crate::domain::contact::Phone;

/// The e-mail of a card and the lines for its notes, from the e-mail values of a file in the
/// order the file prefers them. The e-mail is the first address with an `@`, and a value without
/// one ("geen", "-", Outlook's "EX:/O=...") is never the e-mail; the other values go into the
/// notes ("E-mail: ...", those with an `@` first), so none is lost. Outlook writes an Exchange account's X.500 path (`/o=ExchangeLabs/ou=.../cn=...`,
/// in any case) where an address would be: it is never the e-mail, and it is left out when the
/// card has an address (the same mailbox by its inside name), else kept in the notes as
/// "E-mail (Exchange): ...".
pub(super) fn emails(found: Vec<String>) -> (String, Vec<String>) {
    let exchange = |value: &str| {
        value
            .get(..3)
            .is_some_and(|h| h.eq_ignore_ascii_case("/o="))
    };
    let (paths, mut addresses): (Vec<String>, Vec<String>) =
        found.into_iter().partition(|value| exchange(value));
    addresses.sort_by_key(|address| !address.contains('@'));
    let mut addresses = addresses.into_iter().peekable();
    let email = addresses
        .next_if(|address| address.contains('@'))
        .unwrap_or_default();
    let mut notes: Vec<String> = addresses.map(|other| format!("E-mail: {other}")).collect();
    if !email.contains('@') {
        notes.extend(
            paths
                .iter()
                .map(|path| format!("E-mail (Exchange): {path}")),
        );
    }
    (email, notes)
}

/// The phones a card keeps, and the lines for its notes: a fax (a phone whose label has a word
/// ending in "fax": "fax", "werk, fax", Google's "work fax", Apple's "WorkFAX") is never a phone
/// in signaal, as a group never faxes and a fax in the lookup cannot be called in a hurry, but it
/// is kept in the notes ("Fax (werk): 030-..."); a ";" in a label becomes ","; and a number the card has twice (its digits
/// and a leading + compared, see [`number_key`]) is kept once, the first time it comes.
pub(super) fn phones(found: Vec<Phone>) -> (Vec<Phone>, Vec<String>) {
    let (mut phones, mut notes, mut seen) = (Vec::new(), Vec::new(), Vec::new());
    for mut phone in found {
        // The card form shows phones as "label: number; label: number": a ";" in a label (an
        // Apple label "werk; direct") would split it there, and the form could not save the card.
        phone.label = phone.label.replace(';', ",");
        let key = number_key(&phone.number);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        match fax_place(&phone.label) {
            Some(place) if place.is_empty() => notes.push(format!("Fax: {}", phone.number)),
            Some(place) => notes.push(format!("Fax ({}): {}", place.join(", "), phone.number)),
            None => phones.push(phone),
        }
    }
    (phones, notes)
}

/// Whether a phone label, or a CSV column's header, is a fax's: a word of it starts or ends
/// with "fax" ("Fax", "Business Fax", "WorkFAX", "Faxnummer").
pub(super) fn is_fax(label: &str) -> bool {
    fax_place(label).is_some()
}

/// A phone number as signaal compares numbers: only its digits, after a leading + if it has one
/// ("030 123 4567" and "030-1234567" are the same number).
pub(super) fn number_key(number: &str) -> String {
    let number = number.trim();
    let plus = if number.starts_with('+') { "+" } else { "" };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    format!("{plus}{digits}")
}

/// For the label of a fax, its other words as signaal labels phones (`["werk"]` for "work fax"
/// or "WorkFAX"; none for "fax", "Faxnummer" or "Other Fax"); `None` when the label is no fax's
/// (no word of it starts or ends with "fax"). Outlook's "Fax op werk" is `["werk"]` too.
fn fax_place(label: &str) -> Option<Vec<String>> {
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let fax = words
        .iter()
        .position(|word| word.starts_with("fax") || word.ends_with("fax"))?;
    let own = words[fax].strip_suffix("fax").unwrap_or_default();
    let others = words.iter().enumerate().filter(|(i, _)| *i != fax);
    let mut places: Vec<String> = Vec::new();
    for word in std::iter::once(own).chain(others.map(|(_, word)| word.as_str())) {
        let word = match word {
            "work" | "business" | "zakelijk" | "werk" => "werk",
            "home" | "private" | "prive" | "privé" | "thuis" => "thuis",
            "" | "other" | "andere" | "tele" | "op" | "number" | "nummer" => continue,
            other => other,
        };
        if !places.iter().any(|place| place == word) {
            places.push(word.to_string());
        }
    }
    Some(places)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts_io::tests::phone;

    #[test]
    fn the_email_is_the_first_address_and_an_exchange_path_never() {
        let found = |values: &[&str]| emails(values.iter().map(|v| v.to_string()).collect());
        let path = "/O=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=jorg";
        assert_eq!(
            found(&[path, "jorg@example.org"]),
            ("jorg@example.org".to_string(), Vec::new())
        );
        assert_eq!(
            found(&[path]),
            (String::new(), vec![format!("E-mail (Exchange): {path}")]),
            "no address: the path is kept, not as the e-mail"
        );
        assert_eq!(
            found(&["zie website", "a@example.org", "b@example.org"]),
            (
                "a@example.org".to_string(),
                vec!["E-mail: b@example.org".into(), "E-mail: zie website".into()]
            )
        );
        assert_eq!(found(&[]), (String::new(), Vec::new()));
        assert_eq!(
            found(&["zie website"]),
            (String::new(), vec!["E-mail: zie website".into()]),
            "text without an @ is never the e-mail, and is kept in the notes"
        );
        for value in [
            "geen",
            "-",
            "EX:/O=FIRST/OU=X/CN=B",
            "X500:/o=ExchangeLabs/cn=D",
        ] {
            assert_eq!(found(&[value]).0, "", "{value}");
        }
    }

    #[test]
    fn a_fax_goes_to_the_notes_and_a_number_comes_once() {
        let (phones, notes) = super::phones(vec![
            phone("werk, fax", "030-1110001"),
            phone("mobiel", "06-19110009"),
            phone("work fax", "030 111 0001"),
            phone("WorkFAX", "030-1110003"),
            phone("Other Fax", "030-1110004"),
            phone("Faxnummer", "030-1110004"),
            phone("", "06 1911 0009"),
            phone("thuis", "030-1110002"),
        ]);
        assert_eq!(
            phones,
            [
                phone("mobiel", "06-19110009"),
                phone("thuis", "030-1110002")
            ]
        );
        assert_eq!(
            notes,
            [
                "Fax (werk): 030-1110001",
                "Fax (werk): 030-1110003",
                "Fax: 030-1110004"
            ]
        );
    }

    /// A label with ";" (Apple's `X-ABLabel:werk\; direct`) would make the card form read two
    /// phones where there is one, and refuse to save the card.
    #[test]
    fn a_label_keeps_no_semicolon_so_the_card_form_reads_it_back() {
        let (kept, _) = phones(vec![phone("werk; direct", "030-7000001")]);
        assert_eq!(kept, [phone("werk, direct", "030-7000001")]);
        let typed = crate::domain::contact::phones_text(&kept);
        assert_eq!(crate::domain::contact::parse_phones(&typed), Ok(kept));
    }

    #[test]
    fn a_number_is_compared_by_its_digits_and_plus() {
        assert_eq!(number_key(" +31 30-123 4567"), "+31301234567");
        assert_eq!(number_key("030/1234567"), number_key("030 123 45 67"));
    }
}
