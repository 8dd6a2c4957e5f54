//! Imports that cannot leave bad or half data (issue 15): a contacts file with a control
//! character in a name is refused whole. The real binary on temp databases.

mod common {
    pub mod cli;
}

use common::cli::{fails, Db};

/// `contacts import` of `text` saved as `name` into the demo: refused with exit 1, every
/// problem's line in the message, and the directory exactly as before. Returns stderr.
fn refused_into_the_demo(name: &str, text: &str) -> String {
    let db = Db::demo(&[]);
    let before = db.content();
    let file = db.file(name);
    std::fs::write(&file, text).unwrap();
    let stderr = fails(&db.contacts(&["import", file.to_str().unwrap()]), 1);
    assert!(
        !stderr.contains('\u{1b}'),
        "no raw ESC to the terminal: {stderr}"
    );
    assert_eq!(db.content(), before, "the directory is unchanged");
    // Into no database at all: none is made.
    let fresh = Db::empty();
    let file = fresh.file(name);
    std::fs::write(&file, text).unwrap();
    fails(&fresh.contacts(&["import", file.to_str().unwrap()]), 1);
    assert!(!fresh.exists(), "a refused import makes no database");
    stderr
}

#[test]
fn a_vcard_with_a_control_character_in_a_name_is_refused_whole() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fine Card\r\nTEL:06-1\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan \u{1b}[31mRood\u{7} Arts\r\nTEL:06-2\r\n\
                END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ans\\nNieuwe regel\r\nEND:VCARD\r\n";
    let stderr = refused_into_the_demo("esc.vcf", text);
    assert!(
        stderr.contains(
            "esc.vcf:6: name of \"Jan ^[[31mRood^G Arts\" holds a control character (ESC)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("esc.vcf:11: name of \"Ans^JNieuwe regel\" holds a control character (LF)"),
        "{stderr}"
    );
}

#[test]
fn a_csv_file_with_a_control_character_in_a_name_is_refused_whole() {
    let text = "naam;telefoon\nAnna;06-1\nPiet\u{1b}[2J;06-2\n\"Regel\neen\";06-3\n";
    let stderr = refused_into_the_demo("esc.csv", text);
    for expected in [
        "esc.csv:3: column 1 (\"naam\"): name of \"Piet^[[2J\" holds a control character (ESC)",
        "esc.csv:4: column 1 (\"naam\"): name of \"Regel^Jeen\" holds a control character (LF)",
    ] {
        assert!(stderr.contains(expected), "{expected}\nin\n{stderr}");
    }
}
