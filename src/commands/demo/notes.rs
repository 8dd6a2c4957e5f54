//! Short fictional notes for the demo observations, in Dutch as staff write them. They are worded
//! to fit any item (when, where, with whom something was seen), because the demo picks items at
//! random; none of them names a child or hints at a diagnosis.

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
