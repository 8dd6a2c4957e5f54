use chrono::NaiveDate;

use super::*;
use crate::domain::contact::{Help, Phone, Pinned};

const FOLDED: &str = include_str!("../../tests/fixtures/contacts/folded.vcf");
const BROKEN: &str = include_str!("../../tests/fixtures/contacts/broken.vcf");
const CSV: &str = include_str!("../../tests/fixtures/contacts/contacts.csv");

pub(super) fn phone(label: &str, number: &str) -> Phone {
    Phone {
        label: label.into(),
        number: number.into(),
    }
}

fn read_ok(text: &str) -> Vec<Contact> {
    read("test", text).unwrap_or_else(|err| panic!("{err}"))
}

/// The problems as (line, message).
fn problems(text: &str) -> Vec<(usize, String)> {
    match read("test", text) {
        Ok(contacts) => panic!("expected problems, read {contacts:?}"),
        Err(err) => err
            .problems()
            .iter()
            .map(|p| (p.line, p.message.clone()))
            .collect(),
    }
}

/// A vCard file from lines, with CRLF.
fn vcf(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\r\n")).collect()
}

// vCard

#[test]
fn the_folded_fixture_is_read_whole() {
    let contacts = read_ok(FOLDED);
    assert_eq!(contacts.len(), 1);
    let c = &contacts[0];
    assert_eq!(c.id, 0);
    assert_eq!(c.name, "Özlem Yılmaz-van den Berg", "FN folded before a ı");
    assert_eq!(c.organisation, "Jeugdgezondheidszorg Utrecht; Team Oost");
    assert_eq!(
        c.role,
        "Jeugdverpleegkundige consultatiebureau Oost, spraak- en taalontwikkeling"
    );
    assert_eq!(
        c.phones,
        vec![
            phone("werk", "030 123 45 67"),
            phone("mobiel", "+31 6 1234 5678")
        ]
    );
    assert_eq!(c.email, "o.yilmaz@jgz-utrecht.example");
    assert_eq!(
        c.notes,
        "Bereikbaar ma-do 9-17 uur.\nBel bij zorgen over spraak, taal of slapen. Özlem spreekt \
         ook Turks en helpt graag bij gesprekken met ouders die beter Turks dan Nederlands \
         spreken."
    );
    assert_eq!(c.topics, ["spraak", "taal", "slapen"]);
    assert_eq!(c.area, "Utrecht");
    assert_eq!(c.pinned, None);
}

#[test]
fn a_fold_inside_a_character_is_unfolded_before_decoding() {
    // "ı" is C4 B1; this writer folded between the two octets.
    let mut bytes =
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\xC3\x96zlem Y\xC4\r\n \xB1lmaz\r\n".to_vec();
    bytes.extend_from_slice("NOTE:Jos\u{e9} \r\n\tbelt terug\r\nEND:VCARD\r\n".as_bytes());
    let contacts = read_bytes("test.vcf", &bytes).unwrap();
    assert_eq!(contacts[0].name, "Özlem Yılmaz");
    assert_eq!(contacts[0].notes, "José belt terug", "a tab folds too");
}

#[test]
fn an_lf_only_file_with_two_typed_phones_and_non_ascii_names() {
    let text = "BEGIN:VCARD\nVERSION:4.0\nFN:José\nTEL;TYPE=work,voice:030-1\nTEL;TYPE=WORK;TYPE=CELL:06-2\nEND:VCARD\n\
                begin:vcard\nversion:4.0\nfn:Ĳsbrand\nend:vcard\n";
    let contacts = read_ok(text);
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0].name, "José");
    assert_eq!(
        contacts[0].phones,
        vec![phone("werk", "030-1"), phone("werk, mobiel", "06-2")]
    );
    assert_eq!(contacts[1].name, "Ĳsbrand");
}

#[test]
fn quoted_printable_with_soft_line_breaks_is_decoded_as_utf8() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Y=C4=B1lmaz;=C3=96zlem;;;",
        // A soft break in the middle of a character's octets.
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=96zlem Y=C4=",
        "=B1lmaz",
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Eerste regel=0D=0ATweede=",
        " regel met =3D teken",
        "ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Caf=E9 de Hoek",
        "TEL;CELL:06-12345678",
        "END:VCARD",
    ]);
    let c = &read_ok(&text)[0];
    assert_eq!(c.name, "Özlem Yılmaz");
    assert_eq!(c.notes, "Eerste regel\nTweede regel met = teken");
    assert_eq!(c.organisation, "Café de Hoek");
    assert_eq!(c.phones, vec![phone("mobiel", "06-12345678")]);
}

#[test]
fn quoted_printable_without_charset_is_latin_1() {
    // calcard reads a quoted-printable value without CHARSET as ISO-8859-1, vCard 2.1's
    // default for 8-bit text; the hand-written reader refused it.
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN;ENCODING=QUOTED-PRINTABLE:Jos=E9",
        "END:VCARD",
    ]);
    assert_eq!(read_ok(&text)[0].name, "José");
}

#[test]
fn base64_values_are_decoded() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN;ENCODING=b:Wm/Dqw==",
        "END:VCARD",
    ]);
    assert_eq!(read_ok(&text)[0].name, "Zoë");
}

#[test]
fn a_line_that_is_not_utf8_is_read_as_windows_1252() {
    let text = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos\xE9\r\nEND:VCARD\r\n";
    assert_eq!(read_bytes("test.vcf", text).unwrap()[0].name, "José");
}

#[test]
fn version_2_1_bare_parameters_are_types_and_pref_goes_first() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:Jansen;Piet;;;",
        "TEL;WORK;VOICE:030-1111111",
        "TEL;HOME;FAX:030-2222222",
        "TEL;PREF;CELL:06-33333333",
        "TEL;X-CUSTOM:040-4444444",
        "EMAIL;INTERNET:piet@example.nl",
        "EMAIL;INTERNET;PREF:p.jansen@example.nl",
        "END:VCARD",
    ]);
    let c = &read_ok(&text)[0];
    assert_eq!(c.name, "Piet Jansen", "from N: given and family");
    assert_eq!(
        c.phones,
        vec![
            phone("mobiel", "06-33333333"),
            phone("werk", "030-1111111"),
            phone("", "040-4444444"),
        ]
    );
    assert_eq!(c.email, "p.jansen@example.nl");
    assert_eq!(
        c.notes, "Fax (thuis): 030-2222222\nE-mail: piet@example.nl",
        "the fax and the other address are kept, in the notes"
    );
}

#[test]
fn vcard_4_pref_quoted_types_and_tel_uris() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Veilig Thuis",
        "TEL;VALUE=uri;TYPE=\"voice,home\":tel:+31-30-1234567",
        "TEL;VALUE=uri;PREF=1;TYPE=\"voice,work\":tel:0800-2000",
        "EMAIL;PREF=2:b@example.nl",
        "EMAIL;PREF=1:mailto:a@example.nl",
        "TITLE:Meldpunt",
        "ROLE:Advies",
        "END:VCARD",
    ]);
    let c = &read_ok(&text)[0];
    assert_eq!(
        c.phones,
        vec![phone("werk", "0800-2000"), phone("thuis", "+31-30-1234567")]
    );
    assert_eq!(c.email, "a@example.nl");
    assert_eq!(c.role, "Meldpunt", "TITLE before ROLE");
}

#[test]
fn escapes_are_undone() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Wijkteam Oost\\, Utrecht",
        "ORG:Gemeente Utrecht\\; wijkteams;Team Oost",
        "NOTE:Eén\\, twee\\; drie\\\\vier\\nvijf\\Nzes C:\\temp",
        "CATEGORIES:huiselijk geweld,opvoeding\\, gedrag, slapen ,",
        "END:VCARD",
    ]);
    let c = &read_ok(&text)[0];
    assert_eq!(c.name, "Wijkteam Oost, Utrecht");
    // Units are joined by "; ": an escaped "; " inside one reads the same (rare in a name).
    assert_eq!(c.organisation, "Gemeente Utrecht; wijkteams; Team Oost");
    assert_eq!(c.notes, "Eén, twee; drie\\vier\nvijf\nzes C:\\temp");
    assert_eq!(
        c.topics,
        ["huiselijk geweld", "opvoeding, gedrag", "slapen"]
    );
}

#[test]
fn group_prefixes_are_dropped_and_apple_labels_name_their_phone() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Ĳsbrand Jansen",
        "item1.TEL;type=pref:030-4567890",
        "item1.X-ABLabel:na kantoortijd",
        "item2.TEL:06-34567890",
        "item2.X-ABLabel:_$!<Mobile>!$_",
        "item3.EMAIL;type=INTERNET:i.jansen@example.nl",
        "item3.X-ABLabel:_$!<Work>!$_",
        "ITEM4.ORG:GGD",
        "END:VCARD",
    ]);
    let c = &read_ok(&text)[0];
    assert_eq!(
        c.phones,
        vec![
            phone("na kantoortijd", "030-4567890"),
            phone("mobiel", "06-34567890")
        ]
    );
    assert_eq!(c.email, "i.jansen@example.nl");
    assert_eq!(c.organisation, "GGD");
}

#[test]
fn unknown_properties_and_a_folded_photo_are_skipped() {
    let mut lines = vec![
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYE",
    ];
    lines.extend([" BQQEBAQFBwUFBgYHCAgHBwcHCAkKCAoNCwoLDA0NDQ0KCw4PDg0PDAwNDQ3/"; 40]);
    lines.extend([
        "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Oz;1;;;;;;;;;;;;;",
        "BDAY:1980-01-01",
        "FN:Özlem",
        "",
        "END:VCARD",
    ]);
    let contacts = read_ok(&vcf(&lines));
    assert_eq!(contacts[0].name, "Özlem");
}

#[test]
fn the_broken_fixture_names_the_line_of_its_second_card_and_returns_nothing() {
    let err = read("broken.vcf", BROKEN).unwrap_err();
    assert_eq!(
        err.problems(),
        [Problem {
            line: 6,
            message: "this card has no END:VCARD: the next BEGIN:VCARD (line 10) comes first"
                .into(),
        }]
    );
    assert_eq!(err.file(), "broken.vcf");
    assert_eq!(
        err.to_string(),
        "broken.vcf:6: this card has no END:VCARD: the next BEGIN:VCARD (line 10) comes first"
    );
}

#[test]
fn a_card_without_fn_and_n_in_a_file_of_three_is_a_problem_on_its_begin_line() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Een",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "TEL:030-1",
        "N:;;;;",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Drie",
        "END:VCARD",
    ]);
    assert_eq!(
        problems(&text),
        [(
            5,
            "this card has no name: it needs FN (the name as shown), N or ORG".to_string()
        )]
    );
}

#[test]
fn every_problem_of_the_file_is_reported_by_line() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:5.0",
        "FN:Een",
        // calcard skips a line it cannot read, as RFC 6350 asks of a reader.
        "this line has no colon",
        "TEL;ENCODING=ROT13:123",
        "bad name:x",
        "END:VCARD",
        "END:VCARD",
        "FN:Stray",
        "TEL:1",
        "BEGIN:VCALENDAR",
        "BEGIN:VCARD",
        "FN:Twee",
    ]);
    assert_eq!(
        problems(&text),
        [
            (
                1,
                "this card has VERSION:5.0; signaal reads vCard 2.1, 3.0 and 4.0".to_string()
            ),
            (8, "END:VCARD without a BEGIN:VCARD before it".to_string()),
            (
                9,
                "FN is outside a card: every line belongs between BEGIN:VCARD and END:VCARD"
                    .to_string()
            ),
            (
                11,
                "BEGIN:VCALENDAR is not a vCard; only BEGIN:VCARD can be read here".to_string()
            ),
            (
                12,
                "this card has no END:VCARD: the file ends first".to_string()
            ),
        ]
    );
}

#[test]
fn a_vcard_file_is_known_by_its_first_line_that_is_not_blank() {
    assert_eq!(
        format_of(b"\xEF\xBB\xBF\r\n  \r\nbegin:vcard\r\n"),
        Format::VCard
    );
    assert_eq!(format_of(b"BEGIN:VCARD"), Format::VCard);
    assert_eq!(format_of(b"naam,telefoon\nBEGIN:VCARD\n"), Format::Csv);
    assert_eq!(format_of(b""), Format::Csv);
    let with_bom = format!("\u{feff}\n{}", vcf(&["BEGIN:VCARD", "FN:Zoë", "END:VCARD"]));
    assert_eq!(read_ok(&with_bom)[0].name, "Zoë", "no VERSION is fine");
}

// CSV

#[test]
fn the_csv_fixture_with_dutch_headers_is_read_whole() {
    let contacts = read_ok(CSV);
    let names: Vec<&str> = contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Özlem de Vries",
            "José Martins",
            "Ĳsbrand Jansen",
            "Wijkteam Oost"
        ]
    );
    let c = &contacts[0];
    assert_eq!(c.id, 0);
    assert_eq!(c.role, "Logopedist");
    assert_eq!(c.organisation, "Logopediepraktijk De Klank, Utrecht");
    assert_eq!(
        c.phones,
        vec![phone("", "030-2345678"), phone("mobiel", "06-12345678")]
    );
    assert_eq!(c.email, "o.devries@declank.example");
    assert_eq!(c.availability, "ma-wo 8.30-17");
    assert_eq!(c.area, "Utrecht-Oost");
    assert_eq!(c.topics, ["spraak", "taal"]);
    assert_eq!(c.when_to_call, "Bel bij zorgen over spraak of taal");
    assert_eq!(c.help, Help::AdviceOnly);
    assert!(c.consent_first);
    assert_eq!(c.verified, NaiveDate::from_ymd_opt(2024, 3, 31));
    assert_eq!(
        c.notes,
        "Werkt ook op locatie.\nVraag naar \"Özlem\" bij de balie."
    );
    let jose = &contacts[1];
    assert_eq!(jose.phones, vec![phone("", "030-3456789")]);
    assert_eq!(jose.topics, ["gedrag", "slapen"]);
    assert!(!jose.consent_first);
    assert_eq!(jose.verified, NaiveDate::from_ymd_opt(2024, 1, 15));
    assert_eq!(contacts[2].help, Help::Referral);
    assert_eq!(contacts[3].role, "");
    assert_eq!(
        contacts[3].when_to_call,
        "Bel bij zorgen thuis, met toestemming van de ouders"
    );
    assert_eq!(contacts[3].verified, None);
}

#[test]
fn csv_quotes_commas_newlines_and_english_headers() {
    let text = "Name,Phone,Phone 2,Work phone,Telefoon (na kantoortijd),E-mail,Shoe size,Notes\n\
                \"Jansen, Piet\",030-1,\"06-2\",030-3,030-4,\"a@x.nl\",44\n\
                \"Zoë \"\"Zo\"\" Bakker\"  ,,,,,,\n\
                Multi,,,,,,,\"two\nlines\"\n";
    let contacts = read_ok(text);
    assert_eq!(contacts.len(), 3);
    assert_eq!(contacts[0].name, "Jansen, Piet");
    assert_eq!(
        contacts[0].phones,
        vec![
            phone("", "030-1"),
            phone("", "06-2"),
            phone("werk", "030-3"),
            phone("na kantoortijd", "030-4"),
        ]
    );
    assert_eq!(contacts[1].name, "Zoë \"Zo\" Bakker");
    // A line break in a quoted field is kept where text may have one: in a note.
    assert_eq!(contacts[2].notes, "two\nlines");
}

#[test]
fn csv_with_semicolons_crlf_and_a_bom_as_a_dutch_spreadsheet_saves_it() {
    let text = "\u{feff}Naam;Telefoon;Onderwerpen;Toestemming eerst\r\n\
                Özlem;030-1;\"spraak; taal\";JA\r\n\
                \r\n\
                ;;;\r\n\
                José;030-2;slapen,eten;\r\n";
    let contacts = read_ok(text);
    assert_eq!(contacts.len(), 2, "blank rows are skipped");
    assert_eq!(contacts[0].topics, ["spraak", "taal"]);
    assert!(contacts[0].consent_first);
    assert_eq!(contacts[1].topics, ["slapen", "eten"]);
    assert!(!contacts[1].consent_first);
}

#[test]
fn csv_that_is_not_utf8_is_read_as_windows_1252() {
    let contacts = read_bytes("c.csv", b"naam;telefoon\r\nJos\xE9;030-1\r\n").unwrap();
    assert_eq!(contacts[0].name, "José");
}

#[test]
fn csv_in_utf16_with_a_byte_order_mark_is_read_as_excel_saves_unicode_text() {
    let text = "naam\ttelefoon\r\nJosé Ĳsselmeer\t030-1\r\n";
    let mut little = vec![0xFF, 0xFE];
    little.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut big = vec![0xFE, 0xFF];
    big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for bytes in [little, big] {
        let contacts = read_bytes("c.csv", &bytes).unwrap();
        assert_eq!(contacts[0].name, "José Ĳsselmeer");
        assert_eq!(contacts[0].phones, vec![phone("", "030-1")]);
    }
}

#[test]
fn a_bad_csv_row_is_named_by_the_line_it_starts_on() {
    let text = "naam,notities,hulp,toestemming eerst,geverifieerd\n\
                Een,\"twee\nregels\",advies,ja,2024-02-29\n\
                ,zonder naam,,,\n\
                Drie,,misschien,soms,31-02-2024\n\
                Vier,a,b,c,d,e\n\
                Vijf,,,,,,\n";
    assert_eq!(
        problems(text),
        [
            (4, "this row has no name".to_string()),
            (
                5,
                "\"hulp\" is \"misschien\"; it must be advies or verwijzing (or empty)".to_string()
            ),
            (
                5,
                "\"toestemming eerst\" is \"soms\"; it must be ja or nee (or empty)".to_string()
            ),
            (
                5,
                "\"geverifieerd\" is \"31-02-2024\", which is not a date; write it as 2024-03-31 \
                 or 31-03-2024"
                    .to_string()
            ),
            (
                6,
                "this row has 6 fields but the first row names 5 columns; put a field with a \
                 comma (,) in quotes"
                    .to_string()
            ),
        ]
    );
}

#[test]
fn a_csv_file_without_a_name_column_is_a_problem_on_its_first_line() {
    let err = read("lijst.csv", "telefoon,e-mail\n030-1,a@b.nl\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "lijst.csv:1: no name column: the first row names the columns, and one must be \
         \"naam\" (or \"name\"); this file has telefoon, e-mail; a name is read from Naam, \
         Name, Volledige naam, Full Name, Display Name, Weergavenaam, or First Name / Last \
         Name, Given Name / Family Name, Voornaam / Achternaam"
    );
    assert_eq!(
        problems("Naam,Name\nA,B\n"),
        [(
            1,
            "the columns \"Naam\" and \"Name\" are for the same field; keep one".to_string()
        )]
    );
    assert_eq!(
        read("leeg.csv", "\u{feff}\n\n").unwrap_err().to_string(),
        "leeg.csv: the file is empty; a CSV file starts with a row naming the columns, like \
         naam,telefoon,e-mail"
    );
}

#[test]
fn an_unterminated_quote_names_the_line_where_its_field_started() {
    let text = "naam,notities\nEen,\"goed\"\nTwee,\"begint hier\nen gaat door\nTot het eind\n";
    assert_eq!(
        problems(text),
        [(
            3,
            "a field that starts with a quote (\") here is never closed; end it with a quote, \
             and double every quote inside it (\"\")"
                .to_string()
        )]
    );
    assert_eq!(
        problems("naam\n\"Een\"x\n"),
        [(
            2,
            "text after the closing quote of a field; put the whole field in quotes and double \
             every quote inside it (\"\")"
                .to_string()
        )]
    );
}

// Writing

fn sample() -> Contact {
    let mut c = Contact::named(9, "Özlem de Vries");
    c.role = "Logopedist; spraak, taal".into();
    c.organisation = "Logopediepraktijk De Klank, Utrecht".into();
    c.phones = vec![
        phone("werk", "030-2345678"),
        phone("mobiel", "06-12345678"),
        phone("na kantoortijd", "030-9999999"),
        phone("", "040-1"),
        phone("werk, mobiel", "06-7"),
    ];
    c.email = "o.devries@declank.example".into();
    c.topics = vec!["spraak".into(), "taal, lezen".into()];
    c.notes = "Werkt ook op locatie.\nVraag naar \"Özlem\" \\ balie.".into();
    c.when_to_call = "Bel bij zorgen over spraak".into();
    c.availability = "ma-wo 8.30-17".into();
    c.area = "Utrecht-Oost, Overvecht".into();
    c.groups = vec![4, 12];
    c.help = Help::Referral;
    c.consent_first = true;
    c.verified = NaiveDate::from_ymd_opt(2026, 3, 1);
    c
}

#[test]
fn write_then_read_keeps_every_field() {
    let mut advice = Contact::named(3, "Ĳsbrand");
    advice.help = Help::AdviceOnly;
    let mut contacts = vec![sample(), advice];
    contacts.extend(Pinned::ALL.map(Pinned::card));
    contacts[1].uid = "ijsbrand-1".into();
    let written = write_vcard(&contacts);
    let back = read_ok(&written);
    assert_eq!(back.len(), contacts.len());
    let uids = uid::uids(&contacts);
    assert_eq!(uids[1], "ijsbrand-1", "a stored UID is written as it is");
    for ((before, after), uid) in contacts.iter().zip(&back).zip(uids) {
        let expected = Contact {
            id: 0,
            uid,
            ..before.clone()
        };
        assert_eq!(after, &expected, "the pinned cards come back pinned");
    }
    assert_eq!(write_vcard(&contacts), written, "the same bytes each time");
}

#[test]
fn the_written_card_is_vcard_4_with_a_uid_crlf_and_escapes() {
    let text = write_vcard(&[sample()]);
    let expected = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "UID:urn:uuid:41462e63-d2e9-5c19-8bb8-b4a4318e53d9",
        "FN:Özlem de Vries",
        "N:de Vries;Özlem;;;",
        "ORG:Logopediepraktijk De Klank\\, Utrecht",
        "TITLE:Logopedist\\; spraak\\, taal",
        "TEL;TYPE=WORK:030-2345678",
        "TEL;TYPE=CELL:06-12345678",
        "item1.TEL;TYPE=VOICE:030-9999999",
        "item1.X-ABLabel:na kantoortijd",
        "TEL;TYPE=VOICE:040-1",
        "TEL;TYPE=WORK,CELL:06-7",
        "EMAIL:o.devries@declank.example",
        "NOTE:Werkt ook op locatie.\\nVraag naar \"Özlem\" \\\\ balie.",
        "CATEGORIES:spraak,taal\\, lezen",
        "X-SIGNAAL-AVAILABILITY:ma-wo 8.30-17",
        "X-SIGNAAL-AREA:Utrecht-Oost\\, Overvecht",
        "X-SIGNAAL-WHEN-TO-CALL:Bel bij zorgen over spraak",
        "X-SIGNAAL-HELP:referral",
        "X-SIGNAAL-CONSENT-FIRST:TRUE",
        "X-SIGNAAL-VERIFIED:2026-03-01",
        "X-SIGNAAL-GROUPS:4\\,12",
        "END:VCARD",
    ];
    assert_eq!(text, vcf(&expected));
    assert!(!text.replace("\r\n", "").contains('\n'));
}

#[test]
fn an_organisation_is_written_as_kind_org_without_n() {
    let text = write_vcard(&[Pinned::VeiligThuis.card()]);
    assert!(text.contains("\r\nKIND:org\r\nFN:Veilig Thuis\r\nORG:Veilig Thuis\r\n"));
    assert!(!text.contains("\r\nN:"), "{text}");
    let uids: Vec<String> = Pinned::ALL
        .map(|p| write_vcard(&[p.card()]))
        .iter()
        .map(|card| {
            card.lines()
                .find(|l| l.starts_with("UID:"))
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        uids.iter().collect::<std::collections::BTreeSet<_>>().len(),
        4,
        "the pinned cards, all with id 0, have a UID each: {uids:?}"
    );
}

#[test]
fn a_card_that_starts_with_its_organisation_or_is_no_persons_name_is_an_organisation() {
    let kind_and_n = |name: &str, organisation: &str| {
        let mut card = Contact::named(1, name);
        card.organisation = organisation.into();
        card.role = "Jeugdverpleegkundige".into();
        let text = write_vcard(&[card]);
        (text.contains("\r\nKIND:org\r\n"), text.contains("\r\nN:"))
    };
    let org = (true, false);
    let person = (false, true);
    assert_eq!(
        kind_and_n("GGD Lindewaard, infectieziekten", "GGD Lindewaard"),
        org
    );
    assert_eq!(kind_and_n("GGD Lindewaard", "GGD Lindewaard"), org);
    assert_eq!(
        kind_and_n("GGD toezicht kinderopvang", "GGD Lindewaard"),
        org
    );
    assert_eq!(kind_and_n("112", "Politie, brandweer, ambulance"), org);
    assert_eq!(
        kind_and_n("GGD Lindewaardse Zorg", "GGD Lindewaard"),
        person,
        "not a word of it"
    );
    assert_eq!(kind_and_n("Anouk van den Berg", "GGD Lindewaard"), person);
    assert_eq!(kind_and_n("Anouk van den Berg", ""), person);
    let kind_and_n_of_role = |name: &str, role: &str| {
        let mut card = Contact::named(1, name);
        card.role = role.into();
        let text = write_vcard(&[card]);
        (text.contains("\r\nKIND:org\r\n"), text.contains("\r\nN:"))
    };
    assert_eq!(
        kind_and_n_of_role("Wijkteam Lindewaard-Oost", "Wijkteam (sociaal team)"),
        org
    );
    assert_eq!(kind_and_n_of_role("Huisartsen Zeeweg", "Huisarts"), org);
    assert_eq!(
        kind_and_n_of_role("Vertrouwensinspecteur", "Vertrouwensinspecteur onderwijs"),
        org
    );
    assert_eq!(
        kind_and_n_of_role("Fatima Öztürk", "Aandachtsfunctionaris"),
        person
    );
    assert_eq!(
        kind_and_n_of_role("Arts Jansen", "Arts"),
        person,
        "a short role"
    );
    let text = write_vcard(&[Contact::named(1, "Anouk van den Berg")]);
    assert!(text.contains("\r\nN:van den Berg;Anouk;;;\r\n"), "{text}");
}

#[test]
fn a_pinned_card_says_which_it_is_and_comes_back_pinned() {
    let mut lead = Pinned::Aandachtsfunctionaris.card();
    lead.name = "Fatima Öztürk".into();
    let text = write_vcard(&[lead.clone(), Contact::named(3, "Ĳsbrand")]);
    assert_eq!(
        text.matches("X-SIGNAAL-PINNED").count(),
        1,
        "on the pinned card only"
    );
    assert!(text.contains("\r\nX-SIGNAAL-PINNED:aandachtsfunctionaris\r\n"));
    let back = read_ok(&text);
    assert_eq!(back[0].pinned, Some(Pinned::Aandachtsfunctionaris));
    assert_eq!(back[1].pinned, None);
    let veilig = read_ok(&write_vcard(&[Pinned::VeiligThuis.card()]));
    assert_eq!(veilig[0].pinned, Some(Pinned::VeiligThuis));

    let unknown = text.replace("PINNED:aandachtsfunctionaris", "PINNED:brandweer");
    assert_eq!(
        problems(&unknown),
        [(
            1,
            "X-SIGNAAL-PINNED is \"brandweer\"; signaal pins emergency, veilig_thuis, \
             vertrouwensinspecteur and aandachtsfunctionaris"
                .to_string()
        )]
    );
}

#[test]
fn a_cards_uid_is_kept_whatever_it_looks_like() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "UID: 4f2a-Google-contact-17 ",
        "FN:Anouk van den Berg",
        "END:VCARD",
    ]);
    assert_eq!(read_ok(&text)[0].uid, "4f2a-Google-contact-17");
    let escape = text.replace("UID: 4f2a", "UID:\u{1b}[2J4f2a");
    assert_eq!(
        read_ok(&escape)[0].uid,
        "[2J4f2a-Google-contact-17",
        "no ESC"
    );
    let without = vcf(&["BEGIN:VCARD", "VERSION:3.0", "FN:Anouk", "END:VCARD"]);
    assert_eq!(read_ok(&without)[0].uid, "", "the store gives it one");
}

#[test]
fn the_uid_follows_the_name_and_numbers_not_the_id() {
    let uid = |contacts: &[Contact]| -> Vec<String> {
        write_vcard(contacts)
            .lines()
            .filter_map(|line| line.strip_prefix("UID:"))
            .map(str::to_string)
            .collect()
    };
    let mut elsewhere = sample();
    elsewhere.id = 71;
    elsewhere.notes = "Nieuw nummer per maart.".into();
    assert_eq!(
        uid(&[sample()]),
        uid(&[elsewhere]),
        "another id, other notes"
    );
    let mut renumbered = sample();
    renumbered.phones.pop();
    assert_ne!(uid(&[sample()]), uid(&[renumbered]));
    let twice = uid(&[sample(), sample()]);
    assert_ne!(twice[0], twice[1], "one identity twice in one export");
    assert!(twice[0].starts_with("urn:uuid:"), "{twice:?}");
    let mut stored = sample();
    stored.uid = twice[0].clone();
    let made_later = uid(&[sample(), stored]);
    assert_ne!(
        made_later[0], made_later[1],
        "a UID is made around the stored ones: {made_later:?}"
    );
}

// The smaller cases of issue 15, item 7, each from a public bug report of another contact tool.

#[test]
fn a_quoted_printable_soft_break_followed_by_a_folded_line_puts_no_tab_in_the_name() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=96zlem Y=C4=B1lmaz-van den =",
        "\tBerg",
        "END:VCARD",
    ]);
    assert_eq!(read_ok(&text)[0].name, "Özlem Yılmaz-van den Berg");
}

#[test]
fn an_apple_label_is_its_text_and_raw_types_are_no_label() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Fatima El Amrani",
        "item1.TEL:030-1111111",
        "item1.X-ABLabel:_$!<Mobile>!$_",
        "item2.TEL;type=WORK;type=VOICE;type=pref:030-2222222",
        "item2.X-ABLabel:WORK;VOICE;PREF",
        "item3.TEL:030-3333333",
        "item3.X-ABLabel:_$!<Other>!$_",
        "END:VCARD",
    ]);
    assert_eq!(
        read_ok(&text)[0].phones,
        vec![
            phone("werk", "030-2222222"),
            phone("mobiel", "030-1111111"),
            phone("Other", "030-3333333"),
        ]
    );
}

#[test]
fn an_escaped_comma_in_type_still_gives_a_label() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Henk ter Horst",
        "TEL;TYPE=HOME\\,VOICE:030-4444444",
        "END:VCARD",
    ]);
    assert_eq!(
        read_ok(&text)[0].phones,
        vec![phone("thuis", "030-4444444")]
    );
}

#[test]
fn an_identical_tel_twice_is_stored_once() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Henk ter Horst",
        "TEL;TYPE=CELL:06-12345678",
        "TEL;TYPE=CELL:06-12345678",
        "END:VCARD",
    ]);
    assert_eq!(
        read_ok(&text)[0].phones,
        vec![phone("mobiel", "06-12345678")]
    );
}

#[test]
fn in_org_an_escaped_comma_stays_and_the_separator_splits_units() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Sanne Bakker",
        "ORG:Stichting Kleur\\, Taal;Afdeling Tolken",
        "END:VCARD",
    ]);
    let contact = &read_ok(&text)[0];
    assert_eq!(
        contact.organisation,
        "Stichting Kleur, Taal; Afdeling Tolken"
    );
    let written = write_vcard(std::slice::from_ref(contact));
    assert!(
        written.contains("\r\nORG:Stichting Kleur\\, Taal;Afdeling Tolken\r\n"),
        "{written}"
    );
    assert_eq!(read_ok(&written)[0].organisation, contact.organisation);
    let mut one = Contact::named(1, "Sanne Bakker");
    one.organisation = "Logopedie De Klank, Utrecht".into();
    let written = write_vcard(&[one]);
    assert!(
        written.contains("\r\nORG:Logopedie De Klank\\, Utrecht\r\n"),
        "{written}"
    );
    assert_eq!(
        read_ok(&written)[0].organisation,
        "Logopedie De Klank, Utrecht"
    );
}

#[test]
fn an_extension_is_kept_after_the_number_not_glued_into_it() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Wijkteam Oost",
        "TEL;VALUE=uri;TYPE=work:tel:+31-30-1234567;ext=12",
        "TEL;TYPE=home:030-7654321;ext=3",
        "END:VCARD",
    ]);
    assert_eq!(
        read_ok(&text)[0].phones,
        vec![
            phone("werk", "+31-30-1234567 ext. 12"),
            phone("thuis", "030-7654321 ext. 3")
        ]
    );
}

#[test]
fn an_organisation_card_with_an_empty_fn_is_that_organisation() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:;;;;",
        "FN:",
        "ORG:Huisartsenpost Utrecht Stad;",
        "TEL;TYPE=WORK:0900-4454545",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Sanne Bakker",
        "END:VCARD",
    ]);
    let contacts = read_ok(&text);
    assert_eq!(contacts.len(), 2, "the whole file is read");
    assert_eq!(contacts[0].name, "Huisartsenpost Utrecht Stad");
    assert_eq!(contacts[0].organisation, "Huisartsenpost Utrecht Stad");
    assert!(write_vcard(&contacts[..1]).contains("\r\nKIND:org\r\n"));
}

#[test]
fn an_empty_or_utf16_vcf_gets_a_vcard_message() {
    for bytes in [&b""[..], b"\r\n \r\n"] {
        let err = read_file("leeg.vcf", bytes).unwrap_err();
        assert_eq!(
            err.to_string(),
            "leeg.vcf:1: this vCard file holds no card: a card starts with BEGIN:VCARD"
        );
    }
    let card = vcf(&["BEGIN:VCARD", "VERSION:3.0", "FN:Zoë", "END:VCARD"]);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(card.encode_utf16().flat_map(u16::to_le_bytes));
    let contacts = read_file("utf16.vcf", &utf16).unwrap().contacts;
    assert_eq!(contacts[0].name, "Zoë");
}

#[test]
fn names_split_with_the_tussenvoegsels_in_the_family_name() {
    let n = |name: &str| vcard::split_name(name);
    let pair = |family: &str, given: &str| (family.to_string(), given.to_string());
    assert_eq!(n("Özlem de Vries"), pair("de Vries", "Özlem"));
    assert_eq!(
        n("Jan Peter van der Berg"),
        pair("van der Berg", "Jan Peter")
    );
    assert_eq!(n("Fatima El Amrani"), pair("El Amrani", "Fatima"));
    assert_eq!(n("Henk ter Horst"), pair("ter Horst", "Henk"));
    assert_eq!(n("van Dijk"), pair("van Dijk", ""));
    assert_eq!(n("Al Pacino"), pair("Pacino", "Al"));
    assert_eq!(n("Veilig Thuis"), pair("Thuis", "Veilig"));
    assert_eq!(n("Anouk van den Berg"), pair("van den Berg", "Anouk"));
    assert_eq!(n("Lotte van 't Hof"), pair("van 't Hof", "Lotte"));
    assert_eq!(
        n("Jan de Groot Jansen"),
        pair("de Groot Jansen", "Jan"),
        "from the first tussenvoegsel on, not only the last word"
    );
    assert_eq!(n("Els aan de Stegge"), pair("aan de Stegge", "Els"));
    assert_eq!(n("Jan uit den Bogaard"), pair("uit den Bogaard", "Jan"));
    assert_eq!(
        n("Piet de"),
        pair("de", "Piet"),
        "a tussenvoegsel at the end"
    );
    assert_eq!(
        n("Berg,  Anouk van den"),
        pair("Berg, Anouk van den", ""),
        "a comma: not split, the whole name is the family name"
    );
    assert_eq!(n("112"), pair("112", ""));
    assert_eq!(n(""), pair("", ""));
}

#[test]
fn lines_fold_at_75_octets_and_never_inside_a_character() {
    let mut c = Contact::named(1, &"Ĳsbrand Özlem José Yılmaz ".repeat(12));
    c.notes = "€".repeat(100) + &"a".repeat(100) + &"𝄞".repeat(40);
    c.role = "x".repeat(74);
    let text = write_vcard(&[c.clone()]);
    let bytes = text.as_bytes();
    let mut folds = 0;
    for line in bytes.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        assert!(line.len() <= 75, "{} octets", line.len());
        assert!(std::str::from_utf8(line).is_ok(), "a character was cut");
        if line.starts_with(b" ") {
            folds += 1;
        }
    }
    assert!(folds > 10);
    assert!(text.contains(&format!("TITLE:{}\r\n xxxxx\r\n", "x".repeat(69))));
    let back = &read_ok(&text)[0];
    assert_eq!(back.name, c.name.trim());
    assert_eq!(back.role, c.role);
    assert_eq!(back.notes, c.notes);
}

#[test]
fn a_utf16_vcf_without_byte_order_mark_gets_a_vcard_message() {
    let card = vcf(&["BEGIN:VCARD", "VERSION:3.0", "FN:Zoë", "END:VCARD"]);
    let utf16: Vec<u8> = card.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let err = read_file("utf16.vcf", &utf16).unwrap_err();
    assert_eq!(
        err.to_string(),
        "utf16.vcf:1: this file holds NUL bytes, as UTF-16 text without a byte order mark does; \
         save the contacts as UTF-8 (vCard 4.0) and import them again"
    );
}

#[test]
fn a_bad_signaal_field_is_a_problem_of_its_card_and_file_text_shows_its_controls_visibly() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Sanne Bakker",
        "x-signaal-verified:2024-02-30",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Henk ter Horst",
        "X-SIGNAAL-HELP:soms\u{1b}[2J",
        "X-SIGNAAL-GROUPS:3,drie",
        "END:VCARD",
        "\u{1b}[31mFN:Stray",
    ]);
    assert_eq!(
        problems(&text),
        [
            (
                1,
                "X-SIGNAAL-VERIFIED is \"2024-02-30\", which is not a date".to_string()
            ),
            (
                6,
                "X-SIGNAAL-HELP is \"soms^[[2J\"; it is advice-only or referral".to_string()
            ),
            (
                12,
                "^[[31MFN is outside a card: every line belongs between BEGIN:VCARD and END:VCARD"
                    .to_string()
            ),
        ]
    );
}

// Control characters

/// A file with a control character in a name, a number or a note is refused whole, each card
/// on its line; a note keeps its line breaks and tabs.
#[test]
fn control_characters_refuse_the_whole_vcard_file() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Jan \u{1b}[31mRood\u{7} Arts",
        "TEL:06-11112222",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Ans\\nNieuwe regel",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Bram Bel",
        "TEL:06-5555\u{7}",
        "NOTE:regel 1\\nregel\t2",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Fine Note",
        "NOTE:regel 1\\nregel\t2",
        "END:VCARD",
    ]);
    let problems = problems(&text);
    let lines: Vec<usize> = problems.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [1, 6, 10], "{problems:?}");
    assert!(problems[0]
        .1
        .starts_with("name of \"Jan ^[[31mRood^G Arts\" holds a control character (ESC)"));
    assert!(problems[1]
        .1
        .starts_with("name of \"Ans^JNieuwe regel\" holds a control character (LF)"));
    assert!(problems[2]
        .1
        .starts_with("phones[0].number of \"Bram Bel\" holds a control character (BEL)"));
    assert!(problems.iter().all(|(_, m)| !m.contains('\u{1b}')));
}

#[test]
fn control_characters_refuse_the_whole_csv_file_with_their_column() {
    let text = "naam;telefoon;notitie\n\
                Anna;06-1;regel 1\tmet tab\n\
                Piet\u{1b}[2J;06-2;x\n\
                \"Regel\teen\";06-3;\n\
                Kees;06-4;x\u{7}y\n";
    let problems = problems(text);
    let found: Vec<(usize, &str)> = problems
        .iter()
        .map(|(line, m)| (*line, m.split(" holds").next().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        [
            (3, "column 1 (\"naam\"): name of \"Piet^[[2J\""),
            (4, "column 1 (\"naam\"): name of \"Regel^Ieen\""),
            (5, "column 3 (\"notitie\"): notes of \"Kees\""),
        ]
    );
    // A line break and a tab in a note are text; a line break in a name is joined (tests_rows).
    let notes = read_ok("naam,notitie\nAnna,\"regel 1\n\tregel 2\"\n");
    assert_eq!(notes[0].notes, "regel 1\n\tregel 2");
}
