//! vCards as a fresh tester's address books had them (issue 15): Outlook's vCard 2.1 with raw
//! Windows-1252 or ISO-8859-1 bytes, `X-SIGNAAL-*` values typed by hand, a stored fax with a
//! label of its own written back as a fax, Outlook's Exchange path before the address, faxes by
//! TYPE and by Apple label. Fictional people.

use crate::contacts_io::{read_bytes, write_vcard};
use crate::domain::contact::{Contact, Phone};

fn read(bytes: &[u8]) -> Vec<Contact> {
    read_bytes("contacts.vcf", bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn problems(bytes: &[u8]) -> String {
    read_bytes("contacts.vcf", bytes)
        .map(|contacts| panic!("read {contacts:?}"))
        .unwrap_err()
        .to_string()
}

/// The shape of sabre/vobject's testDecodeWindows1252Inline: a vCard 2.1 value whose `CHARSET`
/// is Windows-1252, with the raw byte 0x80 (the euro sign there, no character in Latin-1).
#[test]
fn a_raw_windows_1252_value_is_decoded_by_its_charset() {
    let contacts =
        read(b"BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=Windows-1252:Euro \x80\nEND:VCARD\n");
    assert_eq!(contacts[0].name, "Euro \u{20ac}");
}

/// The shape of Open-Xchange's test7250: N and FN of vCard 2.1 with `CHARSET=Windows-1252`,
/// the whole card written in Cp1252, LF line ends, no line end after END:VCARD.
#[test]
fn outlooks_vcard_2_1_in_windows_1252_keeps_its_umlauts() {
    let card = "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=Windows-1252:B\u{f6}rnig;Anke;;;\n\
                FN;CHARSET=Windows-1252:Anke  B\u{f6}rnig\nEND:VCARD";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(card);
    assert!(!unmappable && std::str::from_utf8(&bytes).is_err());
    assert_eq!(read(&bytes)[0].name, "Anke  B\u{f6}rnig");
}

#[test]
fn a_raw_line_without_charset_is_windows_1252_and_iso_8859_1_is_read_too() {
    let contacts = read(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ren\xe9e G\xf6ksel\r\nORG:Logopedie \x93De Klank\x94\r\n\
          TEL;WORK;VOICE:030-7930002\r\nEND:VCARD\r\n\
          BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1:Jo\xebl Fran\xe7ois\r\n\
          NOTE;CHARSET=ISO-8859-1:Caf\xe9 om de hoek,\r\n  tweede regel \xe0 la carte\r\n\
          END:VCARD\r\n",
    );
    assert_eq!(contacts[0].name, "Renée Göksel");
    assert_eq!(
        contacts[0].organisation,
        "Logopedie \u{201c}De Klank\u{201d}"
    );
    assert_eq!(contacts[1].name, "Joël François");
    assert_eq!(
        contacts[1].notes,
        "Café om de hoek, tweede regel à la carte"
    );
}

#[test]
fn a_utf8_card_folded_inside_a_character_is_still_utf8() {
    // "é" is C3 A9; the fold cuts it in two.
    let contacts = read(b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ren\xc3\r\n \xa9e Bos\r\nEND:VCARD\r\n");
    assert_eq!(contacts[0].name, "Renée Bos");
}

fn consent_card(value: &str) -> String {
    format!("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:CJG Lindewaard\r\nX-SIGNAAL-CONSENT-FIRST:{value}\r\nEND:VCARD\r\n")
}

#[test]
fn consent_first_is_true_or_false_in_any_case_and_what_people_type() {
    for (value, consent) in [
        ("TRUE", true),
        ("true", true),
        ("True", true),
        ("ja", true),
        ("Yes", true),
        ("1", true),
        ("FALSE", false),
        ("false", false),
        ("nee", false),
        ("no", false),
        ("0", false),
    ] {
        let contacts = read(consent_card(value).as_bytes());
        assert_eq!(contacts[0].consent_first, consent, "{value}");
    }
}

#[test]
fn consent_first_with_another_value_is_a_problem_not_false() {
    assert_eq!(
        problems(consent_card("misschien").as_bytes()),
        "contacts.vcf:1: X-SIGNAAL-CONSENT-FIRST is \"misschien\"; it is TRUE or FALSE"
    );
}

#[test]
fn a_stored_fax_with_a_label_of_its_own_is_written_as_a_fax_and_read_into_the_notes() {
    let mut contact = Contact::named(1, "GGD Lindewaard");
    contact.phones = vec![
        Phone {
            label: "fax werk".into(),
            number: "030-7930009".into(),
        },
        Phone {
            label: "na 17 uur".into(),
            number: "0900-1234567".into(),
        },
    ];
    let written = write_vcard(&[contact.clone()]);
    assert!(
        written.contains("item1.TEL;TYPE=FAX:030-7930009\r\nitem1.X-ABLabel:fax werk\r\n"),
        "{written}"
    );
    assert!(
        written.contains("item2.TEL;TYPE=VOICE:0900-1234567\r\n"),
        "{written}"
    );
    // A fax signaal stored before faxes stayed out of the phones: other tools get it as a fax,
    // and signaal reads it back as every fax, into the notes.
    let back = &read(written.as_bytes())[0];
    assert_eq!(back.phones, contact.phones[1..]);
    assert_eq!(back.notes, "Fax (werk): 030-7930009");
}

#[test]
fn a_tel_without_a_digit_goes_to_the_notes() {
    let contacts = read(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marieke Bos\r\nTEL;TYPE=HOME:geen\r\n\
          TEL;TYPE=CELL:06-12345678\r\nNOTE:Jeugdarts\r\nEND:VCARD\r\n",
    );
    let marieke = &contacts[0];
    assert_eq!(
        marieke.phones,
        [Phone {
            label: "mobiel".into(),
            number: "06-12345678".into()
        }]
    );
    assert_eq!(marieke.notes, "Jeugdarts\nTel: geen");
}

#[test]
fn outlooks_exchange_path_is_never_the_email() {
    let contacts = read(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Visser;Jorg\r\nFN:Jorg Visser\r\n\
          EMAIL;PREF;INTERNET:/o=ExchangeLabs/ou=Exchange Administrative Group \
          (FYDIBOHF23SPDLT)/cn=Recipients/cn=4a1b-jvisser\r\n\
          EMAIL;INTERNET:jorg@example.org\r\nEND:VCARD\r\n",
    );
    assert_eq!(contacts[0].email, "jorg@example.org");
    assert_eq!(contacts[0].notes, "");
    let only_path = read(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jorg Visser\r\n\
          EMAIL;PREF;INTERNET:/O=ExchangeLabs/cn=jvisser\r\nEND:VCARD\r\n",
    );
    assert_eq!(only_path[0].email, "");
    assert_eq!(
        only_path[0].notes,
        "E-mail (Exchange): /O=ExchangeLabs/cn=jvisser"
    );
}

#[test]
fn a_fax_by_type_or_apple_label_is_no_phone_but_a_note() {
    let contacts = read(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:GGD Lindewaard\r\n\
          TEL;TYPE=FAX:030-7930001\r\n\
          TEL;WORK;FAX:030-7930002\r\n\
          item1.TEL:030-7930003\r\nitem1.X-ABLabel:_$!<WorkFAX>!$_\r\n\
          item2.TEL:030-7930004\r\nitem2.X-ABLabel:fax\r\n\
          TEL;TYPE=CELL:06-79300005\r\n\
          TEL;TYPE=CELL:06 7930 0005\r\nEND:VCARD\r\n",
    );
    let ggd = &contacts[0];
    assert_eq!(
        ggd.phones,
        [Phone {
            label: "mobiel".into(),
            number: "06-79300005".into()
        }]
    );
    assert_eq!(
        ggd.notes,
        "Fax: 030-7930001\nFax (werk): 030-7930002\nFax: 030-7930003\nFax: 030-7930004"
    );
}

#[test]
fn an_android_label_of_its_own_is_the_phones_label() {
    let contacts = read(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Visser;Eva;;;\r\nFN:Eva Visser\r\n\
          TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,Na 17 uur):030-7400099\r\n\
          TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=C3=A9=C3=A9n=2C twee):030-7400098\r\n\
          TEL;CELL:06-19990301\r\n\
          X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Eef;1;;;;;;;;;;;;;\r\nEND:VCARD\r\n",
    );
    let labels: Vec<&str> = contacts[0]
        .phones
        .iter()
        .map(|phone| phone.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["Na 17 uur", "één, twee", "mobiel"],
        "as the person typed it"
    );
}
