use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;

fn key(text: &str) -> Key {
    Key::parse(text).unwrap_or_else(|| panic!("{text:?} should parse"))
}

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn ch(c: char) -> KeyEvent {
    press(KeyCode::Char(c), KeyModifiers::NONE)
}

fn lines(err: &KeymapError) -> Vec<usize> {
    err.problems().iter().map(|p| p.line).collect()
}

const LIST: &[Context] = &[Context::List, Context::Global];
const GROUPS: &[Context] = &[Context::Groups, Context::List, Context::Global];

#[test]
fn default_has_the_contract_keys() {
    let map = Keymap::default();
    let global = &[Context::Global];
    assert_eq!(map.action(global, ch('q')), Some(Action::Quit));
    assert_eq!(map.action(global, ch('?')), Some(Action::Help));
    assert_eq!(
        map.action(global, press(KeyCode::F(1), KeyModifiers::NONE)),
        Some(Action::Help)
    );
    assert_eq!(map.action(LIST, ch('/')), Some(Action::Filter));
    assert_eq!(
        map.action(LIST, press(KeyCode::Up, KeyModifiers::NONE)),
        Some(Action::Up)
    );
    assert_eq!(map.action(LIST, ch('k')), Some(Action::Up));
    assert_eq!(
        map.action(LIST, press(KeyCode::Down, KeyModifiers::NONE)),
        Some(Action::Down)
    );
    assert_eq!(map.action(LIST, ch('j')), Some(Action::Down));
    assert_eq!(
        map.action(LIST, press(KeyCode::Enter, KeyModifiers::NONE)),
        Some(Action::Open)
    );
    assert_eq!(
        map.action(LIST, press(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::Back)
    );
    assert_eq!(map.action(LIST, ch('g')), Some(Action::Top));
    assert_eq!(
        map.action(LIST, press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(Action::Bottom)
    );
    assert_eq!(
        map.action(&[Context::Child], press(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::Back)
    );
    assert_eq!(
        map.action(
            &[Context::Filter],
            press(KeyCode::Enter, KeyModifiers::NONE)
        ),
        Some(Action::Submit)
    );
    assert_eq!(
        map.action(
            &[Context::Form],
            press(KeyCode::BackTab, KeyModifiers::SHIFT)
        ),
        Some(Action::PrevField)
    );
    assert_eq!(
        map.action(&[Context::Welcome], ch('d')),
        Some(Action::LoadDemo)
    );
}

#[test]
fn default_binds_every_action_with_a_description() {
    let map = Keymap::default();
    for action in Action::ALL {
        assert!(
            Context::ALL
                .iter()
                .any(|&c| !map.keys_for(c, action).is_empty()),
            "{} has no key in the default keymap",
            action.name()
        );
    }
    for context in Context::ALL {
        assert!(
            !map.bindings(context).is_empty(),
            "[{context}] is empty in the default keymap"
        );
        for binding in map.bindings(context) {
            assert!(!binding.desc.trim().is_empty(), "{binding:?} has no desc");
            assert!(!binding.keys.is_empty());
        }
    }
}

#[test]
fn text_taking_contexts_bind_no_plain_characters() {
    let map = Keymap::default();
    for context in [Context::Users, Context::Filter, Context::Form] {
        for binding in map.bindings(context) {
            for k in &binding.keys {
                assert!(
                    !matches!(k.code(), KeyCode::Char(_)) || !k.modifiers().is_empty(),
                    "[{context}] binds the text key {k}"
                );
            }
        }
    }
}

#[test]
fn bindings_keep_file_order() {
    let map = Keymap::default();
    let actions: Vec<Action> = map
        .bindings(Context::Global)
        .iter()
        .map(|b| b.action)
        .collect();
    assert_eq!(
        actions,
        vec![Action::Quit, Action::Help, Action::Contacts, Action::Lock]
    );
    assert_eq!(
        map.keys_for(Context::Global, Action::Help),
        vec![key("?"), key("F1")]
    );
    assert_eq!(map.bindings(Context::List)[0].action, Action::Up);
    assert_eq!(map.bindings(Context::List)[8].action, Action::Filter);
}

#[test]
fn resolution_order_first_context_wins() {
    let map = Keymap::default();
    // In help, q closes the help rather than quitting.
    assert_eq!(
        map.action(&[Context::Help, Context::Global], ch('q')),
        Some(Action::Back)
    );
    assert_eq!(
        map.action(&[Context::Global, Context::Help], ch('q')),
        Some(Action::Quit)
    );
    assert_eq!(map.action(GROUPS, ch('a')), Some(Action::Add));
    assert_eq!(map.action(GROUPS, ch('j')), Some(Action::Down));
    assert_eq!(map.action(GROUPS, ch('q')), Some(Action::Quit));
    assert_eq!(map.action(GROUPS, ch('z')), None);
    assert_eq!(map.action(&[], ch('q')), None);
}

#[test]
fn key_releases_do_nothing() {
    let map = Keymap::default();
    let mut release = ch('q');
    release.kind = KeyEventKind::Release;
    assert_eq!(map.action(&[Context::Global], release), None);
    let mut repeat = press(KeyCode::Down, KeyModifiers::NONE);
    repeat.kind = KeyEventKind::Repeat;
    assert_eq!(map.action(LIST, repeat), Some(Action::Down));
}

#[test]
fn ctrl_l_spellings_are_one_key() {
    let expected = Key::from_event(press(KeyCode::Char('l'), KeyModifiers::CONTROL));
    for text in [
        "Ctrl-L",
        "ctrl-l",
        "Ctrl-l",
        "CTRL-L",
        "control-l",
        "Ctrl-Shift-l",
    ] {
        assert_eq!(key(text), expected, "{text}");
    }
    let shifted = press(
        KeyCode::Char('L'),
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    );
    assert_eq!(Key::from_event(shifted), expected);
    assert_eq!(expected.to_string(), "Ctrl-L");
    assert_ne!(key("Ctrl-l"), key("l"));
    assert_ne!(key("Ctrl-l"), key("Alt-l"));
}

#[test]
fn uppercase_means_shift() {
    assert_eq!(
        key("D"),
        Key::from_event(press(KeyCode::Char('D'), KeyModifiers::SHIFT))
    );
    assert_eq!(
        key("D"),
        Key::from_event(press(KeyCode::Char('D'), KeyModifiers::NONE))
    );
    assert_eq!(key("D"), key("Shift-d"));
    assert_eq!(key("D"), key("shift-D"));
    assert_ne!(key("D"), key("d"));
    // Shifted punctuation arrives as its own character with SHIFT set.
    assert_eq!(
        key("?"),
        Key::from_event(press(KeyCode::Char('?'), KeyModifiers::SHIFT))
    );
    assert_eq!(key("D").to_string(), "D");
    assert_eq!(key("d").to_string(), "d");
}

#[test]
fn named_keys() {
    assert_eq!(key("Shift-Tab"), key("BackTab"));
    assert_eq!(
        key("backtab"),
        Key::from_event(press(KeyCode::BackTab, KeyModifiers::SHIFT))
    );
    assert_eq!(
        key("BackTab"),
        Key::from_event(press(KeyCode::Tab, KeyModifiers::SHIFT))
    );
    assert_eq!(key("pagedown"), key("PageDown"));
    assert_eq!(key("Escape"), key("Esc"));
    assert_eq!(key("Space"), key(" "));
    assert_eq!(key("Space").code(), KeyCode::Char(' '));
    assert_eq!(key("F12").code(), KeyCode::F(12));
    assert_eq!(key("Shift-Up").modifiers(), KeyModifiers::SHIFT);
    assert_eq!(key("-").code(), KeyCode::Char('-'));
    assert_eq!(key("Ctrl--").code(), KeyCode::Char('-'));
    assert_eq!(key("é").code(), KeyCode::Char('é'));
    for bad in [
        "", "Foo", "Ctrl-", "F0", "F13", "F01", "Shift-1", "Hyper-x", "up arrow",
    ] {
        assert_eq!(Key::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn labels() {
    let cases = [
        ("ctrl-l", "Ctrl-L"),
        ("space", "Space"),
        ("up", "Up"),
        ("k", "k"),
        ("BackTab", "Shift-Tab"),
        ("f1", "F1"),
        ("alt-x", "Alt-x"),
        ("Ctrl-Alt-Delete", "Ctrl-Alt-Delete"),
        ("pgdn", "PageDown"),
    ];
    for (text, label) in cases {
        assert_eq!(key(text).to_string(), label, "{text}");
    }
}

#[test]
fn labels_parse_back_to_the_same_key() {
    for name in Keymap::PRESETS {
        let map = Keymap::preset(name).unwrap();
        for context in Context::ALL {
            for binding in map.bindings(context) {
                for &k in &binding.keys {
                    assert_eq!(Key::parse(&k.to_string()), Some(k), "{k}");
                }
            }
        }
    }
}

#[test]
fn vim_preset_overrides_only_what_it_names() {
    let map = Keymap::load(Some("vim")).unwrap();
    assert_eq!(map.action(LIST, ch('h')), Some(Action::Back));
    assert_eq!(map.action(LIST, ch('l')), Some(Action::Open));
    assert_eq!(
        map.action(LIST, press(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::Back)
    );
    assert_eq!(
        map.action(LIST, press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
        Some(Action::PageDown)
    );
    assert_eq!(
        map.action(LIST, press(KeyCode::Char('n'), KeyModifiers::CONTROL)),
        Some(Action::Down)
    );
    assert_eq!(
        map.action(&[Context::Child, Context::Global], ch('h')),
        Some(Action::Back)
    );
    // Untouched by the preset.
    assert_eq!(map.action(LIST, ch('q')), Some(Action::Quit));
    assert_eq!(map.action(LIST, ch('/')), Some(Action::Filter));
    assert_eq!(map.action(LIST, ch('g')), Some(Action::Top));
    assert_eq!(map.action(GROUPS, ch('a')), Some(Action::Add));
    assert_eq!(
        map.bindings(Context::Global),
        Keymap::default().bindings(Context::Global)
    );
    // Replaced in place: the list order is the default's.
    let default_order: Vec<Action> = Keymap::default()
        .bindings(Context::List)
        .iter()
        .map(|b| b.action)
        .collect();
    let vim_order: Vec<Action> = map
        .bindings(Context::List)
        .iter()
        .map(|b| b.action)
        .collect();
    assert_eq!(vim_order, default_order);
    assert_ne!(map, Keymap::default());
}

#[test]
fn user_override_of_quit() {
    let map = check_str(
        "mine.toml",
        "[global]\nkeymap = [ { on = [\"x\"], run = \"quit\", desc = \"Leave\" } ]\n",
    )
    .unwrap();
    assert_eq!(map.action(&[Context::Global], ch('q')), None);
    assert_eq!(map.action(&[Context::Global], ch('x')), Some(Action::Quit));
    assert_eq!(map.action(&[Context::Global], ch('?')), Some(Action::Help));
    assert_eq!(map.bindings(Context::Global)[0].desc, "Leave");
    assert_eq!(
        map.first_key_label(LIST, Action::Quit).as_deref(),
        Some("x")
    );
}

#[test]
fn an_overlay_key_is_taken_from_other_actions() {
    let map = check_str(
        "mine.toml",
        "[list]\nkeymap = [ { on = [\"j\"], run = \"up\" } ]\n",
    )
    .unwrap();
    assert_eq!(map.action(LIST, ch('j')), Some(Action::Up));
    assert_eq!(map.keys_for(Context::List, Action::Up), vec![key("j")]);
    assert_eq!(map.keys_for(Context::List, Action::Down), vec![key("Down")]);
    // No desc in the overlay: the default's stays.
    assert_eq!(map.bindings(Context::List)[0].desc, "Move up");
}

#[test]
fn an_action_that_loses_all_its_keys_leaves_the_context() {
    let map = check_str(
        "mine.toml",
        "[list]\nkeymap = [ { on = [\"/\"], run = \"open\" } ]\n",
    )
    .unwrap();
    assert!(map.keys_for(Context::List, Action::Filter).is_empty());
    assert!(map
        .bindings(Context::List)
        .iter()
        .all(|b| b.action != Action::Filter));
}

#[test]
fn a_new_binding_is_appended() {
    let map = check_str(
        "mine.toml",
        "[groups]\nkeymap = [ { on = [\"x\"], run = \"page_down\" } ]\n",
    )
    .unwrap();
    let last = map.bindings(Context::Groups).last().unwrap();
    assert_eq!(last.action, Action::PageDown);
    assert_eq!(last.desc, "Page down");
    assert_eq!(map.action(GROUPS, ch('x')), Some(Action::PageDown));
    assert_eq!(map.action(GROUPS, ch('a')), Some(Action::Add));
}

#[test]
fn first_key_label_skips_shadowed_keys() {
    let map = Keymap::default();
    assert_eq!(
        map.first_key_label(GROUPS, Action::Help).as_deref(),
        Some("?")
    );
    assert_eq!(
        map.first_key_label(GROUPS, Action::Quit).as_deref(),
        Some("q")
    );
    assert_eq!(
        map.first_key_label(GROUPS, Action::Open).as_deref(),
        Some("Enter")
    );
    let help = &[Context::Help, Context::Global];
    // In help, ? and q close the help, so F1 is the help key and only Ctrl-C quits.
    assert_eq!(
        map.first_key_label(help, Action::Help).as_deref(),
        Some("F1")
    );
    assert_eq!(
        map.first_key_label(help, Action::Quit).as_deref(),
        Some("Ctrl-C")
    );
    assert_eq!(
        map.first_key_label(help, Action::Back).as_deref(),
        Some("Esc")
    );
    assert_eq!(
        map.first_key_label(&[Context::Global], Action::LoadDemo),
        None
    );
}

#[test]
fn conflict_names_both_actions_and_lines() {
    let text = "[list]\nkeymap = [\n  { on = [\"k\"], run = \"up\" },\n  { on = [\"x\", \"k\"], run = \"down\" },\n]\n";
    let err = check_str("c.toml", text).unwrap_err();
    assert_eq!(lines(&err), vec![4]);
    let message = &err.problems()[0].message;
    assert!(message.contains("\"up\" (line 3)"), "{message}");
    assert!(message.contains("\"down\" (line 4)"), "{message}");
    assert!(message.contains("key k"), "{message}");
    assert!(message.contains("[list]"), "{message}");
}

#[test]
fn same_key_in_two_contexts_is_fine() {
    let text = "[list]\nkeymap = [ { on = [\"x\"], run = \"up\" } ]\n[groups]\nkeymap = [ { on = [\"x\"], run = \"add\" } ]\n";
    assert!(check_str("ok.toml", text).is_ok());
}

#[test]
fn unknown_action_reports_its_line() {
    let text =
        "# mine\n[global]\nkeymap = [ { on = [\"q\"], run = \"frobnicate\", desc = \"?\" } ]\n";
    let err = check_str("bad.toml", text).unwrap_err();
    assert_eq!(lines(&err), vec![3]);
    assert!(err.problems()[0]
        .message
        .starts_with("unknown action \"frobnicate\" (known: quit, help,"));
    assert!(err
        .to_string()
        .starts_with("bad.toml:3: unknown action \"frobnicate\""));
}

#[test]
fn unknown_key_name() {
    let text =
        "[list]\nkeymap = [\n  { on = [\"Up\",\n          \"Ctrl-Foo\"], run = \"up\" },\n]\n";
    let err = check_str("k.toml", text).unwrap_err();
    assert_eq!(lines(&err), vec![4]);
    assert!(err.problems()[0]
        .message
        .starts_with("unknown key \"Ctrl-Foo\""));
}

#[test]
fn every_problem_is_reported() {
    let text = "\
[global]
keymap = [
  { on = [\"q\"], run = \"frobnicate\" },
  { on = [\"Hyper-q\"], run = \"help\" },
  { on = [], run = \"quit\" },
]
";
    let err = check_str("three.toml", text).unwrap_err();
    assert_eq!(lines(&err), vec![3, 4, 5], "{err}");
    assert_eq!(err.to_string().lines().count(), 3);
    assert!(err.problems()[2].message.contains("has no keys"));
}

#[test]
fn structure_problems() {
    let text = "\
keymap = []
[lists]
keymap = [ { on = [\"q\"], run = \"quit\" } ]
[global]
keys = []
[help]
keymap = \"q\"
[list]
keymap = [ \"q\", { on = [\"k\"], run = \"up\", color = \"red\" }, { on = [\"j\"] }, { on = 1, run = \"down\" } ]
";
    let err = check_str("s.toml", text).unwrap_err();
    let problems: Vec<(usize, &str)> = err
        .problems()
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    let has = |line: usize, start: &str| {
        problems
            .iter()
            .any(|(l, m)| *l == line && m.starts_with(start))
    };
    assert!(has(1, "\"keymap\" must be a section"), "{problems:?}");
    assert!(has(2, "unknown context \"lists\""), "{problems:?}");
    assert!(has(4, "[global] has no keymap"), "{problems:?}");
    assert!(has(5, "unknown field \"keys\" in [global]"), "{problems:?}");
    assert!(has(7, "keymap in [help] must be an array"), "{problems:?}");
    assert!(has(9, "a keymap entry must be a table"), "{problems:?}");
    assert!(has(9, "unknown field \"color\""), "{problems:?}");
    assert!(has(9, "binding has no run"), "{problems:?}");
    assert!(has(9, "on must be a list of keys"), "{problems:?}");
    assert_eq!(problems.len(), 9, "{problems:?}");
}

#[test]
fn an_action_bound_twice_in_one_context() {
    let text = "[list]\nkeymap = [\n  { on = [\"k\"], run = \"up\" },\n  { on = [\"w\"], run = \"up\" },\n]\n";
    let err = check_str("twice.toml", text).unwrap_err();
    assert_eq!(lines(&err), vec![4]);
    assert!(err.problems()[0].message.contains("lines 3 and 4"));
}

#[test]
fn syntax_error_has_a_line() {
    let text = "[global]\nkeymap = [\n  { on = [\"q\"], run = \"quit\" },\n  { on = [\"?\"] run = \"help\" },\n]\n";
    let err = check_str("syntax.toml", text).unwrap_err();
    assert_eq!(lines(&err), vec![4], "{err}");
    assert!(err.problems()[0].message.starts_with("invalid TOML"));
    assert_eq!(err.to_string().lines().count(), 1, "{err}");
}

#[test]
fn odd_values_do_not_panic() {
    for text in [
        "",
        "[global]\nkeymap = [ { on = [\"q\"], run = 1979-05-27 } ]\n",
        "[global]\nkeymap = [ { on = [[\"q\"]], run = \"quit\" } ]\n",
        "[global.sub]\nkeymap = []\n",
        "[[global]]\nkeymap = []\n",
    ] {
        let _ = check_str("odd.toml", text);
    }
    let date = check_str(
        "odd.toml",
        "[global]\nkeymap = [ { on = [\"q\"], run = 1979-05-27 } ]\n",
    );
    let err = date.unwrap_err();
    assert_eq!(lines(&err), vec![2]);
    assert!(err.problems()[0].message.ends_with("not a date"), "{err}");
    let err = check_str("odd.toml", "[global.sub]\nkeymap = []\n").unwrap_err();
    assert!(
        err.problems()[0]
            .message
            .starts_with("unknown field \"sub\" in [global]"),
        "{err}"
    );
    assert!(check_str("empty.toml", "").is_ok());
    assert!(check_str("empty.toml", "# nothing\n").is_ok());
}

#[test]
fn load_specs() {
    assert_eq!(Keymap::load(None).unwrap(), Keymap::default());
    assert_eq!(Keymap::load(Some("default")).unwrap(), Keymap::default());
    assert_eq!(
        Keymap::load(Some("vim")).unwrap(),
        Keymap::preset("vim").unwrap()
    );
    let err = Keymap::load(Some("emacs")).unwrap_err();
    assert_eq!(lines(&err), vec![0]);
    assert_eq!(
        err.to_string(),
        "no keymap preset or file called emacs (presets: default, vim)"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "[global]\nkeymap = [ { on = [\"x\"], run = \"quit\" } ]\n",
    )
    .unwrap();
    let map = Keymap::load(Some(path.to_str().unwrap())).unwrap();
    assert_eq!(map.action(&[Context::Global], ch('x')), Some(Action::Quit));

    std::fs::write(
        &path,
        "[global]\nkeymap = [ { on = [\"x\"], run = \"qiut\" } ]\n",
    )
    .unwrap();
    let err = Keymap::load(Some(path.to_str().unwrap())).unwrap_err();
    assert!(err
        .to_string()
        .starts_with(&format!("{}:2: unknown action \"qiut\"", path.display())));
}

#[test]
fn unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.toml");
    let err = check_file(&path).unwrap_err();
    assert_eq!(lines(&err), vec![0]);
    let expected = format!("cannot read {}: ", path.display());
    assert!(err.problems()[0].message.starts_with(&expected), "{err}");
    assert!(err.to_string().starts_with(&expected));
}

#[test]
fn presets_are_valid_and_listed() {
    for name in Keymap::PRESETS {
        let source = Keymap::preset_source(name).unwrap();
        check_str(name, source).unwrap_or_else(|err| panic!("preset {name}:\n{err}"));
        assert!(Keymap::preset(name).is_some());
    }
    assert!(Keymap::preset("emacs").is_none());
    assert_eq!(Context::ALL.len(), 15);
    for context in Context::ALL {
        assert_eq!(Context::from_name(context.name()), Some(context));
    }
}
