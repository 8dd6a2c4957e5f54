//! Short fictional texts for the demo, in Dutch as staff write them: notes on observations, worded
//! to fit any item (when, where, with whom something was seen) because the demo picks items at
//! random, and the questions, goals, actions and stage notes of demo trajectories. None of them
//! names a child or hints at a diagnosis, and none touches the Meldcode.

use crate::domain::visit::Competency;

pub const NOTES: &[&str] = &[
    "Vooral bij het brengen in de ochtend.",
    "Gezien tijdens het buitenspelen.",
    "Bij drukte in de groep duidelijker.",
    "Met een vaste pedagogisch medewerker dichtbij gaat het beter.",
    "Na de vakantie vaker gezien.",
    "Bij het halen even met vader over gehad.",
    "Bij het halen even met moeder over gehad.",
    "In de kleine groep aan tafel minder.",
    "Lukt beter dan een paar weken geleden.",
    "Vooral aan het eind van de dag.",
    "Ook een collega zag dit deze week.",
    "Tijdens het eetmoment.",
    "Bij nieuwe kinderen in de groep.",
    "Na het middagslaapje.",
    "Wisselend: de ene dag wel, de andere niet.",
];

/// The child's question, goals and actions of a demo trajectory in a KDV or peuteropvang group
/// (children of 0 to 4). Worded as the question the child asks of the group, never as a label.
pub const YOUNG_PLANS: &[(&str, &str, &str)] = &[
    (
        "Wat heeft dit kind nodig om rustig afscheid te nemen bij het brengen?",
        "Binnen zes weken neemt het kind met een vast ritueel afscheid en is het binnen tien minuten getroost.",
        "Een vaste medewerker ontvangt het kind; ouders en groep spreken een afscheidsritueel af; de coach kijkt mee bij het brengen.",
    ),
    (
        "Hoe kan dit kind laten merken wat het wil, zonder te duwen of te slaan?",
        "Het kind gebruikt vaker een woord of gebaar om iets te vragen.",
        "Medewerkers benoemen wat ze zien en bieden woorden aan; plaatjes bij het speelgoed; ouders doen thuis hetzelfde.",
    ),
    (
        "Wat helpt dit kind om zich verstaanbaar te maken in de groep?",
        "Het kind doet mee in de kring en maakt zijn wensen kenbaar.",
        "Dagelijks voorlezen in een klein groepje; veel herhalen en benoemen; ouders bespreken het met het consultatiebureau.",
    ),
    (
        "Hoe helpen we dit kind bij de overgang van spelen naar eten of slapen?",
        "Overgangen verlopen na een korte aankondiging zonder huilbui.",
        "Dagritmekaarten gebruiken; vijf minuten van tevoren aankondigen; een vast liedje bij het opruimen.",
    ),
    (
        "Wat heeft dit kind nodig om samen met andere kinderen te spelen?",
        "Het kind speelt twee keer per dag even samen met een ander kind.",
        "Een medewerker begeleidt het spel met twee kinderen; speelgoed dubbel aanbieden; ouders vertellen wat thuis werkt.",
    ),
    (
        "Hoe kan dit kind zich veilig voelen in de drukte van de groep?",
        "Het kind heeft een vaste rustplek en zoekt die zelf op als het te druk wordt.",
        "Een rustige hoek inrichten; een vaste medewerker als aanspreekpunt; de coach geeft tips over prikkels.",
    ),
];

/// The same for a BSO group (children of 4 to 12).
pub const BSO_PLANS: &[(&str, &str, &str)] = &[
    (
        "Wat helpt dit kind om zich aan de afspraken in de groep te houden?",
        "Het kind kent de drie groepsafspraken en houdt zich er meestal aan.",
        "Afspraken zichtbaar ophangen; een compliment als het lukt; elke middag kort terugkijken met een medewerker.",
    ),
    (
        "Hoe kan dit kind een ruzie met andere kinderen zelf leren oplossen?",
        "Het kind vraagt een medewerker om hulp voordat een ruzie uit de hand loopt.",
        "Een stop-denk-doe-kaartje; na een ruzie kort nabespreken; ouders en school gebruiken dezelfde woorden.",
    ),
    (
        "Wat heeft dit kind nodig om na school tot rust te komen?",
        "Het kind kiest na binnenkomst zelf een rustige activiteit.",
        "Een vaste rustige plek bij binnenkomst; een vast eerste kwartier; overleg met ouders over de schooldag.",
    ),
    (
        "Hoe kan dit kind aansluiting vinden bij leeftijdgenoten?",
        "Het kind doet twee keer per week mee aan een groepsactiviteit.",
        "Een medewerker koppelt het kind aan een maatje; activiteiten die passen bij wat het kind leuk vindt.",
    ),
    (
        "Wat helpt dit kind bij veranderingen in het middagprogramma?",
        "Het kind weet bij binnenkomst wat er die middag gebeurt en kan een wijziging aan.",
        "Het programma op het bord; wijzigingen vooraf aankondigen; een vaste medewerker legt uit.",
    ),
];

/// Short notes on the stages of the early-signalling plan, by stage id.
pub const STAGE_NOTES: &[(&str, &[&str])] = &[
    (
        "signaleren",
        &[
            "Twee keer geobserveerd, 's ochtends en 's middags.",
            "Ook bij het buitenspelen gezien.",
        ],
    ),
    (
        "collega",
        &[
            "Collega herkent het beeld.",
            "Besproken in het teamoverleg.",
        ],
    ),
    (
        "ouders",
        &[
            "Ouders herkennen het van thuis.",
            "Ouders zien het thuis minder en denken graag mee.",
        ],
    ),
    (
        "coach",
        &[
            "Coach heeft twee ochtenden meegekeken en tips gegeven.",
            "Advies: meer voorspelbaarheid in de dag.",
        ],
    ),
    ("plan", &["Plan samen met ouders opgesteld."]),
    (
        "uitvoeren",
        &[
            "De eerste weken gaat het wisselend.",
            "De aanpak werkt goed bij de vaste medewerker.",
        ],
    ),
    (
        "evalueren",
        &["Doelen grotendeels gehaald; ouders zijn tevreden."],
    ),
    ("afsluiten", &["De aanpak loopt gewoon door in de groep."]),
];

/// A coach's advice for the whole group after a visit, with the competencies it is about.
pub const VISIT_GROUP_ADVICE: &[(&str, &[Competency])] = &[
    (
        "Kondig overgangen aan met een vast liedje en een dagritmekaart op ooghoogte.",
        &[Competency::Development, Competency::Behaviour],
    ),
    (
        "Maak tijdens het eetmoment kleinere tafelgroepjes met een vaste medewerker erbij.",
        &[Competency::Behaviour],
    ),
    (
        "Bespreek in het teamoverleg wie welke kinderen deze weken extra observeert.",
        &[Competency::Development],
    ),
    (
        "Benoem vaker wat goed gaat; dat zet de toon in de hele groep.",
        &[Competency::Behaviour],
    ),
];

/// A coach's advice about one child, worded without names or labels, with the competencies it
/// is about.
pub const VISIT_CHILD_ADVICE: &[(&str, &[Competency])] = &[
    (
        "Geef bij het brengen één vaste medewerker de taak het kind op te vangen.",
        &[Competency::Behaviour],
    ),
    (
        "Benoem de gevoelens die je ziet en bied een rustig hoekje aan voordat het misgaat.",
        &[Competency::Behaviour],
    ),
    (
        "Vraag de ouders hoe het thuis gaat bij overgangen en leg hun kijk vast.",
        &[Competency::Parents],
    ),
    (
        "Observeer nog twee keer op een ander moment van de dag voordat je conclusies trekt.",
        &[Competency::Development],
    ),
    (
        "Bespreek met de ouders of een gesprek met de jeugdverpleegkundige helpt.",
        &[Competency::Parents, Competency::OutsideHelp],
    ),
    (
        "Speel in een klein groepje samen-spelletjes met beurten; begin met één ander kind.",
        &[Competency::Development],
    ),
];

/// Follow-ups agreed with the staff in a visit.
pub const VISIT_FOLLOW_UPS: &[&str] = &[
    "Observatieformulier opnieuw invullen en vergelijken.",
    "Oudergesprek plannen en de uitkomst vastleggen.",
    "Dagritmekaarten maken en ophangen.",
    "Terugkoppeling in het teamoverleg.",
];
