//! Imports that cannot leave bad or half data (issue 15): a contacts file with a control
//! character in a name is refused whole; an import killed halfway leaves nothing at `--db`.
//! The real binary on temp databases.

mod common {
    pub mod cli;
    pub mod pty;
}

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use common::cli::{command, fails, run_ok, Db};
use common::pty::{poll_until, TIMEOUT};

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
    // A line break in a name (Excel's Alt+Enter) is joined with a space, not refused.
    let text = "naam;telefoon\n\"Anna\nKok\";06-1\nPiet\u{1b}[2J;06-2\nRegel\u{7}een;06-3\n";
    let stderr = refused_into_the_demo("esc.csv", text);
    for expected in [
        "esc.csv:4: column 1 (\"naam\"): name of \"Piet^[[2J\" holds a control character (ESC)",
        "esc.csv:5: column 1 (\"naam\"): name of \"Regel^Geen\" holds a control character (BEL)",
    ] {
        assert!(stderr.contains(expected), "{expected}\nin\n{stderr}");
    }
    assert!(!stderr.contains("Anna"), "{stderr}");
}

/// Polls `done` until it gives something, or panics (after the pty tests' generous limit) saying
/// what was awaited.
fn poll<T>(what: &str, done: impl FnMut() -> Option<T>) -> T {
    poll_until(what, TIMEOUT, done, String::new)
}

/// The write end of the FIFO at `fifo` once a reader has opened it (opening it without a
/// reader fails, ENXIO, rather than blocking the test).
fn writer(fifo: &Path, child: &mut std::process::Child) -> File {
    use rustix::fs::{Mode, OFlags};
    poll("the import to open its file", || {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the import ended ({status}) before it was killed");
        }
        let fd = rustix::fs::open(fifo, OFlags::WRONLY | OFlags::NONBLOCK, Mode::empty()).ok()?;
        Some(File::from(fd))
    })
}

/// An import killed while it reads its file (fed through a FIFO, so it is surely halfway):
/// nothing at `--db`, only the sibling it built in; the next import into the same `--db`
/// succeeds and removes that sibling.
#[test]
fn an_import_killed_halfway_leaves_nothing_at_db() {
    let source = Db::demo(&[]);
    let export = serde_json::to_vec_pretty(&source.export()).unwrap();
    let db = Db::empty();
    let whole = db.file("export.json");
    std::fs::write(&whole, &export).unwrap();
    let fifo = db.file("slow.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {fifo:?}");
    let mut import = command(&["import", "--db", db.path(), fifo.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn signaal import");
    // The first look at the file (is it a backup?) reads two bytes.
    writer(&fifo, &mut import).write_all(b"{\n").unwrap();
    let sibling = PathBuf::from(format!("{}.import-{}", db.path(), import.id()));
    poll("the import's sibling directory", || {
        sibling.is_dir().then_some(())
    });
    // Then the import reads the file: half of it, and it waits for the rest.
    let mut half = writer(&fifo, &mut import);
    half.write_all(&export[..1000]).unwrap();
    // Only the process this test started, by its handle: SIGKILL.
    import.kill().unwrap();
    import.wait().unwrap();
    drop(half);
    assert!(!db.exists(), "a killed import leaves nothing at --db");
    assert!(
        sibling.is_dir(),
        "what it built stays beside --db until the next import"
    );

    run_ok(&["import", "--db", db.path(), whole.to_str().unwrap()]);
    run_ok(&["check", "--db", db.path()]);
    assert!(
        !sibling.exists(),
        "the next import removed the killed one's sibling"
    );
    assert_eq!(db.content()["children"], source.content()["children"]);
}

/// A refused import into `nest/a/b` leaves no `nest/a`; one into an empty directory leaves it
/// as it was, permissions and all.
#[test]
fn a_refused_import_leaves_no_directory_it_made_and_an_empty_one_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let db = Db::empty();
    let bad = db.file("bad.json");
    std::fs::write(&bad, br#"{"format": "signaal-export", "version": 99}"#).unwrap();
    let nest = db.file("nest");
    std::fs::create_dir(&nest).unwrap();
    let deep = nest.join("a").join("b");
    let out = command(&[
        "import",
        "--db",
        deep.to_str().unwrap(),
        bad.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    fails(&out, 1);
    assert!(!nest.join("a").exists(), "no nest/a left behind");
    let empty = db.file("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::set_permissions(&empty, std::fs::Permissions::from_mode(0o750)).unwrap();
    let out = command(&[
        "import",
        "--db",
        empty.to_str().unwrap(),
        bad.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    fails(&out, 1);
    let meta = std::fs::metadata(&empty).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o750);
    assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 0);
    let leftovers: Vec<_> = std::fs::read_dir(db.dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|name| name.to_string_lossy().contains(".import-"))
        .collect();
    assert_eq!(leftovers, Vec::<std::ffi::OsString>::new());
}

/// A database with nothing in it (sled's files only, as a TUI opened and closed leaves) is
/// replaced by the imported one; a refused import leaves it as it was.
#[test]
fn an_import_into_an_empty_database_replaces_it() {
    let source = Db::demo(&[]);
    let db = Db::empty();
    db.in_sled(|_| ());
    assert!(db.file("db").join("conf").exists(), "sled made a database");
    let bad = db.file("bad.json");
    std::fs::write(&bad, br#"{"format": "signaal-export", "version": 99}"#).unwrap();
    fails(
        &command(&["import", "--db", db.path(), bad.to_str().unwrap()])
            .output()
            .unwrap(),
        1,
    );
    assert!(
        db.file("db").join("conf").exists(),
        "the empty database stays"
    );
    let file = db.file("export.json");
    std::fs::write(&file, serde_json::to_vec(&source.export()).unwrap()).unwrap();
    run_ok(&["import", "--db", db.path(), file.to_str().unwrap()]);
    run_ok(&["check", "--db", db.path()]);
    assert_eq!(db.content()["staff"], source.content()["staff"]);
}

/// The demo's export as JSON text in ASCII (every other character a `?`: the file is refused
/// for its encoding before its content counts) with `extra` in front of the first last name.
fn export_with(extra: &str) -> String {
    let text = serde_json::to_string_pretty(&Db::demo(&[]).export()).unwrap();
    let ascii: String = text
        .chars()
        .map(|c| if c.is_ascii() { c } else { '?' })
        .collect();
    let at = "\"last_name\": \"";
    ascii.replacen(at, &format!("{at}{extra}"), 1)
}

/// `import` of `bytes` in `lang`: refused with exit 1 and nothing at `--db`; its stderr.
fn import_refused(bytes: &[u8], lang: &str) -> String {
    let db = Db::empty();
    let file = db.file("export.json");
    std::fs::write(&file, bytes).unwrap();
    let stderr = db.import_refused(lang, &file);
    assert!(!db.exists(), "nothing at --db");
    stderr.replace(file.to_str().unwrap(), "FILE")
}

#[test]
fn json_in_windows_1252_or_utf_16_is_named_as_such() {
    let text = export_with("Öztürk ");
    let (ansi, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    assert_eq!(
        import_refused(&ansi, "en"),
        "signaal: FILE is not UTF-8 (it looks like Windows-1252/ANSI): save it as UTF-8; \
         nothing was imported\n"
    );
    assert_eq!(
        import_refused(&ansi, "nl"),
        "signaal: FILE is geen UTF-8 (het lijkt Windows-1252/ANSI): sla het op als UTF-8; er \
         is niets geïmporteerd\n"
    );
    // Notepad's "Unicode": UTF-16 little endian with a byte order mark; and without one.
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let with_bom = [&[0xFF, 0xFE][..], &utf16].concat();
    for bytes in [with_bom, utf16] {
        assert_eq!(
            import_refused(&bytes, "en"),
            "signaal: FILE is UTF-16 (\"Unicode\"): save it as UTF-8; nothing was imported\n"
        );
    }
    assert_eq!(
        import_refused(&[0xFE, 0xFF, 0, b'{'], "nl"),
        "signaal: FILE is UTF-16 (\"Unicode\"): sla het op als UTF-8; er is niets geïmporteerd\n"
    );
}

/// Past the first 64 KiB the JSON reader meets the byte itself: the same message.
#[test]
fn json_in_windows_1252_is_named_as_such_far_into_the_file() {
    let text = export_with(&format!("{}Ö", "x".repeat(70_000)));
    let (ansi, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(
        std::str::from_utf8(&ansi[..65_536]).is_ok(),
        "the start is UTF-8"
    );
    assert_eq!(
        import_refused(&ansi, "en"),
        "signaal: FILE is not UTF-8 (it looks like Windows-1252/ANSI): save it as UTF-8; \
         nothing was imported\n"
    );
}
