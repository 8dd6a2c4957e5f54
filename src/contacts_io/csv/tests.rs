//! The header rows of the address books people export from, as those tools write them
//! (fictional people), and the labels of spreadsheet phone columns.

use crate::contacts_io::{read_file, ReadFile};
use crate::domain::contact::{Contact, Phone};

pub(super) fn phone(label: &str, number: &str) -> Phone {
    Phone {
        label: label.into(),
        number: number.into(),
    }
}

pub(super) fn read(text: &str) -> ReadFile {
    read_file("export.csv", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

/// Name, phones (label: number), e-mail, organisation and role of one contact, between bars.
fn card(contact: &Contact) -> String {
    let phones: Vec<String> = contact
        .phones
        .iter()
        .map(|p| format!("{}: {}", p.label, p.number))
        .collect();
    [
        contact.name.as_str(),
        &phones.join(", "),
        &contact.email,
        &contact.organisation,
        &contact.role,
    ]
    .join(" | ")
}

const GOOGLE: &str = "First Name,Middle Name,Last Name,Phonetic First Name,\
Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,\
Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,\
E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,\
Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,\
Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,\
Address 1 - Extended Address\n\
Fenna,van,Bosman,,,,,,,,JGZ Regio Utrecht,Jeugdverpleegkundige,Consultatiebureau,,,,\
* myContacts,* Work,f.bosman@jgz.example,Work,030 123 4567,Mobile,06 1111 2222,,,,,,,,,\n\
Ruben,,Aydın,,,,,,,,Huisartsenpraktijk De Linde,Huisarts,,,Alleen overdag,,* myContacts,\
Work,r.aydin@delinde.example,Work ::: Na 17 uur,030 222 3333 ::: 0900 1515,,,,,,,,,,,\n";

#[test]
fn google_contacts_current_header() {
    let read = read(GOOGLE);
    assert_eq!(
        card(&read.contacts[0]),
        "Fenna van Bosman | mobiel: 06 1111 2222, werk: 030 123 4567 | \
         f.bosman@jgz.example | JGZ Regio Utrecht | Jeugdverpleegkundige"
    );
    assert_eq!(
        card(&read.contacts[1]),
        "Ruben Aydın | werk: 030 222 3333, na 17 uur: 0900 1515 | \
         r.aydin@delinde.example | Huisartsenpraktijk De Linde | Huisarts"
    );
    assert_eq!(read.contacts[1].notes, "Alleen overdag");
    assert_eq!(read.unused_columns, ["Organization Department", "Labels"]);
}

const GOOGLE_OLD: &str = "Name,Given Name,Additional Name,Family Name,Yomi Name,\
Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,\
Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,\
Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,\
E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,\
Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Organization 1 - Type,Organization 1 - Name,\
Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,\
Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description\n\
Sanne de Wit,Sanne,,de Wit,,,,,,,,,,,,,,,,,,,,,,,,,* myContacts,* Work,s.dewit@cjg.example,\
Home,sanne@thuis.example,Mobile,06 2222 3333 ::: 06 4444 5555,Work,030 555 6666,,\
CJG Zuid,,Pedagogisch adviseur,,,,\n";

#[test]
fn google_contacts_older_header() {
    assert_first(
        GOOGLE_OLD,
        "Sanne de Wit | mobiel: 06 2222 3333, mobiel: 06 4444 5555, werk: 030 555 6666 | \
         s.dewit@cjg.example | CJG Zuid | Pedagogisch adviseur",
        "E-mail: sanne@thuis.example",
        &["Group Membership"],
    );
}

/// The first contact of `text` (see [`card`]), its notes, and the columns not imported.
fn assert_first(text: &str, expected: &str, notes: &str, unused: &[&str]) {
    let read = read(text);
    assert_eq!(card(&read.contacts[0]), expected);
    assert_eq!(read.contacts[0].notes, notes);
    assert_eq!(read.unused_columns, unused);
}

const OUTLOOK: &str = "Title,First Name,Middle Name,Last Name,Suffix,Company,\
Department,Job Title,Business Street,Business Street 2,Business Street 3,Business City,\
Business State,Business Postal Code,Business Country/Region,Home Street,Home Street 2,\
Home Street 3,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,\
Other Street 2,Other Street 3,Other City,Other State,Other Postal Code,Other Country/Region,\
Assistant's Phone,Business Fax,Business Phone,Business Phone 2,Callback,Car Phone,\
Company Main Phone,Home Fax,Home Phone,Home Phone 2,ISDN,Mobile Phone,Other Fax,Other Phone,\
Pager,Primary Phone,Radio Phone,TTY/TDD Phone,Telex,Account,Anniversary,Assistant's Name,\
Billing Information,Birthday,Business Address PO Box,Categories,Children,Directory Server,\
E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,E-mail 2 Type,\
E-mail 2 Display Name,E-mail 3 Address,E-mail 3 Type,E-mail 3 Display Name,Gender,\
Government ID Number,Hobby,Home Address PO Box,Initials,Internet Free Busy,Keywords,Language,\
Location,Manager's Name,Mileage,Notes,Office Location,Organizational ID Number,\
Other Address PO Box,Priority,Private,Profession,Referred By,Sensitivity,Spouse,User 1,User 2,\
User 3,User 4,Web Page\r\n\
\"Mrs.\",\"Olivia\",\"\",\"Hartman\",\"\",\"Speech Therapy Hartman\",\"\",\"Speech therapist\",\
\"Main Street 1\",\"\",\"\",\"Utrecht\",\"\",\"3511 AA\",\"Netherlands\",\"\",\"\",\"\",\"\",\"\",\
\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"030 777 8888\",\"\",\"\",\"\",\"\",\"\",\
\"\",\"\",\"\",\"06 7777 8888\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"0/0/00\",\"\",\"\",\
\"0/0/00\",\"\",\"\",\"\",\"\",\"olivia@hartman.example\",\"SMTP\",\
\"Olivia Hartman (olivia@hartman.example)\",\"\",\"\",\"\",\"\",\"\",\"\",\"Unspecified\",\"\",\
\"\",\"\",\"O.H.\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"Normal\",\"False\",\"\",\
\"\",\"Normal\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n";

#[test]
fn outlook_english_salutation_is_not_the_role_and_private_is_not_a_phone() {
    let read = read(OUTLOOK);
    assert_eq!(
        card(&read.contacts[0]),
        "Olivia Hartman | mobiel: 06 7777 8888, werk: 030 777 8888 | \
         olivia@hartman.example | Speech Therapy Hartman | Speech therapist"
    );
    assert_eq!(
        read.unused_columns,
        [
            "Title",
            "Business Street",
            "Business City",
            "Business Postal Code",
            "Business Country/Region",
            "E-mail Display Name",
            "Initials",
        ]
    );
}

/// The columns of a Dutch Outlook export, in its order and with its names.
const OUTLOOK_NL_COLUMNS: [&str; 92] = [
    "Titel",
    "Voornaam",
    "Middelste naam",
    "Achternaam",
    "Achtervoegsel",
    "Bedrijf",
    "Afdeling",
    "Functie",
    "Werkadres, straat",
    "Werkadres 2, straat",
    "Werkadres 3, straat",
    "Werkadres, plaats",
    "Werkadres, provincie",
    "Werkadres, postcode",
    "Land/regio (werk)",
    "Huisadres, straat",
    "Huisadres, straat 2",
    "Huisadres, straat 3",
    "Huisadres, plaats",
    "Huisadres, provincie",
    "Huisadres, postcode",
    "Land/regio (thuis)",
    "Ander adres, straat",
    "Ander adres, straat 2",
    "Ander adres, straat 3",
    "Ander adres, plaats",
    "Ander adres, provincie",
    "Ander adres, postcode",
    "Land/regio (anders)",
    "Telefoon assistent",
    "Fax op werk",
    "Telefoon op werk",
    "Telefoon op werk 2",
    "Terugbellen",
    "Autotelefoon",
    "Hoofdtelefoon bedrijf",
    "Fax thuis",
    "Telefoon thuis",
    "Telefoon thuis 2",
    "ISDN",
    "Mobiele telefoon",
    "Andere fax",
    "Andere telefoon",
    "Pager",
    "Hoofdtelefoon",
    "Radiotelefoon",
    "Teksttelefoon",
    "Telex",
    "Account",
    "Adreslijstserver",
    "Ander adres, postbusnummer",
    "Beroep",
    "Categorieën",
    "E-mailadres",
    "E-mailtype",
    "Weergavenaam voor e-mail",
    "E-mailadres 2",
    "E-mailtype 2",
    "E-mail, weergegeven naam 2",
    "E-mailadres 3",
    "E-mailtype 3",
    "E-mail, weergegeven naam 3",
    "Factuurinformatie",
    "Gebruiker 1",
    "Gebruiker 2",
    "Gebruiker 3",
    "Gebruiker 4",
    "Geslacht",
    "Gevoeligheid",
    "Hobby's",
    "Huisadres, postbusnummer",
    "Initialen",
    "Internet Beschikbaarheidsinfo",
    "Kantoorlocatie",
    "Kinderen",
    "Locatie",
    "Naam assistent",
    "Naam manager",
    "Notities",
    "Organisatie-id",
    "Partner",
    "Prioriteit",
    "Privé",
    "Referentie van",
    "Reisafstand",
    "Sofinummer",
    "Speciale datum",
    "Taal",
    "Trefwoorden",
    "Verjaardag",
    "Webpagina",
    "Werkadres, postbusnummer",
];

/// A Dutch Outlook export of one contact with `values` (column, value), every other column as
/// Outlook fills it when it is left empty; every field in quotes, `;` between them, CRLF.
fn outlook_nl(values: &[(&str, &str)]) -> String {
    let defaults = [
        ("Geslacht", "Niet-gespecificeerd"),
        ("Gevoeligheid", "Normaal"),
        ("Prioriteit", "Normaal"),
        ("Privé", "Onwaar"),
        ("Verjaardag", "0-0-00"),
        ("Speciale datum", "0-0-00"),
    ];
    let quoted = |cells: Vec<&str>| {
        let cells: Vec<String> = cells.iter().map(|c| format!("\"{c}\"")).collect();
        cells.join(";")
    };
    let row = OUTLOOK_NL_COLUMNS
        .iter()
        .map(|column| {
            values
                .iter()
                .chain(&defaults)
                .find(|(c, _)| c == column)
                .map_or("", |(_, v)| v)
        })
        .collect();
    format!(
        "{}\r\n{}\r\n",
        quoted(OUTLOOK_NL_COLUMNS.to_vec()),
        quoted(row)
    )
}

const INGE: [(&str, &str); 12] = [
    ("Titel", "Mevr."),
    ("Voornaam", "Inge"),
    ("Achternaam", "Vermeulen"),
    ("Bedrijf", "Wijkteam Noord"),
    ("Functie", "Gezinscoach"),
    ("Werkadres, straat", "Kerkstraat 2"),
    ("Telefoon op werk", "030 999 0000"),
    ("Mobiele telefoon", "06 9999 0000"),
    ("Categorieën", "Opvoeding;Gedrag"),
    ("E-mailadres", "i.vermeulen@wijkteam.example"),
    ("E-mailtype", "SMTP"),
    ("Initialen", "I.V."),
];

#[test]
fn outlook_dutch_keeps_the_mobile_and_leaves_prive_and_titel_out() {
    let read = read(&outlook_nl(&INGE));
    let inge = &read.contacts[0];
    assert_eq!(
        card(inge),
        "Inge Vermeulen | mobiel: 06 9999 0000, werk: 030 999 0000 | \
         i.vermeulen@wijkteam.example | Wijkteam Noord | Gezinscoach"
    );
    assert_eq!(inge.topics, ["Opvoeding", "Gedrag"]);
    assert_eq!(
        read.unused_columns,
        ["Titel", "Werkadres, straat", "Initialen",]
    );
}

#[test]
fn every_outlook_phone_column_is_kept_with_its_label_in_the_order_a_person_calls_but_faxes() {
    let english = "First Name,Last Name,Assistant's Phone,Business Fax,Business Phone,\
Business Phone 2,Callback,Car Phone,Company Main Phone,Home Fax,Home Phone,Home Phone 2,ISDN,\
Mobile Phone,Other Fax,Other Phone,Pager,Primary Phone,Radio Phone,TTY/TDD Phone,Telex\n\
A,B,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19\n";
    let dutch = "Voornaam;Achternaam;Telefoon assistent;Fax op werk;Telefoon op werk;\
Telefoon op werk 2;Terugbellen;Autotelefoon;Hoofdtelefoon bedrijf;Fax thuis;Telefoon thuis;\
Telefoon thuis 2;ISDN;Mobiele telefoon;Andere fax;Andere telefoon;Pager;Hoofdtelefoon;\
Radiotelefoon;Teksttelefoon;Telex\n\
A;B;1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19\n";
    let expected = [
        ("hoofdnummer", "16"),
        ("mobiel", "12"),
        ("werk", "3"),
        ("werk", "4"),
        ("bedrijf", "7"),
        ("thuis", "9"),
        ("thuis", "10"),
        ("assistent", "1"),
        ("auto", "6"),
        ("anders", "14"),
        ("radio", "17"),
        ("teksttelefoon", "18"),
        ("terugbellen", "5"),
        ("isdn", "11"),
        ("pieper", "15"),
        ("telex", "19"),
    ];
    for text in [english, dutch] {
        let read = read(text);
        let phones: Vec<(&str, &str)> = read.contacts[0]
            .phones
            .iter()
            .map(|p| (p.label.as_str(), p.number.as_str()))
            .collect();
        assert_eq!(phones, expected);
        assert_eq!(
            read.contacts[0].notes, "Fax (werk): 2\nFax (thuis): 8\nFax: 13",
            "a fax is no phone, but kept"
        );
        assert!(read.unused_columns.is_empty(), "{:?}", read.unused_columns);
    }
}

/// Thunderbird ends every line with a comma.
const THUNDERBIRD: &str = "First Name,Last Name,Display Name,Nickname,Primary Email,\
Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,\
Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,\
Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,\
Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,\
Custom 3,Custom 4,Notes,\r\n\
Mira,Janssen,Mira Janssen (logopedie),Mira,mira@klank.example,m.janssen@thuis.example,,\
030 444 5555,,030 444 5556,,06 4444 5555,,,,,,,Dorpsstraat 3,,Zeist,,3701 AB,,Logopedist,,\
Praktijk De Klank,,,,,,,,,,,\r\n";

#[test]
fn thunderbird_display_name_and_every_phone() {
    assert_first(
        THUNDERBIRD,
        "Mira Janssen (logopedie) | mobiel: 06 4444 5555, werk: 030 444 5555 | \
         mira@klank.example | Praktijk De Klank | Logopedist",
        "Bijnaam: Mira\nFax: 030 444 5556\nE-mail: m.janssen@thuis.example",
        &["Work Address", "Work City", "Work ZipCode"],
    );
}

/// Google shows a contact without a name by its nickname, else by its e-mail address: such a
/// row is that contact, never a refusal of the whole file.
#[test]
fn a_row_without_a_name_is_its_nickname_or_its_email() {
    let read = read(
        "First Name,Last Name,Nickname,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,\
         Phone 1 - Value\n\
         ,,Bolle,,,Mobile,06-19000111\n\
         ,,,* Work,juf.sanne@school.example,,\n",
    );
    let names: Vec<&str> = read.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Bolle", "juf.sanne@school.example"]);
    assert_eq!(read.contacts[1].email, "juf.sanne@school.example");
    assert_eq!(read.contacts[0].phones, [phone("mobiel", "06-19000111")]);
}

#[test]
fn a_dutch_spreadsheet_with_voornaam_and_achternaam_and_titel_as_role() {
    let read = read("Voornaam;Tussenvoegsel;Achternaam;Titel;Mobiel\nJan;de;Vries;Huisarts;06-1\n");
    assert_eq!(
        card(&read.contacts[0]),
        "Jan de Vries | mobiel: 06-1 |  |  | Huisarts"
    );
}

#[test]
fn phone_labels_keep_their_digits_and_only_a_trailing_count_goes() {
    let read = read(
        "Naam,Telefoon na 17 uur,Telefoon 24/7,Telefoon 2,Telefoon thuis 2,Phone\n\
         Huisartsenpost,0900-1,0900-2,030-3,030-4,030-5\n",
    );
    assert_eq!(
        read.contacts[0].phones,
        [
            phone("", "030-3"),
            phone("", "030-5"),
            phone("thuis", "030-4"),
            phone("na 17 uur", "0900-1"),
            phone("24/7", "0900-2"),
        ]
    );
}

#[test]
fn a_column_signaal_has_no_field_for_is_named_only_when_it_holds_something() {
    let read = read("Naam,Schoenmaat,Verjaardag\nA,44,\nB,,\n");
    assert_eq!(read.unused_columns, ["Schoenmaat"]);
}

#[test]
fn what_outlook_writes_in_an_empty_column_is_not_something_held() {
    let filled = read("Naam;Privé;Verjaardag;Geslacht\nA;Onwaar;0-0-00;Niet-gespecificeerd\n");
    assert!(
        filled.unused_columns.is_empty(),
        "{:?}",
        filled.unused_columns
    );
    let private = read("Naam;Privé;Verjaardag\nA;Onwaar;0-0-00\nB;Waar;0-0-00\n");
    assert_eq!(private.unused_columns, ["Privé"]);
}

#[test]
fn no_name_column_names_the_columns_found_and_those_looked_for() {
    let err = read_file("x.csv", b"Nickname,Mobile Phone\nMi,06-1\n").unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("this file has Nickname, Mobile Phone;"),
        "{message}"
    );
    assert!(message.contains("First Name / Last Name"), "{message}");
}

#[test]
fn windows_1252_with_semicolons_as_dutch_outlook_saves() {
    let text = outlook_nl(&INGE).replace("Inge", "Inés");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let read = read_file("x.csv", &bytes).unwrap();
    assert_eq!(read.contacts[0].name, "Inés Vermeulen");
    assert!(read
        .unused_columns
        .contains(&"Werkadres, straat".to_string()));
}
