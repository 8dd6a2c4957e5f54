//! Rows as a fresh tester's files had them (issue 15): a row of an organisation, problems on the
//! right line, Outlook's phones in the order a person calls them, Exchange addresses, phone
//! cells with text or two numbers, and a column without a header. Fictional people.

use super::tests::{phone, read};
use crate::contacts_io::read_file;

fn problems(text: &str) -> String {
    read_file("export.csv", text.as_bytes())
        .map(|read| panic!("read {:?}", read.contacts))
        .unwrap_err()
        .to_string()
}

#[test]
fn a_google_row_with_only_an_organisation_is_that_organisation() {
    let read = read(
        "First Name,Last Name,Organization Name,Organization Title,Phone 1 - Label,\
         Phone 1 - Value\n\
         ,,Huisartsenpost Lindewaard,,Work,0900 1234567\n\
         Fenna,Bos,GGD Lindewaard,Jeugdarts,Mobile,06 1234 5678\n",
    );
    let post = &read.contacts[0];
    assert_eq!(post.name, "Huisartsenpost Lindewaard");
    assert_eq!(post.organisation, "Huisartsenpost Lindewaard");
    assert_eq!(post.phones, [phone("werk", "0900 1234567")]);
    assert_eq!(read.contacts[1].name, "Fenna Bos");
}

#[test]
fn an_outlook_row_with_only_a_company_is_that_company() {
    let read = read(
        "\"Title\",\"First Name\",\"Last Name\",\"Company\",\"Job Title\",\"Business Phone\"\r\n\
         \"\",\"\",\"\",\"Logopediepraktijk De Klank\",\"\",\"030 444 5555\"\r\n",
    );
    let klank = &read.contacts[0];
    assert_eq!(klank.name, "Logopediepraktijk De Klank");
    assert_eq!(klank.organisation, "Logopediepraktijk De Klank");
    assert_eq!(klank.phones, [phone("werk", "030 444 5555")]);
}

#[test]
fn a_row_without_a_name_is_reported_on_its_own_line_with_crlf_and_with_lf() {
    let crlf = "Naam;Functie;Telefoon;Notitie\r\nMarieke Bos;Jeugdarts;030-7350001;\r\n\
                ;;;zie boven\r\n";
    assert_eq!(problems(crlf), "export.csv:3: this row has no name");
    assert_eq!(
        problems(&crlf.replace("\r\n", "\n")),
        "export.csv:3: this row has no name"
    );
    // Blank lines before the row count too.
    assert_eq!(
        problems("Naam,Telefoon\r\n\r\nA,030-1\r\n\r\n\r\n,030-2\r\n"),
        "export.csv:6: this row has no name"
    );
}

#[test]
fn a_ragged_row_is_reported_on_its_line_naming_the_files_own_separator() {
    assert_eq!(
        problems("Naam;Telefoon\r\nA B;030-1;extra;meer\r\nC D\r\n"),
        "export.csv:2: this row has 4 fields but the first row names 2 columns; put a field \
         with a semicolon (;) in quotes"
    );
    assert!(problems("Naam,Telefoon\nA,1\nB,2,3\n").contains(
        "export.csv:3: this row has 3 fields but the first row names 2 columns; put a field \
         with a comma (,) in quotes"
    ));
}

#[test]
fn outlook_phones_come_in_the_order_a_person_calls_them_and_faxes_go_to_the_notes() {
    let read = read(
        "First Name,Last Name,Assistant's Phone,Business Fax,Business Phone,Callback,\
         Home Phone,Mobile Phone,Other Fax,Other Phone,Pager,Primary Phone\r\n\
         Inge,Vermeulen,030-1,030-2,030-3,030-4,030-5,06-6,030-7,030-8,030-9,030-10\r\n",
    );
    assert_eq!(
        read.contacts[0].phones,
        [
            phone("hoofdnummer", "030-10"),
            phone("mobiel", "06-6"),
            phone("werk", "030-3"),
            phone("thuis", "030-5"),
            phone("assistent", "030-1"),
            phone("anders", "030-8"),
            phone("terugbellen", "030-4"),
            phone("pieper", "030-9"),
        ]
    );
    assert_eq!(read.contacts[0].notes, "Fax (werk): 030-2\nFax: 030-7");
    assert!(read.unused_columns.is_empty(), "{:?}", read.unused_columns);
}

#[test]
fn a_google_fax_goes_to_the_notes_with_where_it_is() {
    let read = read(
        "First Name,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value\n\
         Ruben,Work Fax,030-1,Work,030-2\n",
    );
    assert_eq!(read.contacts[0].phones, [phone("werk", "030-2")]);
    assert_eq!(read.contacts[0].notes, "Fax (werk): 030-1");
}

#[test]
fn an_exchange_path_is_never_the_email() {
    let read = read(
        "First Name,Last Name,E-mail Address,E-mail Type,E-mail 2 Address,E-mail 2 Type\r\n\
         Inge,Vermeulen,/o=ExchangeLabs/ou=Exchange Administrative Group \
         (FYDIBOHF23SPDLT)/cn=Recipients/cn=3f0c-ivermeulen,EX,\
         i.vermeulen@wijkteam.example,SMTP\r\n",
    );
    let inge = &read.contacts[0];
    assert_eq!(inge.email, "i.vermeulen@wijkteam.example");
    assert_eq!(inge.notes, "");
    assert!(read.unused_columns.is_empty(), "{:?}", read.unused_columns);
}

#[test]
fn a_phone_cell_without_a_digit_goes_to_the_notes() {
    let read = read("Naam;Telefoon;Mobiel;Notitie\nA;geen;-;Bel op dinsdag\n");
    let a = &read.contacts[0];
    assert!(a.phones.is_empty(), "{:?}", a.phones);
    assert_eq!(a.notes, "Bel op dinsdag\nTelefoon: geen\nMobiel: -");
}

#[test]
fn the_same_number_twice_in_a_row_is_one_phone() {
    let read = read(
        "Naam;Telefoon;Mobiel\n\
         Wijkteam Oost;\"030-7960003; 030-7960003\";030 796 0003\n",
    );
    assert_eq!(read.contacts[0].phones, [phone("", "030-7960003")]);
}

#[test]
fn two_numbers_in_one_cell_are_two_phones_with_its_label() {
    let read = read(
        "Naam;Mobiel;Werk;Thuis\n\
         A;\"06-12345678\n06-87654321\";030-1234567 / 06-11223344;\"030/7654321\"\n\
         B;\"06-12345678; 06-87654321\";;\n",
    );
    assert_eq!(
        read.contacts[0].phones,
        [
            phone("mobiel", "06-12345678"),
            phone("mobiel", "06-87654321"),
            phone("werk", "030-1234567"),
            phone("werk", "06-11223344"),
            phone("thuis", "030/7654321"),
        ]
    );
    assert_eq!(
        read.contacts[1].phones,
        [
            phone("mobiel", "06-12345678"),
            phone("mobiel", "06-87654321")
        ]
    );
}

#[test]
fn a_column_without_a_header_is_named_by_its_place() {
    let read = read("Naam;Telefoon;;\nA B;030-7920001;;let op: alleen ochtend\n");
    assert_eq!(read.unused_columns, ["column 4"]);
}

#[test]
fn a_line_break_typed_in_a_one_line_cell_becomes_a_space() {
    // Excel writes a cell with Alt+Enter in quotes, the line break as typed (LF; CR LF too).
    let read = read(
        "Naam;Functie;Organisatie;Telefoon;Onderwerpen;E-mail;Notities\r\n\
         \"Anna\nKok\";\"Logopedist\r\n  en stottertherapeut \";\"Praktijk\n\nDe Klank\";\
         \"030 123 4567\n06 1234 5678\";\"spraak\nstotteren\";\"anna@klank.example\r\n\
         info@klank.example\";\"Eerst mailen\nDan bellen\"\r\n",
    );
    let anna = &read.contacts[0];
    assert_eq!(anna.name, "Anna Kok");
    assert_eq!(anna.role, "Logopedist en stottertherapeut");
    assert_eq!(anna.organisation, "Praktijk De Klank");
    assert_eq!(anna.phones.len(), 2, "{:?}", anna.phones);
    assert_eq!(anna.topics, ["spraak", "stotteren"]);
    assert_eq!(anna.email, "anna@klank.example");
    assert_eq!(
        anna.notes, "Eerst mailen\nDan bellen\nE-mail: info@klank.example",
        "notes keep their line breaks"
    );
}

#[test]
fn other_control_characters_in_a_one_line_cell_are_still_refused() {
    for (cell, name) in [("Anna\u{1b}[31mKok", "ESC"), ("Anna\u{7}\nKok", "BEL")] {
        let problems = problems(&format!("Naam,Telefoon\n\"{cell}\",030 123 4567\n"));
        assert!(problems.contains(name), "{problems}");
        assert!(problems.contains("column 1 (\"Naam\")"), "{problems}");
    }
}
