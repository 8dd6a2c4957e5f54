//! Fixed lists of fictional names for the demo data. Any resemblance to real children, staff or
//! locations is coincidental: the names are common ones, combined at random.
//!
//! The lists mix Dutch and multicultural names on purpose, with diacritics and non-ASCII letters
//! (Zoë, Özlem, Yılmaz), so that search, sorting and column widths are exercised by the demo.

/// Children's first names.
pub const CHILD_FIRST: &[&str] = &[
    "Zoë", "Daniël", "Özlem", "José", "Noë", "Fenna", "IJsbrand", "Mila", "Sem", "Yara", "Ayoub",
    "Aïcha", "Lieke", "Mees", "Bram", "Saar", "Jesse", "Nova", "Anouk", "Julia", "Finn", "Noah",
    "Emma", "Liam", "Tess", "Luuk", "Sara", "Daan", "Nora", "Milan", "Sophie", "Levi", "Fleur",
    "Adam", "Elif", "Mohammed", "Isa", "Hiba", "Jurre", "Chloë", "Thijs", "Lotte", "Amir", "Yusuf",
    "Evi", "Jayden", "Mirthe", "Zeynep", "Siem", "Roos", "Ilyas", "Maud", "Gijs", "Liv", "Rayan",
    "Féline", "Ruben", "Hanna", "Stijn", "Inaya",
];

/// Last names, for children and staff alike.
pub const LAST: &[&str] = &[
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "El Amrani",
    "Öztürk",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Yılmaz",
    "Kaya",
    "Dekker",
    "de Jong",
    "van Leeuwen",
    "Boukhari",
    "Çelik",
    "Nguyen",
    "Brouwer",
    "van der Meer",
    "Kramer",
    "Postma",
    "Wijnands",
    "Kuipers",
    "Ouali",
    "Koç",
    "van Beek",
    "Groen",
    "Şahin",
    "Verhoeven",
    "Martens",
    "Jacobs",
    "Tahiri",
];

/// First names of adults (staff, coach, care coordinator); all distinct, so pairing them one to
/// one with distinct last names gives distinct full names.
pub const ADULT_FIRST: &[&str] = &[
    "Marieke",
    "Sandra",
    "Fatima",
    "Ingrid",
    "Priya",
    "Kees",
    "Mohamed",
    "Anja",
    "Esther",
    "Hanneke",
    "Rachid",
    "Ilse",
    "Wendy",
    "Naima",
    "Joost",
    "Els",
    "Gülşen",
    "Renée",
    "Dewi",
    "Mariëlle",
];

/// Group names; the first three belong to the first KDV, peuteropvang and BSO group.
pub const GROUPS: &[&str] = &[
    "De Vlinders",
    "De Egeltjes",
    "De Uilen",
    "De Kikkers",
    "De Lieveheersbeestjes",
    "De Dolfijnen",
    "De Vossen",
    "De Eekhoorns",
    "De Schildpadden",
    "De Pinguïns",
    "De Giraffen",
    "De Beertjes",
    "De Konijntjes",
    "De Zwaluwen",
    "De Bijtjes",
    "De Olifanten",
    "De Dassen",
    "De Reigers",
];

/// Fictional locations; several groups share one.
pub const LOCATIONS: &[&str] = &["Locatie Lindelaan", "Locatie Zeeweg", "Locatie Molenhof"];

/// First names of the children's mothers (and of a parent or foster parent, with
/// [`PARENT_MEN`]); not used for staff, so no parent is taken for a colleague.
pub const PARENT_WOMEN: &[&str] = &[
    "Mirjam", "Lisa", "Saskia", "Nadia", "Yvonne", "Karin", "Samira", "Femke", "Lieke", "Aylin",
    "Chantal", "Jolanda", "Meryem", "Annelies", "Zoë", "Inge",
];

/// First names of the children's fathers.
pub const PARENT_MEN: &[&str] = &[
    "Bas", "Mark", "Youssef", "Jeroen", "Erik", "Hamza", "Tim", "Ruud", "Thijs", "Emre", "Arjen",
    "Dennis", "Sander", "Bilal", "Maarten", "Joris",
];
