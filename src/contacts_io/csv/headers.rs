//! What each column of a contact CSV holds, from its header: the spreadsheet headers people type
//! (Dutch or English, any case, with or without accents, spaces and dashes) and the header rows
//! of the address books people export from: Google Contacts (the current header and the older
//! one), Outlook (English and Dutch) and Thunderbird.

use crate::contacts_io::rules;
use crate::search::fold;

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Column {
    /// The whole name ("Naam", "Name", Thunderbird's "Display Name").
    Name,
    /// Parts of a name, joined into the name when the row has no whole name.
    GivenName,
    MiddleName,
    FamilyName,
    /// A nickname ("Nickname", "Bijnaam", "Roepnaam"): the name of a row that has no other (Google
    /// shows such a contact by it), else kept in the notes.
    Nickname,
    Role,
    /// "Title"/"Titel": the role in a spreadsheet, but the salutation (Mevr., Dhr.) in an Outlook
    /// export, which also has "Job Title"/"Functie"; see [`resolve`].
    Title,
    Organisation,
    /// A phone number, with the label its phones get.
    Phone(String),
    /// Google's "Phone N - Value", labelled by the row's "Phone N - Label" (or "- Type").
    PhoneValue(u32),
    /// Google's "Phone N - Label" / "Phone N - Type".
    PhoneLabel(u32),
    /// An email address; more than one column may have them.
    Email,
    /// Google's "E-mail N - Label" / "- Type": read, but signaal keeps no label for an address.
    EmailLabel,
    Availability,
    Area,
    Topics,
    WhenToCall,
    Help,
    ConsentFirst,
    Verified,
    Notes,
    /// A column signaal has no field for; listed in the import's summary when it holds anything.
    Other,
}

/// The headers a name is read from, for the message of a file that has none of them.
pub(super) const NAME_HEADERS: &str = "Naam, Name, Volledige naam, Full Name, Display Name, \
     Weergavenaam, or First Name / Last Name, Given Name / Family Name, Voornaam / Achternaam";

/// The labels of the phone columns of Outlook (English and Dutch) and Thunderbird, by folded key.
/// Their fax columns are not among them: see [`Column::from_header`].
const PHONE_COLUMNS: [(&str, &str); 34] = [
    // Outlook, English.
    ("businessphone", "werk"),
    ("businessphone2", "werk"),
    ("homephone", "thuis"),
    ("homephone2", "thuis"),
    ("mobilephone", "mobiel"),
    ("otherphone", "anders"),
    ("assistantsphone", "assistent"),
    ("callback", "terugbellen"),
    ("carphone", "auto"),
    ("companymainphone", "bedrijf"),
    ("primaryphone", "hoofdnummer"),
    ("radiophone", "radio"),
    ("ttytddphone", "teksttelefoon"),
    ("pager", "pieper"),
    ("isdn", "isdn"),
    ("telex", "telex"),
    // Outlook, Dutch.
    ("telefoonopwerk", "werk"),
    ("telefoonopwerk2", "werk"),
    ("telefoonthuis", "thuis"),
    ("telefoonthuis2", "thuis"),
    ("mobieletelefoon", "mobiel"),
    ("anderetelefoon", "anders"),
    ("telefoonassistent", "assistent"),
    ("terugbellen", "terugbellen"),
    ("autotelefoon", "auto"),
    ("hoofdtelefoonbedrijf", "bedrijf"),
    ("hoofdtelefoon", "hoofdnummer"),
    ("radiotelefoon", "radio"),
    ("teksttelefoon", "teksttelefoon"),
    ("pieper", "pieper"),
    // Thunderbird (English and Dutch).
    ("pagernumber", "pieper"),
    ("mobilenumber", "mobiel"),
    ("piepernummer", "pieper"),
    ("telefoonwerk", "werk"),
];

impl Column {
    /// What a header names. A fax column ("Business Fax", "Fax op werk", "Fax Number", "Fax")
    /// is a phone column labelled with its header in lower case, so its numbers go into the
    /// notes with where the fax is ("Fax (werk): ...", see [`rules::phones`]): a fax is never
    /// a phone in signaal, and never lost.
    pub(super) fn from_header(header: &str) -> Column {
        match rules::is_fax(header) {
            true => Column::Phone(header.trim().to_lowercase()),
            false => Column::named_by(header),
        }
    }

    fn named_by(header: &str) -> Column {
        if let Some(column) = google(header) {
            return column;
        }
        let words: Vec<String> = header
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect();
        let key: String = words
            .concat()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if let Some((_, label)) = PHONE_COLUMNS.iter().find(|(k, _)| *k == key) {
            return Column::Phone((*label).to_string());
        }
        // Email columns may be numbered ("E-mail 2", "E-mail 2 Address", "E-mail 2-adres").
        let unnumbered: String = words
            .iter()
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            .map(String::as_str)
            .collect();
        if matches!(
            unnumbered.as_str(),
            "email"
                | "emailadres"
                | "emailaddress"
                | "mail"
                | "mailadres"
                | "primaryemail"
                | "secondaryemail"
                | "eersteemailadres"
                | "tweedeemailadres"
        ) {
            return Column::Email;
        }
        match key.as_str() {
            "name" | "naam" | "fullname" | "volledigenaam" | "displayname" | "weergavenaam" => {
                Column::Name
            }
            "firstname" | "givenname" | "voornaam" => Column::GivenName,
            "middlename" | "additionalname" | "middelstenaam" | "tussenvoegsel" => {
                Column::MiddleName
            }
            "lastname" | "familyname" | "achternaam" | "surname" => Column::FamilyName,
            "nickname" | "bijnaam" | "roepnaam" => Column::Nickname,
            "title" | "titel" => Column::Title,
            "role" | "rol" | "functie" | "jobtitle" | "organizationtitle" => Column::Role,
            "organisation" | "organization" | "organisatie" | "org" | "company" | "bedrijf"
            | "instelling" | "organizationname" | "companyname" => Column::Organisation,
            "availability" | "bereikbaar" | "bereikbaarheid" | "beschikbaarheid" | "hours"
            | "openingstijden" => Column::Availability,
            "area" | "gebied" | "werkgebied" | "regio" | "region" => Column::Area,
            "topics" | "topic" | "onderwerpen" | "onderwerp" | "tags" | "categories"
            | "categorieen" => Column::Topics,
            "whentocall" | "wanneerbellen" | "belbij" | "wanneer" => Column::WhenToCall,
            "help" | "hulp" | "soorthulp" => Column::Help,
            "consentfirst" | "consent" | "toestemmingeerst" | "toestemming" => Column::ConsentFirst,
            "verified" | "lastverified" | "geverifieerd" | "gecontroleerd" | "gecheckt" => {
                Column::Verified
            }
            "notes" | "note" | "notities" | "notitie" | "opmerkingen" | "opmerking"
            | "comments" | "toelichting" => Column::Notes,
            _ => phone(header, &words),
        }
    }

    /// Whether the field may have one column only.
    pub(super) fn single(&self) -> bool {
        !matches!(
            self,
            Column::Phone(_)
                | Column::PhoneValue(_)
                | Column::PhoneLabel(_)
                | Column::Email
                | Column::EmailLabel
                | Column::Other
        )
    }
}

/// What Outlook writes in a column left empty: "false" for the yes/no columns, "normal" for
/// sensitivity and priority, a zero date for birthday and anniversary, "unspecified" for gender
/// and "SMTP" or "EX" (Exchange) as the e-mail type. A column holding only these holds nothing
/// worth naming.
const OUTLOOK_EMPTY: [&str; 10] = [
    "Onwaar",
    "False",
    "Normaal",
    "Normal",
    "0-0-00",
    "0/0/00",
    "Niet-gespecificeerd",
    "Unspecified",
    "SMTP",
    "EX",
];

/// Whether `value` holds something: not blank, and not what Outlook writes for nothing.
pub(super) fn holds_something(value: &str) -> bool {
    let value = value.trim();
    !value.is_empty() && !OUTLOOK_EMPTY.contains(&value)
}

/// The columns of a header row, the title settled: "Title"/"Titel" is the role unless another
/// column is ("Job Title", "Functie"), as in an Outlook export, where it is the salutation.
pub(super) fn resolve(headers: &[String]) -> Vec<Column> {
    let mut columns: Vec<Column> = headers.iter().map(|h| Column::from_header(h)).collect();
    let has_role = columns.contains(&Column::Role);
    for column in &mut columns {
        if *column == Column::Title {
            *column = if has_role {
                Column::Other
            } else {
                Column::Role
            };
        }
    }
    columns
}

/// Google's numbered columns: "Phone 1 - Label" (current) or "Phone 1 - Type" (older),
/// "Phone 1 - Value", "E-mail 1 - …", "Organization 1 - Name", "Organization 1 - Title".
fn google(header: &str) -> Option<Column> {
    let (left, right) = header.split_once(" - ")?;
    let mut words = left.split_whitespace();
    let kind = fold(words.next()?);
    let n: u32 = words.next()?.parse().ok()?;
    if words.next().is_some() {
        return None;
    }
    let part = fold(right.trim());
    Some(match (kind.as_str(), part.as_str()) {
        ("phone", "value") => Column::PhoneValue(n),
        ("phone", "label" | "type") => Column::PhoneLabel(n),
        ("e-mail" | "email", "value") => Column::Email,
        ("e-mail" | "email", "label" | "type") => Column::EmailLabel,
        ("organization", "name") if n == 1 => Column::Organisation,
        ("organization", "title") if n == 1 => Column::Role,
        _ => Column::Other,
    })
}

/// A label word of a spreadsheet header, or of a Google phone label ("Mobile", "Work").
pub(super) fn label_word(word: &str) -> Option<&'static str> {
    match word {
        "mobiel" | "mobile" | "gsm" | "cell" | "cellphone" | "mobielnummer" | "mobiele" => {
            Some("mobiel")
        }
        "werk" | "work" | "zakelijk" | "business" => Some("werk"),
        "thuis" | "home" | "prive" => Some("thuis"),
        "fax" => Some("fax"),
        _ => None,
    }
}

/// A phone column of a spreadsheet: a phone word ("telefoon", "phone", "tel"), a label word
/// ("mobiel", "werk", "thuis", "fax") or both, with an optional number ("Telefoon 2"). Other
/// words after a phone word become the label as written, digits included ("Telefoon na 17 uur":
/// "na 17 uur", "Telefoon 24/7": "24/7"); only a number that ends the header is its count.
fn phone(header: &str, words: &[String]) -> Column {
    const PHONE: [&str; 8] = [
        "phone",
        "telefoon",
        "tel",
        "telephone",
        "telefoonnummer",
        "phonenumber",
        "nummer",
        "number",
    ];
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    let counted = words.len() > 1
        && header
            .split_whitespace()
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    if counted {
        words.pop();
    }
    let phone_word = |w: &str| PHONE.contains(&w);
    match words.as_slice() {
        [] => Column::Other,
        // "nummer" alone could be any number.
        [only] if phone_word(only) && !matches!(*only, "nummer" | "number") => {
            Column::Phone(String::new())
        }
        // "Privé" alone is Outlook's yes/no column, not a phone.
        [only] if *only == "prive" => Column::Other,
        [only] => match label_word(only) {
            Some(label) => Column::Phone(label.into()),
            None => Column::Other,
        },
        [first, second] if label_word(first).is_some() && phone_word(second) => {
            Column::Phone(label_word(first).unwrap_or_default().into())
        }
        [first, rest @ ..] if phone_word(first) && !matches!(*first, "nummer" | "number") => {
            if let [one] = rest {
                if let Some(label) = label_word(one) {
                    return Column::Phone(label.into());
                }
            }
            if rest
                .iter()
                .any(|w| matches!(*w, "type" | "soort" | "label"))
            {
                return Column::Other;
            }
            // The label as written: the header after its first word, without its count.
            let after = header
                .trim()
                .split_once(|c: char| !c.is_alphanumeric())
                .map_or("", |(_, after)| after);
            let mut label: Vec<String> = after
                .split(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '-' | '/' | ':'))
                .map(|w| w.trim_matches(|c: char| matches!(c, '-' | '/' | ':')))
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if counted {
                label.pop();
            }
            Column::Phone(label.join(" "))
        }
        _ => Column::Other,
    }
}
