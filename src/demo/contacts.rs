//! The demo's directory: about 25 fictional cards of the people and services a group calls
//! (youth health care, the wijkteam, the huisarts, therapists, the school next door, an
//! interpreter line, the GGD, ...), so that the lookup and `contacts find` have something to find
//! and the README's examples ("ozlem", "jose", "jeugdverpelegkundige") can be tried. The pinned
//! aandachtsfunctionaris card is stored filled in, as an organisation would.
//!
//! Every name, number and address is made up: landlines 030-7xxxxxx, mobiles 06-19xxxxxx,
//! e-mail under the reserved `.example` domain. A fixed list, no random stream: the rest of the
//! demo stays as it was for every seed, and the cards are the same in every demo.

use chrono::{Days, NaiveDate};

use super::people::LEAD_PHONE;
use crate::domain::contact::{Help, Phone, Pinned};
use crate::domain::plan::Trajectory;
use crate::domain::{Child, ConsentTo, Contact, GroupKind, Id, Role};
use crate::export::Export;

/// The demo organisation, on its filled-in aandachtsfunctionaris card.
const ORGANISATION: &str = "Kinderopvang De Lindeboom";

/// Which children of the demo a card is linked to (the child's screen lists it under
/// "Involved").
#[derive(Clone, Copy)]
enum Link {
    None,
    /// The children with an open trajectory whose parents said yes to the coach.
    CoachedChildren,
    /// The children whose trajectory's question contains this text.
    Question(&'static str),
    /// The first child of a KDV group with a trajectory.
    FirstKdvTrajectory,
    /// The children whose handover goes to this school.
    School(&'static str),
}

/// One card; `serves` names the kinds of group whose groups it serves, `verified_days_ago` when
/// it was last checked (`None`: never).
struct Card {
    name: &'static str,
    role: &'static str,
    organisation: &'static str,
    phones: &'static [(&'static str, &'static str)],
    email: &'static str,
    availability: &'static str,
    area: &'static str,
    topics: &'static str,
    when_to_call: &'static str,
    help: Help,
    consent_first: bool,
    verified_days_ago: Option<u64>,
    notes: &'static str,
    serves: &'static [GroupKind],
    link: Link,
}

/// The area most cards serve.
const AREA: &str = "gemeente Lindewaard";

const CARDS: &[Card] = &[
    Card {
        name: "Özlem Yılmaz",
        role: "Jeugdverpleegkundige",
        organisation: "JGZ Lindewaard, consultatiebureau Lindelaan",
        phones: &[("direct", "030-7120451"), ("mobiel", "06-19024415")],
        email: "o.yilmaz@jgz-lindewaard.example",
        availability: "ma, di, do 8:30-16:30",
        area: "Lindewaard-Oost",
        topics: "groei, eten, slapen, huilen, zindelijkheid, ontwikkeling, taal",
        when_to_call: "Bel bij zorgen over groei, eten, slapen of de ontwikkeling van een kind van 0 tot 4 jaar.",
        help: Help::Referral,
        consent_first: true,
        verified_days_ago: Some(40),
        notes: "Komt eens per kwartaal langs op de groep; bespreek een kind eerst met de ouders.",
        serves: &[GroupKind::Kdv, GroupKind::Peuteropvang],
        link: Link::FirstKdvTrajectory,
    },
    Card {
        name: "Pieter Hoekstra",
        role: "Jeugdarts",
        organisation: "JGZ Lindewaard",
        phones: &[("secretariaat", "030-7120400")],
        email: "jeugdarts@jgz-lindewaard.example",
        availability: "ma-vr 9-17",
        area: AREA,
        topics: "gezondheid, groei, gehoor, zien, ontwikkeling, vaccinaties",
        when_to_call: "Bel via het secretariaat als de jeugdverpleegkundige een arts nodig vindt.",
        help: Help::Referral,
        consent_first: true,
        verified_days_ago: Some(40),
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Consultatiebureau Lindelaan",
        role: "Consultatiebureau (jeugdgezondheidszorg 0-4)",
        organisation: "JGZ Lindewaard",
        phones: &[("algemeen", "030-7120400")],
        email: "consultatiebureau@jgz-lindewaard.example",
        availability: "ma-vr 8:30-17",
        area: AREA,
        topics: "consultatiebureau, vaccinaties, groei, opvoeding",
        when_to_call: "Bel voor een afspraak of een vraag als de eigen jeugdverpleegkundige er niet is.",
        help: Help::AdviceOnly,
        consent_first: true,
        verified_days_ago: Some(120),
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Samira Haddou",
        role: "Opvoedadviseur",
        organisation: "CJG Lindewaard (Centrum voor Jeugd en Gezin)",
        phones: &[("CJG", "030-7133300")],
        email: "info@cjg-lindewaard.example",
        availability: "ma-vr 9-17, wo-avond 19-21",
        area: AREA,
        topics: "opvoeding, opvoedvragen, ouders, gedrag, slapen, driftbuien",
        when_to_call: "Verwijs ouders met opvoedvragen; bel zelf voor advies over hoe je een zorg met ouders bespreekt.",
        help: Help::AdviceOnly,
        consent_first: false,
        verified_days_ago: Some(75),
        notes: "Ouders kunnen ook zelf bellen of langskomen op het inloopspreekuur (woensdag 9-11).",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Wijkteam Lindewaard-Oost",
        role: "Wijkteam (sociaal team)",
        organisation: "Gemeente Lindewaard",
        phones: &[("aanmelden", "030-7145500")],
        email: "wijkteam-oost@lindewaard.example",
        availability: "ma-vr 8:30-17",
        area: "Lindewaard-Oost",
        topics: "wijkteam, gezin, ondersteuning, jeugdhulp, geldzorgen, huisvesting",
        when_to_call: "Bel als een gezin hulp nodig heeft die de groep niet kan bieden; met toestemming van de ouders.",
        help: Help::Referral,
        consent_first: true,
        verified_days_ago: Some(30),
        notes: "",
        serves: &[GroupKind::Kdv, GroupKind::Bso],
        link: Link::None,
    },
    Card {
        name: "Wijkteam Lindewaard-West",
        role: "Wijkteam (sociaal team)",
        organisation: "Gemeente Lindewaard",
        phones: &[("aanmelden", "030-7145600")],
        email: "wijkteam-west@lindewaard.example",
        availability: "ma-vr 8:30-17",
        area: "Lindewaard-West",
        topics: "wijkteam, gezin, ondersteuning, jeugdhulp, geldzorgen, huisvesting",
        when_to_call: "Bel als een gezin hulp nodig heeft die de groep niet kan bieden; met toestemming van de ouders.",
        help: Help::Referral,
        consent_first: true,
        verified_days_ago: None,
        notes: "",
        serves: &[GroupKind::Peuteropvang],
        link: Link::None,
    },
    Card {
        // The name is the demo coach's: see `fill`.
        name: "",
        role: "Jeugdhulpcoach (Alert4you-coach)",
        organisation: "Jeugdhulp Lindewaard",
        phones: &[("mobiel", "06-19087720")],
        email: "coach@jeugdhulp-lindewaard.example",
        availability: "di en do, op de groep; anders bellen",
        area: AREA,
        topics: "jeugdhulpcoach, coaching, gedrag, ontwikkeling, stappenplan, advies",
        when_to_call: "Bel als het stappenplan de coach vraagt, of voor advies over een kind (met toestemming van de ouders).",
        help: Help::AdviceOnly,
        consent_first: true,
        verified_days_ago: Some(14),
        notes: "Kijkt mee op de groep en geeft de groep tips; verwijst zo nodig door naar het wijkteam.",
        serves: &[GroupKind::Kdv, GroupKind::Peuteropvang, GroupKind::Bso],
        link: Link::CoachedChildren,
    },
    Card {
        name: "Huisartsenpraktijk De Linde",
        role: "Huisarts",
        organisation: "Huisartsenpraktijk De Linde",
        phones: &[("praktijk", "030-7160010"), ("spoedlijn", "030-7160011")],
        email: "assistente@huisartsdelinde.example",
        availability: "ma-vr 8-17",
        area: "Lindewaard-Oost",
        topics: "huisarts, ziek, koorts, medicatie, verwijzing",
        when_to_call: "Ouders bellen de huisarts; de groep belt zelf alleen bij een ziek kind als de ouders niet bereikbaar zijn.",
        help: Help::Referral,
        consent_first: false,
        verified_days_ago: Some(200),
        notes: "Buiten kantoortijd: de huisartsenpost.",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Huisartsen Zeeweg",
        role: "Huisarts",
        organisation: "Gezondheidscentrum Zeeweg",
        phones: &[("praktijk", "030-7160220")],
        email: "praktijk@gc-zeeweg.example",
        availability: "ma-vr 8-17",
        area: "Lindewaard-West",
        topics: "huisarts, ziek, koorts, medicatie, verwijzing",
        when_to_call: "Ouders bellen de huisarts; de groep belt zelf alleen bij een ziek kind als de ouders niet bereikbaar zijn.",
        help: Help::Referral,
        consent_first: false,
        verified_days_ago: None,
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Huisartsenpost Lindewaard",
        role: "Huisartsenpost (avond, nacht, weekend)",
        organisation: "Huisartsenpost Lindewaard",
        phones: &[("eerst bellen", "030-7169000")],
        email: "",
        availability: "ma-vr 17-8, weekend en feestdagen",
        area: AREA,
        topics: "huisarts, huisartsenpost, spoed, ziek, koorts",
        when_to_call: "Bel buiten kantoortijd bij een ziek kind dat niet kan wachten; bij levensgevaar 112.",
        help: Help::Unknown,
        consent_first: false,
        verified_days_ago: Some(200),
        notes: "Altijd eerst bellen, niet zomaar langsgaan.",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "José Martins",
        role: "Logopedist",
        organisation: "Logopediepraktijk Spraakwater",
        phones: &[("praktijk", "030-7181230"), ("mobiel", "06-19345601")],
        email: "jose@spraakwater.example",
        availability: "ma-do 8:30-17",
        area: AREA,
        topics: "spraak, taal, verstaanbaarheid, stotteren, mondmotoriek, eten en drinken",
        when_to_call: "Bel voor advies als een kind moeilijk te verstaan is of weinig woorden gebruikt; ouders vragen een verwijzing.",
        help: Help::AdviceOnly,
        consent_first: true,
        verified_days_ago: Some(60),
        notes: "Geeft ook korte adviesgesprekken aan de groep.",
        serves: &[GroupKind::Peuteropvang],
        link: Link::Question("verstaanbaar"),
    },
    Card {
        name: "Marjolein Dekker",
        role: "Kinderfysiotherapeut",
        organisation: "Kinderfysiotherapie Beweegwijs",
        phones: &[("praktijk", "030-7184470")],
        email: "marjolein@beweegwijs.example",
        availability: "ma, wo, vr 8-18",
        area: AREA,
        topics: "fysiotherapeut, motoriek, bewegen, kruipen, lopen, voorkeurshouding, evenwicht",
        when_to_call: "Bel voor advies over de motoriek: een voorkeurshouding, laat kruipen of lopen, veel vallen.",
        help: Help::Referral,
        consent_first: true,
        verified_days_ago: Some(90),
        notes: "",
        serves: &[GroupKind::Kdv],
        link: Link::None,
    },
    Card {
        name: "Karim Benali",
        role: "Maatschappelijk werker",
        organisation: "Maatschappelijk werk Lindewaard",
        phones: &[("direct", "030-7190330")],
        email: "k.benali@mw-lindewaard.example",
        availability: "ma-vr 9-17",
        area: AREA,
        topics: "maatschappelijk werk, geldzorgen, scheiding, huisvesting, stress in het gezin",
        when_to_call: "Verwijs ouders bij zorgen over geld, wonen of een scheiding; bel zelf voor advies.",
        help: Help::Referral,
        consent_first: true,
        verified_days_ago: Some(150),
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Marloes Kuipers",
        role: "Intern begeleider",
        organisation: "Basisschool De Linde",
        phones: &[("school", "030-7201100")],
        email: "ib@bs-delinde.example",
        availability: "ma, di, do 8-16",
        area: "Lindewaard-Oost",
        topics: "intern begeleider, school, warme overdracht, overdracht, 4 jaar, zorgleerling",
        when_to_call: "Bel voor de warme overdracht van een kind dat naar De Linde gaat, met toestemming van de ouders.",
        help: Help::AdviceOnly,
        consent_first: true,
        verified_days_ago: Some(20),
        notes: "De school naast de locatie Lindelaan.",
        serves: &[GroupKind::Bso],
        link: Link::School("Basisschool De Linde"),
    },
    Card {
        name: "Bas Hendriks",
        role: "Intern begeleider",
        organisation: "Basisschool Het Anker",
        phones: &[("school", "030-7202200")],
        email: "ib@hetanker.example",
        availability: "ma-vr 8-15",
        area: "Lindewaard-West",
        topics: "intern begeleider, school, warme overdracht, overdracht, 4 jaar",
        when_to_call: "Bel voor de warme overdracht van een kind dat naar Het Anker gaat, met toestemming van de ouders.",
        help: Help::AdviceOnly,
        consent_first: true,
        verified_days_ago: None,
        notes: "",
        serves: &[],
        link: Link::School("Basisschool Het Anker"),
    },
    Card {
        name: "TolkLijn",
        role: "Telefonische tolkdienst",
        organisation: "TolkLijn",
        phones: &[("tolk aanvragen", "030-7210000")],
        email: "aanvragen@tolklijn.example",
        availability: "ma-vr 8-20, za 9-13",
        area: "landelijk",
        topics: "tolk, tolkdienst, vertalen, anderstalige ouders, oudergesprek, Arabisch, Turks, Pools, Tigrinya",
        when_to_call: "Bel voor een gesprek met ouders die geen Nederlands spreken: de tolk schakelt in de telefoon in.",
        help: Help::Unknown,
        consent_first: false,
        verified_days_ago: Some(100),
        notes: "Klantnummer van de organisatie: 48213 (fictief). Een kind tolkt nooit voor zijn ouders.",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "GGD Lindewaard, infectieziekten",
        role: "Infectieziektebestrijding",
        organisation: "GGD Lindewaard",
        phones: &[("infectieziekten", "030-7220100")],
        email: "infectieziekten@ggd-lindewaard.example",
        availability: "ma-vr 8:30-17",
        area: AREA,
        topics: "GGD, besmettelijke ziekte, hygiëne, waterpokken, krentenbaard, diarree, uitbraak",
        when_to_call: "Bel bij meer zieke kinderen tegelijk of een ziekte die gemeld moet worden.",
        help: Help::AdviceOnly,
        consent_first: false,
        verified_days_ago: Some(45),
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "GGD toezicht kinderopvang",
        role: "Toezichthouder kinderopvang",
        organisation: "GGD Lindewaard",
        phones: &[("toezicht", "030-7220300")],
        email: "toezicht-kinderopvang@ggd-lindewaard.example",
        availability: "ma-vr 9-17",
        area: AREA,
        topics: "GGD, inspectie, toezicht, kwaliteit, veiligheid, gezondheid",
        when_to_call: "Bel met vragen over de inspectie of de eisen aan veiligheid en gezondheid.",
        help: Help::AdviceOnly,
        consent_first: false,
        verified_days_ago: None,
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Anke Verbeek",
        role: "Kinderarts",
        organisation: "Ziekenhuis Lindewaard, polikliniek kindergeneeskunde",
        phones: &[("polikliniek", "030-7230450")],
        email: "",
        availability: "ma-vr 8:30-16:30",
        area: "regio Lindewaard",
        topics: "kinderarts, ziekenhuis, allergie, epilepsie, medisch",
        when_to_call: "Alleen met de ouders, over een afspraak die de kinderarts met de groep wil maken.",
        help: Help::Referral,
        consent_first: true,
        verified_days_ago: None,
        notes: "Verwijzing gaat via de huisarts.",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Audiologisch centrum Lindewaard",
        role: "Audiologisch centrum (gehoor en taal)",
        organisation: "Audiologisch centrum Lindewaard",
        phones: &[("afspraken", "030-7240600")],
        email: "info@ac-lindewaard.example",
        availability: "ma-vr 8:30-16:30",
        area: "regio Lindewaard",
        topics: "gehoor, horen, taal, spraak, taalontwikkeling",
        when_to_call: "Ouders melden zich via huisarts of jeugdarts; de groep geeft een observatie mee.",
        help: Help::Referral,
        consent_first: true,
        verified_days_ago: None,
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Ellen Vos",
        role: "VVE-coördinator (voorschoolse educatie)",
        organisation: "Gemeente Lindewaard",
        phones: &[("direct", "030-7250120")],
        email: "vve@lindewaard.example",
        availability: "di-do 9-16",
        area: AREA,
        topics: "VVE, voorschoolse educatie, indicatie, peuteropvang, taalachterstand",
        when_to_call: "Bel over een VVE-indicatie of extra uren voor een peuter.",
        help: Help::AdviceOnly,
        consent_first: false,
        verified_days_ago: Some(80),
        notes: "",
        serves: &[GroupKind::Peuteropvang],
        link: Link::None,
    },
    Card {
        name: "Jeugdbescherming Lindewaard",
        role: "Gecertificeerde instelling (jeugdbescherming, voogdij)",
        organisation: "Jeugdbescherming Lindewaard",
        phones: &[("algemeen", "030-7260000"), ("na kantoortijd", "030-7260099")],
        email: "info@jb-lindewaard.example",
        availability: "ma-vr 9-17; daarbuiten het nummer na kantoortijd",
        area: "regio Lindewaard",
        topics: "jeugdbescherming, voogd, gezinsvoogd, ondertoezichtstelling, pleegkind",
        when_to_call: "Bel de jeugdbeschermer van een kind met een maatregel; de voogd beslist waar gezag nodig is.",
        help: Help::Referral,
        consent_first: false,
        verified_days_ago: Some(60),
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Pleegzorg Lindewaard",
        role: "Pleegzorgbegeleider",
        organisation: "Pleegzorg Lindewaard",
        phones: &[("bureau", "030-7261100")],
        email: "pleegzorg@jb-lindewaard.example",
        availability: "ma-vr 9-17",
        area: "regio Lindewaard",
        topics: "pleegzorg, pleegkind, pleegouders",
        when_to_call: "Bel de pleegzorgbegeleider met vragen over een pleegkind in de groep.",
        help: Help::AdviceOnly,
        consent_first: false,
        verified_days_ago: None,
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Jeugd-GGZ De Kiem",
        role: "Kinderpsycholoog",
        organisation: "Jeugd-GGZ De Kiem",
        phones: &[("aanmelden", "030-7270700")],
        email: "aanmelden@dekiem.example",
        availability: "ma-vr 9-17",
        area: "regio Lindewaard",
        topics: "psycholoog, angst, gedrag, hechting, trauma, ontwikkeling",
        when_to_call: "Ouders melden aan via huisarts of wijkteam; de groep geeft met toestemming een observatie mee.",
        help: Help::Referral,
        consent_first: true,
        verified_days_ago: None,
        notes: "",
        serves: &[],
        link: Link::None,
    },
    Card {
        name: "Diëtistenpraktijk Lindewaard",
        role: "Kinderdiëtist",
        organisation: "Diëtistenpraktijk Lindewaard",
        phones: &[("praktijk", "030-7280800")],
        email: "info@dietist-lindewaard.example",
        availability: "ma, di, do 9-17",
        area: AREA,
        topics: "diëtist, voeding, eten, allergie, dieet, gewicht",
        when_to_call: "Bel voor advies over een dieet of allergie die de groep moet volgen, met de ouders.",
        help: Help::AdviceOnly,
        consent_first: true,
        verified_days_ago: None,
        notes: "",
        serves: &[],
        link: Link::None,
    },
];

/// Adds the demo's cards to `export`, with ids after every other record's, links the children
/// the cards are involved with (`Child::contacts`) and stores the pinned aandachtsfunctionaris
/// card filled in (see [`filled_lead_card`]). The youth-care coach's card bears the name of the
/// demo's coach (a card without a coach among the staff is left out).
pub(super) fn fill(export: &mut Export, today: NaiveDate) {
    let coach = export
        .staff
        .iter()
        .find(|s| s.role == Role::Coach)
        .map(|s| s.name.clone());
    let mut next_id = export.max_id() + 1;
    let mut cards = vec![filled_lead_card(next_id)];
    next_id += 1;
    for card in CARDS {
        let name = match (card.name, &coach) {
            ("", Some(coach)) => coach.clone(),
            ("", None) => continue,
            (name, _) => name.to_string(),
        };
        let contact = Contact {
            role: card.role.into(),
            organisation: card.organisation.into(),
            phones: card
                .phones
                .iter()
                .map(|(label, number)| Phone {
                    label: label.to_string(),
                    number: number.to_string(),
                })
                .collect(),
            email: card.email.into(),
            availability: card.availability.into(),
            area: card.area.into(),
            groups: served(export, card.serves),
            topics: card.topics.split(", ").map(str::to_string).collect(),
            when_to_call: card.when_to_call.into(),
            help: card.help,
            consent_first: card.consent_first,
            verified: card
                .verified_days_ago
                .and_then(|days| today.checked_sub_days(Days::new(days))),
            notes: card.notes.into(),
            ..Contact::named(next_id, &name)
        };
        for child in linked(export, card.link) {
            if let Some(child) = export.children.iter_mut().find(|c| c.id == child) {
                child.contacts.push(next_id);
            }
        }
        cards.push(contact);
        next_id += 1;
    }
    export.contacts = cards;
}

/// The pinned aandachtsfunctionaris card as the demo organisation filled it in: its name and the
/// number of its aandachtsfunctionaris (the demo's care coordinator; see `people::LEAD_PHONE`).
/// The rest stays as signaal ships it, so it shows in the user's language.
fn filled_lead_card(id: Id) -> Contact {
    let mut card = Pinned::Aandachtsfunctionaris.card();
    card.id = id;
    card.organisation = ORGANISATION.into();
    card.phones = vec![Phone {
        label: "mobiel".into(),
        number: LEAD_PHONE.into(),
    }];
    card.availability = "ma-vr 8-18".into();
    card
}

/// The ids of the groups of `kinds`, not archived.
fn served(export: &Export, kinds: &[GroupKind]) -> Vec<Id> {
    export
        .groups
        .iter()
        .filter(|g| !g.archived && kinds.contains(&g.kind))
        .map(|g| g.id)
        .collect()
}

/// The ids of the children `link` names, in the order of the children.
fn linked(export: &Export, link: Link) -> Vec<Id> {
    let has_trajectory = |child: &Child, keep: &dyn Fn(&Trajectory) -> bool| {
        export
            .trajectories
            .iter()
            .any(|t| t.child_id == child.id && keep(t))
    };
    let kdv = served(export, &[GroupKind::Kdv]);
    let keep: Box<dyn Fn(&Child) -> bool> = match link {
        Link::None => return Vec::new(),
        Link::School(school) => {
            let handovers = export.handovers.iter().filter(|h| h.school == school);
            return handovers.map(|h| h.child_id).collect();
        }
        Link::CoachedChildren => Box::new(|c| {
            c.consent.allows(ConsentTo::Coach) && has_trajectory(c, &|t| t.closed.is_none())
        }),
        Link::Question(text) => {
            Box::new(move |c| has_trajectory(c, &|t| t.question.contains(text)))
        }
        Link::FirstKdvTrajectory => {
            let first = export
                .children
                .iter()
                .find(|c| kdv.contains(&c.group_id) && has_trajectory(c, &|_| true));
            return first.map(|c| c.id).into_iter().collect();
        }
    };
    export
        .children
        .iter()
        .filter(|c| keep(c))
        .map(|c| c.id)
        .collect()
}
