use std::collections::HashSet;

use super::*;
use crate::domain::form::Mark;
use crate::domain::GroupKind;
use crate::i18n::Lang;
use crate::problem::Problem;

/// The 1-based line of the first line containing `needle` (and `nth` skips earlier ones).
fn line(text: &str, needle: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(nth)
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"))
}

fn problems(text: &str) -> Vec<(usize, String)> {
    let err = parse("test.toml", text).expect_err("the file should be refused");
    err.problems()
        .iter()
        .map(|p| (p.line, p.message.clone()))
        .collect()
}

fn lines(text: &str) -> Vec<usize> {
    problems(text).into_iter().map(|(line, _)| line).collect()
}

const GOOD: &str = r#"
id = "eigen"
version = 2
name = { nl = "Eigen formulier", en = "Own form" }
kinds = ["bso"]

[[section]]
id = "a"
title = { nl = "Een", en = "One" }
items = [
  { id = "a.1", nl = "Eerste", en = "First" },
  { id = "a.2", nl = "  Tweede  ", en = "Second", concern = true, meldcode = true },
]

[[section]]
id = "b"
title = { nl = "Twee", en = "Two" }

[[section.items]]
id = "b.1"
nl = "Derde"
en = "Third"
"#;

#[test]
fn builtins_parse_with_distinct_ids() {
    let templates = builtin();
    assert_eq!(templates.len(), BUILTIN_FILES.len());
    let ids: Vec<&str> = templates.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["kdv-0-4", "bso-4-12"]);
    for template in &templates {
        assert!(template.version >= 1);
        assert!(!template.name.nl.is_empty() && !template.name.en.is_empty());
    }
    // Parsed once: a second call gives the same.
    assert_eq!(builtin(), templates);
}

#[test]
fn builtins_are_big_enough_and_cover_the_domains() {
    let domains = [
        "welbevinden",
        "sociaal",
        "gedrag",
        "spel",
        "taal",
        "motoriek",
        "zelfredzaamheid",
        "omstandigheden",
    ];
    for template in builtin() {
        assert!(template.sections.len() >= 7, "{}", template.id);
        assert!(template.item_count() >= 28, "{}", template.id);
        let sections: Vec<&str> = template.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(sections, domains, "{}", template.id);
        for section in &template.sections {
            assert!(!section.items.is_empty(), "{}", section.id);
        }
    }
}

#[test]
fn builtin_texts_are_filled_in_both_languages() {
    for template in builtin() {
        for section in &template.sections {
            assert!(!Lang::Nl.text(&section.title).trim().is_empty());
            assert!(!Lang::En.text(&section.title).trim().is_empty());
            for item in &section.items {
                assert!(!item.text.nl.trim().is_empty(), "{}", item.id);
                assert!(!item.text.en.trim().is_empty(), "{}", item.id);
                assert_ne!(item.text.nl, item.text.en, "{}", item.id);
            }
        }
    }
}

#[test]
fn builtin_meldcode_items_are_exactly_the_context_section() {
    for template in builtin() {
        let context = template
            .sections
            .iter()
            .find(|s| s.id == "omstandigheden")
            .expect("a context section");
        assert!(context.items.len() >= 4, "{}", template.id);
        for (section, item) in template.items() {
            assert_eq!(
                item.meldcode,
                section.id == "omstandigheden",
                "{} {}",
                template.id,
                item.id
            );
        }
    }
}

#[test]
fn builtins_flag_their_worries_as_concerns() {
    for template in builtin() {
        let concerns = template.items().filter(|(_, i)| i.concern).count();
        assert!(concerns >= 10, "{}: {concerns} concern items", template.id);
        // Strengths are not concerns: both kinds of item are on every form.
        assert!(
            template.item_count() - concerns >= 10,
            "{}: {concerns} of {} items are concerns",
            template.id,
            template.item_count()
        );
        for (_, item) in template.items() {
            if item.meldcode {
                assert!(item.concern, "{} {}", template.id, item.id);
            }
        }
    }
    let templates = builtin();
    let kdv = templates.iter().find(|t| t.id == "kdv-0-4").unwrap();
    let bso = templates.iter().find(|t| t.id == "bso-4-12").unwrap();
    let concern = |template: &FormTemplate, id: &str| {
        template
            .item(id)
            .unwrap_or_else(|| panic!("{} has no {id}", template.id))
            .1
            .concern
    };
    for id in [
        "welbevinden.teruggetrokken",
        "gedrag.pijn",
        "spel.star",
        "taal.verstaanbaar",
        "motoriek.vallen",
    ] {
        assert!(concern(kdv, id), "kdv {id}");
    }
    for id in [
        "welbevinden.afscheid",
        "welbevinden.troost",
        "spel.samen",
        "taal.opdracht",
    ] {
        assert!(!concern(kdv, id), "kdv {id}");
    }
    for id in [
        "welbevinden.teruggetrokken",
        "gedrag.pijn",
        "gedrag.conflict",
    ] {
        assert!(concern(bso, id), "bso {id}");
    }
    for id in ["welbevinden.binnenkomst", "spel.samen", "taal.uitleg"] {
        assert!(!concern(bso, id), "bso {id}");
    }
}

#[test]
fn builtin_ids_are_unique_and_prefixed_by_their_section() {
    for template in builtin() {
        let mut sections = HashSet::new();
        let mut items = HashSet::new();
        for (section, item) in template.items() {
            assert!(items.insert(item.id.clone()), "{}", item.id);
            assert!(
                item.id.starts_with(&format!("{}.", section.id)),
                "{}",
                item.id
            );
        }
        for section in &template.sections {
            assert!(sections.insert(section.id.clone()), "{}", section.id);
        }
        assert_eq!(items.len(), template.item_count());
    }
}

#[test]
fn builtins_fit_their_kinds() {
    let templates = builtin();
    let kdv = templates.iter().find(|t| t.id == "kdv-0-4").unwrap();
    let bso = templates.iter().find(|t| t.id == "bso-4-12").unwrap();
    assert!(kdv.fits(GroupKind::Kdv));
    assert!(kdv.fits(GroupKind::Peuteropvang));
    assert!(!kdv.fits(GroupKind::Bso));
    assert!(bso.fits(GroupKind::Bso));
    assert!(!bso.fits(GroupKind::Kdv));
    assert!(!bso.fits(GroupKind::Peuteropvang));
    // Every kind of group has at least one built-in form.
    for kind in GroupKind::ALL {
        assert!(templates.iter().any(|t| t.fits(kind)), "{kind:?}");
    }
}

#[test]
fn bso_covers_group_functioning() {
    let templates = builtin();
    let bso = templates.iter().find(|t| t.id == "bso-4-12").unwrap();
    for id in [
        "gedrag.plek",
        "gedrag.afspraken",
        "gedrag.structuur",
        "gedrag.conflict",
    ] {
        assert!(bso.item(id).is_some(), "{id}");
    }
}

#[test]
fn builtins_serialize_for_the_export() {
    let json = serde_json::to_value(builtin()).unwrap();
    assert_eq!(json[0]["id"], "kdv-0-4");
    assert_eq!(json[0]["kinds"], serde_json::json!(["kdv", "peuteropvang"]));
    assert!(json[0]["sections"][0]["items"][0]["text"]["nl"].is_string());
    assert_eq!(json[0]["sections"][0]["items"][0]["concern"], false);
    // The marks of an observation use the same lowercase names.
    assert_eq!(serde_json::json!(Mark::Often), "often");
}

#[test]
fn a_good_file_parses_in_both_item_styles() {
    let template = parse("eigen.toml", GOOD).unwrap();
    assert_eq!(template.id, "eigen");
    assert_eq!(template.version, 2);
    assert_eq!(Lang::En.text(&template.name), "Own form");
    assert_eq!(template.kinds, [GroupKind::Bso]);
    let ids: Vec<&str> = template.items().map(|(_, i)| i.id.as_str()).collect();
    assert_eq!(ids, ["a.1", "a.2", "b.1"]);
    let (_, second) = template.item("a.2").unwrap();
    assert_eq!(second.text.nl, "Tweede");
    assert!(second.meldcode);
    assert!(second.concern);
    assert!(!template.item("a.1").unwrap().1.meldcode);
    assert!(!template.item("a.1").unwrap().1.concern);
    assert!(!template.item("b.1").unwrap().1.concern);
    assert_eq!(template.item("b.1").unwrap().1.text.en, "Third");
}

#[test]
fn a_concern_parses_in_both_item_styles() {
    let text = GOOD
        .replace(
            r#"{ id = "a.1", nl = "Eerste", en = "First" }"#,
            r#"{ id = "a.1", nl = "Eerste", en = "First", concern = true }"#,
        )
        .replace(r#"en = "Third""#, "en = \"Third\"\nconcern = true");
    let template = parse("eigen.toml", &text).unwrap();
    let flags: Vec<(&str, bool, bool)> = template
        .items()
        .map(|(_, i)| (i.id.as_str(), i.concern, i.meldcode))
        .collect();
    assert_eq!(
        flags,
        [
            ("a.1", true, false),
            ("a.2", true, true),
            ("b.1", true, false)
        ]
    );
    // false is as good as leaving it out.
    let text = GOOD.replace(r#"en = "Third""#, "en = \"Third\"\nconcern = false");
    assert_eq!(
        parse("eigen.toml", &text).unwrap(),
        parse("eigen.toml", GOOD).unwrap()
    );
}

#[test]
fn a_concern_that_is_not_true_or_false_names_its_line() {
    let text = GOOD.replace(
        r#"{ id = "a.1", nl = "Eerste", en = "First" }"#,
        r#"{ id = "a.1", nl = "Eerste", en = "First", concern = "yes" }"#,
    );
    assert_eq!(
        problems(&text),
        [(
            line(&text, "\"yes\"", 0),
            "concern of item \"a.1\" must be true or false (without quotes), not a string"
                .to_string()
        )]
    );
    let text = GOOD.replace(r#"en = "Third""#, "en = \"Third\"\nconcern = 1");
    assert_eq!(lines(&text), [line(&text, "concern = 1", 0)]);
}

#[test]
fn a_meldcode_item_must_be_a_concern() {
    let text = GOOD.replace(
        r#"en = "Second", concern = true, meldcode = true"#,
        r#"en = "Second", meldcode = true"#,
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, line(&text, "meldcode = true", 0));
    assert_eq!(
        found[0].1,
        "item \"a.2\" has meldcode = true but not concern = true; a Meldcode signal is always \
         a worry, so add concern = true"
    );
    // Saying concern = false does not help; in the [[section.items]] style the problem is on
    // the meldcode line.
    let text = GOOD
        .replace(
            r#"en = "Second", concern = true, meldcode = true"#,
            r#"en = "Second", concern = false, meldcode = true"#,
        )
        .replace(r#"en = "Third""#, "en = \"Third\"\nmeldcode = true");
    let found = problems(&text);
    assert_eq!(
        lines(&text),
        [
            line(&text, "meldcode = true", 0),
            line(&text, "meldcode = true", 1)
        ],
        "{found:?}"
    );
    assert!(found[1]
        .1
        .starts_with("item \"b.1\" has meldcode = true but not concern"));
    // A wrong concern value is one problem, not two.
    let text = GOOD.replace("concern = true, meldcode", "concern = \"ja\", meldcode");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]
        .1
        .starts_with("concern of item \"a.2\" must be true or false"));
}

#[test]
fn three_problems_give_three_lines() {
    let text = GOOD
        .replace(r#"kinds = ["bso"]"#, r#"kinds = ["bso", "school"]"#)
        .replace(
            r#"{ id = "a.1", nl = "Eerste", en = "First" }"#,
            r#"{ id = "a.1", nl = "Eerste" }"#,
        )
        .replace(r#"en = "Third""#, "en = \"Third\"\ncolour = \"red\"");
    let found = problems(&text);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(
        lines(&text),
        [
            line(&text, "school", 0),
            line(&text, "a.1", 0),
            line(&text, "colour", 0)
        ]
    );
    assert!(found[0].1.contains("unknown group kind \"school\""));
    assert!(found[1].1.contains("item \"a.1\" has no en text"));
    assert!(found[2].1.contains("unknown field \"colour\""));
}

#[test]
fn a_syntax_error_names_its_line() {
    let text = GOOD.replace(
        r#"title = { nl = "Twee", en = "Two" }"#,
        r#"title = { nl = "Twee", en = }"#,
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, line(&text, "en = }", 0));
    assert!(found[0].1.starts_with("invalid TOML"), "{}", found[0].1);
    assert!(!found[0].1.contains('\n'));
}

#[test]
fn a_duplicate_item_id_names_both_lines() {
    let text = GOOD.replace(r#"id = "b.1""#, r#"id = "a.2""#);
    let first = line(&text, "\"a.2\"", 0);
    let second = line(&text, "\"a.2\"", 1);
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, second);
    assert_eq!(
        found[0].1,
        format!("item id \"a.2\" is used twice (lines {first} and {second})")
    );
}

#[test]
fn a_duplicate_section_id_names_both_lines() {
    let text = GOOD.replace(r#"id = "b""#, r#"id = "a""#);
    let first = line(&text, r#"id = "a""#, 0);
    let second = line(&text, r#"id = "a""#, 1);
    assert_eq!(
        problems(&text),
        [(
            second,
            format!("section id \"a\" is used twice (lines {first} and {second})")
        )]
    );
}

#[test]
fn missing_template_fields_are_reported_at_the_top() {
    let text = r#"
[[section]]
id = "a"
title = { nl = "Een" }
items = [{ id = "a.1", nl = "x", en = "y" }]
"#;
    let found = problems(text);
    let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(messages.iter().any(|m| m.contains("has no id")));
    assert!(messages.iter().any(|m| m.contains("has no version")));
    assert!(messages.iter().any(|m| m.contains("has no name")));
    assert!(messages.iter().any(|m| m.contains("has no kinds")));
    assert!(messages.contains(&"the title of section \"a\" has no en text"));
    assert_eq!(lines(text), [1, 1, 1, 1, line(text, "title", 0)]);
}

#[test]
fn empty_sections_and_templates_without_items_are_refused() {
    let empty_section = GOOD.replace(
        "[[section.items]]\nid = \"b.1\"\nnl = \"Derde\"\nen = \"Third\"\n",
        "",
    );
    assert_eq!(
        problems(&empty_section),
        [(
            line(&empty_section, "[[section]]", 1),
            "section \"b\" has no items; add items = [ { id = \"taal.naam\", nl = \"...\", \
             en = \"...\" } ]"
                .to_string()
        )]
    );
    let empty_list = GOOD.replace(
        "title = { nl = \"Een\", en = \"One\" }\nitems = [",
        "title = { nl = \"Een\", en = \"One\" }\nitems = []\nold = [",
    );
    let found = problems(&empty_list);
    assert!(found.contains(&(
        line(&empty_list, "items = []", 0),
        "section \"a\" has no items".to_string()
    )));

    let no_sections =
        "id = \"x\"\nversion = 1\nname = { nl = \"X\", en = \"X\" }\nkinds = [\"kdv\"]\n";
    let found = problems(no_sections);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("no items"), "{}", found[0].1);
}

#[test]
fn wrong_values_are_explained() {
    let text = r#"id = "Mijn Formulier"
version = 0
name = "Formulier"
kinds = "kdv"

[[section]]
id = "a"
title = { nl = "Een", en = "One", de = "Eins" }
version = 3
items = [
  { id = "a.1", nl = "", en = "y", meldcode = "ja" },
  "a.2",
  { id = "a.3", text = { nl = "x", en = "y" } },
]
"#;
    let found = problems(text);
    let expect = [
        (1, "may only contain lowercase letters"),
        (2, "version must be a whole number from 1 up, not 0"),
        (3, "name must be a table like"),
        (4, "kinds must be a list"),
        (8, "unknown field \"de\" in the title of section \"a\""),
        (9, "the template's own fields go at the top"),
        (11, "the nl text of item \"a.1\" is empty"),
        (11, "meldcode of item \"a.1\" must be true or false"),
        (12, "an item must be a table"),
        (13, "write the texts directly in the item"),
        (13, "item \"a.3\" has no nl text"),
        (13, "item \"a.3\" has no en text"),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for ((line, message), (want_line, want)) in found.iter().zip(expect) {
        assert_eq!(*line, want_line, "{message}");
        assert!(message.contains(want), "{message:?} lacks {want:?}");
    }
}

#[test]
fn odd_toml_is_reported_not_panicked_on() {
    // A date, a float, an implicit table and a single [section] table.
    let text = r#"id = "x"
version = 1.5
name = { nl = "X", en = "X" }
kinds = [1979-05-27]
[extra.deeper]
a = 1
[section]
id = "a"
"#;
    let found = problems(text);
    let expect = [
        (2, "not a decimal number"),
        (4, "not a date"),
        (5, "unknown field \"extra\""),
        (7, "double brackets"),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for ((line, message), (want_line, want)) in found.iter().zip(expect) {
        assert_eq!(*line, want_line, "{message}");
        assert!(message.contains(want), "{message:?} lacks {want:?}");
    }
    // Not TOML at all, and nothing.
    assert_eq!(lines("\u{0}\u{1}garbage ]]"), [1]);
    assert_eq!(problems("").len(), 5);
}

#[test]
fn the_error_renders_one_problem_a_line_with_file_and_line() {
    let text = GOOD
        .replace(r#"kinds = ["bso"]"#, r#"kinds = ["school"]"#)
        .replace("version = 2", "version = \"2\"");
    let err = parse("eigen.toml", &text).unwrap_err();
    assert_eq!(err.file(), "eigen.toml");
    let version = line(&text, "version", 0);
    let kinds = line(&text, "kinds", 0);
    assert_eq!(
        err.to_string(),
        format!(
            "eigen.toml:{version}: version must be a whole number like version = 1, not a string\n\
             eigen.toml:{kinds}: unknown group kind \"school\" (known: kdv, peuteropvang, bso)"
        )
    );
    let whole = TemplateError::new(
        "x.toml",
        vec![Problem {
            line: 0,
            message: "cannot read x.toml".into(),
        }],
    );
    assert_eq!(whole.to_string(), "x.toml: cannot read x.toml");
}

#[test]
fn known_kinds_message_lists_every_group_kind() {
    let text = GOOD.replace(r#"kinds = ["bso"]"#, r#"kinds = ["nope"]"#);
    let message = problems(&text).remove(0).1;
    for kind in GroupKind::ALL {
        let name = serde_json::to_value(kind).unwrap();
        assert!(message.contains(name.as_str().unwrap()), "{message}");
    }
    // Every kind is accepted by its export name.
    for kind in GroupKind::ALL {
        let name = serde_json::to_value(kind).unwrap();
        let text = GOOD.replace(r#"kinds = ["bso"]"#, &format!("kinds = [{name}]"));
        assert_eq!(parse("t.toml", &text).unwrap().kinds, [kind]);
    }
}

#[test]
fn an_age_range_parses_in_both_item_styles_and_is_optional() {
    let text = GOOD
        .replace(
            r#"{ id = "a.1", nl = "Eerste", en = "First" }"#,
            r#"{ id = "a.1", nl = "Eerste", en = "First", max_months = 11 }"#,
        )
        .replace(
            r#"en = "Third""#,
            "en = \"Third\"\nmin_months = 12\nmax_months = 23",
        );
    let template = parse("eigen.toml", &text).unwrap();
    let ages: Vec<(&str, Option<u32>, Option<u32>)> = template
        .items()
        .map(|(_, i)| (i.id.as_str(), i.min_months, i.max_months))
        .collect();
    assert_eq!(
        ages,
        [
            ("a.1", None, Some(11)),
            ("a.2", None, None),
            ("b.1", Some(12), Some(23))
        ]
    );
    let item = |id| template.item(id).unwrap().1;
    assert!(item("a.1").fits_age(0) && item("a.1").fits_age(11));
    assert!(!item("a.1").fits_age(12));
    assert!(!item("b.1").fits_age(11) && item("b.1").fits_age(12));
    assert!(item("b.1").fits_age(23) && !item("b.1").fits_age(24));
    // Without a range an item is for every age.
    assert!(item("a.2").fits_age(0) && item("a.2").fits_age(200));
    // A range of one month is a range.
    let text = GOOD.replace(
        r#"en = "Third""#,
        "en = \"Third\"\nmin_months = 6\nmax_months = 6",
    );
    assert!(parse("eigen.toml", &text).is_ok());
}

#[test]
fn a_wrong_age_range_names_its_line() {
    let text = GOOD
        .replace(
            r#"{ id = "a.1", nl = "Eerste", en = "First" }"#,
            r#"{ id = "a.1", nl = "Eerste", en = "First", min_months = "12" }"#,
        )
        .replace(
            r#"en = "Third""#,
            "en = \"Third\"\nmin_months = 24\nmax_months = 11",
        );
    assert_eq!(
        problems(&text),
        [
            (
                line(&text, "min_months = \"12\"", 0),
                "min_months of item \"a.1\" must be a whole number of months like \
                 min_months = 12 (without quotes), not a string"
                    .to_string()
            ),
            (
                line(&text, "max_months = 11", 0),
                "item \"b.1\" has min_months = 24 above max_months = 11; the item is meant for \
                 children from min_months up to and including max_months"
                    .to_string()
            ),
        ]
    );
    for wrong in ["max_months = -1", "min_months = 217", "max_months = 1.5"] {
        let text = GOOD.replace(r#"en = "Third""#, &format!("en = \"Third\"\n{wrong}"));
        assert_eq!(lines(&text), [line(&text, wrong, 0)], "{wrong}");
    }
    let text = GOOD.replace(r#"en = "Third""#, "en = \"Third\"\nages = [0, 12]");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("min_months, max_months"), "{found:?}");
}

#[test]
fn the_kdv_form_is_full_for_each_age_and_asks_no_toddler_rules_of_a_baby() {
    let templates = builtin();
    let kdv = templates.iter().find(|t| t.id == "kdv-0-4").unwrap();
    let for_age = |months: u32| -> Vec<&str> {
        kdv.items()
            .filter(|(_, item)| item.fits_age(months))
            .map(|(_, item)| item.id.as_str())
            .collect()
    };
    // 0-1, 1-2 and 2-4 each have a full form: every domain, worries and strengths.
    for months in [3, 10, 11, 12, 14, 23, 24, 36, 47] {
        let ids = for_age(months);
        assert!(ids.len() >= 30, "{months} months: {} items", ids.len());
        for section in &kdv.sections {
            let in_section = |id: &&str| id.starts_with(&format!("{}.", section.id));
            assert!(
                ids.iter().any(in_section),
                "{months} months: no {}",
                section.id
            );
        }
        let concerns = ids.iter().filter(|id| kdv.item(id).unwrap().1.concern);
        assert!(concerns.count() >= 10, "{months} months");
    }
    let baby = for_age(10);
    for id in [
        "gedrag.regels",
        "spel.beurt",
        "taal.opdracht",
        "taal.verstaanbaar",
        "spel.samen",
    ] {
        assert!(!baby.contains(&id), "a baby is not asked {id}");
        assert!(for_age(36).contains(&id), "a three-year-old is asked {id}");
    }
    for id in ["gedrag.regels", "spel.beurt"] {
        assert!(
            !for_age(14).contains(&id),
            "a 14-month-old is not asked {id}"
        );
    }
    // The baby items of the issue, the second year's own, and neither for a three-year-old.
    for id in [
        "sociaal.baby_oogcontact",
        "taal.baby_stem",
        "motoriek.baby_omrollen",
        "motoriek.baby_zitten",
        "taal.baby_brabbelen",
        "welbevinden.baby_huilen",
        "zelfredzaamheid.baby_ritme",
    ] {
        assert!(baby.contains(&id), "{id}");
        assert!(!for_age(12).contains(&id), "{id}");
    }
    let second_year = for_age(14);
    assert!(second_year.contains(&"taal.dreumes_woorden"));
    assert!(!baby.contains(&"taal.dreumes_woorden"));
    assert!(!for_age(36)
        .iter()
        .any(|id| id.contains(".baby_") || id.contains(".dreumes_")));
    // The Meldcode signals are for every age.
    assert!(kdv
        .items()
        .filter(|(_, i)| i.meldcode)
        .all(|(_, i)| i.min_months.is_none() && i.max_months.is_none()));
}
