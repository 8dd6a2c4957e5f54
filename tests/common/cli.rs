//! Runs the real `signaal` binary as a plain process (no terminal), as a user runs a command such
//! as `demo`, `export`, `import`, `check` or `report`, and gives each test a database of its own in
//! a temp dir.
//!
//! A run has a deadline so that a hang fails the test instead of stalling it; the deadline is a
//! bound, never a timing.

// Each tests/*.rs is a crate of its own and uses only some of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

/// How long `run` lets a command take before the test fails: long (three times the pty
/// harness's `TIMEOUT`), because CI machines are small and busy.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// The config directory the binary is given (`XDG_CONFIG_HOME`) so that the developer's own
/// config file plays no part: a folder that does not exist, so there is no default config file.
pub const NO_CONFIG_HOME: &str = "/nonexistent/signaal-tests-config";

/// The binary as a plain process: English (`LANG=C.UTF-8`), none of the developer's
/// `SIGNAAL_DB`, config file (see `NO_CONFIG_HOME`), `LC_ALL`, `LC_MESSAGES`, `NO_COLOR` or
/// `RUST_BACKTRACE`, no stdin, in the system temp dir.
pub fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_signaal"));
    cmd.args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("SIGNAAL_DB")
        .env_remove("SIGNAAL_CONFIG")
        .env_remove("SIGNAAL_BACKUP_DIR")
        .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
        .env_remove("NO_COLOR")
        .env_remove("RUST_BACKTRACE")
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null());
    cmd
}

/// Runs `cmd` (started with `args`) to the end with its output captured; also returns how long it
/// took. Panics if it is still running after `deadline`.
fn finish(mut cmd: Command, args: &[&str], deadline: Duration) -> (Output, Duration) {
    cmd.stdout(Stdio::piped());
    finish_with(cmd, args, deadline, |_| {})
}

/// `finish` with stdout as `cmd` has it, and `started` done to the child first.
fn finish_with(
    mut cmd: Command,
    args: &[&str],
    deadline: Duration,
    started: impl FnOnce(&mut std::process::Child),
) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = cmd.stderr(Stdio::piped()).spawn().expect("spawn signaal");
    started(&mut child);
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(deadline) {
        Ok(out) => (out.expect("wait for signaal"), start.elapsed()),
        Err(_) => {
            // Only the process this helper started, by its id.
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("signaal {args:?} still runs after {deadline:?}");
        }
    }
}

/// Runs `signaal ARGS` (see `command`) to the end; also returns how long it took. Panics if it is
/// still running after `deadline`.
pub fn run_within(args: &[&str], deadline: Duration) -> (Output, Duration) {
    finish(command(args), args, deadline)
}

/// Runs `signaal ARGS` (see `command`) to the end, within `DEADLINE`.
pub fn run(args: &[&str]) -> Output {
    run_within(args, DEADLINE).0
}

/// Runs `signaal ARGS` with a stdout nobody reads: the pipe is closed as soon as it starts, as
/// `| head -0` does. Its stdout in the output is empty.
pub fn run_into_closed_pipe(args: &[&str]) -> Output {
    let mut cmd = command(args);
    cmd.stdout(Stdio::piped());
    finish_with(cmd, args, DEADLINE, |child| drop(child.stdout.take())).0
}

/// Runs `signaal ARGS` with its stdout on /dev/full: every write fails as on a full disk.
pub fn run_into_full_disk(args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    run_into(args, full)
}

/// Runs `signaal ARGS` with its stdout going to `stdout` (a file, as `signaal > file` does); its
/// stdout in the output is empty.
pub fn run_into(args: &[&str], stdout: impl Into<Stdio>) -> Output {
    let mut cmd = command(args);
    cmd.stdout(stdout);
    finish_with(cmd, args, DEADLINE, |_| {}).0
}

/// `run` with `LANG=lang` instead of English, for what the language of the environment decides.
pub fn run_with_lang(args: &[&str], lang: &str) -> Output {
    run_with_env(args, &[("LANG", lang)])
}

/// `run` with the environment variables `env` set (over those `command` sets).
pub fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    run_with_env_within(args, env, DEADLINE)
}

/// `run_with_env` with a deadline of its own, for a command that runs long (`bench`).
pub fn run_with_env_within(args: &[&str], env: &[(&str, &str)], deadline: Duration) -> Output {
    let mut cmd = command(args);
    cmd.envs(env.iter().copied());
    finish(cmd, args, deadline).0
}

/// Runs `signaal ARGS`, which must succeed.
pub fn run_ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(
        out.status.success(),
        "expected success: {}",
        describe(args, &out)
    );
    out
}

/// Runs `signaal ARGS`, which must fail (any non-zero exit) without panicking.
pub fn run_fails(args: &[&str]) -> Output {
    let out = run(args);
    assert!(
        !out.status.success(),
        "expected failure: {}",
        describe(args, &out)
    );
    assert_no_panic(&out, &describe(args, &out));
    out
}

/// Checks that a run succeeded; returns its stdout.
pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "expected success: {}",
        describe_output(out)
    );
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// Checks that a run ended with exit code `code` without panicking; returns its stderr.
pub fn fails(out: &Output, code: i32) -> String {
    assert_eq!(
        out.status.code(),
        Some(code),
        "expected exit code {code}: {}",
        describe_output(out)
    );
    assert_no_panic(out, &describe_output(out));
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Bad input must be refused with a message, never with a panic.
fn assert_no_panic(out: &Output, described: &str) {
    let stderr = stderr(out);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "bad input must not panic: {described}"
    );
}

/// The stderr of a run, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What a run with `args` did (exit status, stdout, stderr), for failure messages.
pub fn describe(args: &[&str], out: &Output) -> String {
    format!("signaal {args:?}: {}", describe_output(out))
}

/// The exit status, stdout and stderr of a run, for failure messages.
fn describe_output(out: &Output) -> String {
    format!(
        "{}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A temporary directory holding a database directory `db` (made by the first command that
/// writes to it), with room for other files next to it.
pub struct Db {
    dir: TempDir,
    path: PathBuf,
}

impl Db {
    /// No database yet: `db` does not exist until a command creates it.
    pub fn empty() -> Db {
        let dir = TempDir::new().expect("temp dir");
        let path = dir.path().join("db");
        Db { dir, path }
    }

    /// A database filled by `signaal demo` with `extra` arguments (none: the default demo).
    pub fn demo(extra: &[&str]) -> Db {
        let db = Db::empty();
        let mut args = vec!["demo", "--db", db.path()];
        args.extend_from_slice(extra);
        run_ok(&args);
        db
    }

    /// A database holding `export`, loaded with `signaal import` and passing `signaal check`.
    pub fn import(export: &Value) -> Db {
        let db = Db::empty();
        let file = db.file("export.json");
        std::fs::write(&file, serde_json::to_vec_pretty(export).unwrap()).unwrap();
        run_ok(&["import", "--db", db.path(), file.to_str().unwrap()]);
        run_ok(&["check", "--db", db.path()]);
        db
    }

    /// The database directory, as `--db` takes it.
    pub fn path(&self) -> &str {
        self.path.to_str().expect("utf-8 temp path")
    }

    /// Whether the database directory exists (a command that fails must not create one).
    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// The temp dir the database directory is in.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A file in the temp dir, next to the database directory.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `signaal export` of the database, parsed.
    /// Runs `change` on the database opened with sled directly, as someone with the files
    /// would (no signaal involved), then flushes, closes and waits until sled has let go of
    /// it, so that the next command finds it free rather than "in use by another signaal".
    pub fn in_sled<T>(&self, change: impl FnOnce(&sled::Db) -> T) -> T {
        let sled = sled::open(self.path()).expect("open the database with sled");
        let done = change(&sled);
        sled.flush().expect("flush");
        drop(sled);
        signaal::store::Store::wait_released(Path::new(self.path()))
            .expect("sled lets go of the database");
        done
    }

    pub fn export(&self) -> Value {
        let args = ["export", "--db", self.path()];
        let out = run_ok(&args);
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("export is not JSON ({e}): {}", describe(&args, &out)))
    }

    /// The export without its time of writing: equal before and after means nothing changed.
    pub fn content(&self) -> Value {
        without_exported_at(self.export())
    }

    /// `signaal report --db DB ARGS...`, run to the end whatever its exit code.
    pub fn report(&self, args: &[&str]) -> Output {
        let mut all = vec!["report", "--db", self.path()];
        all.extend_from_slice(args);
        run(&all)
    }

    /// `signaal --lang LANG import --db DB FILE`, which must be refused with exit code 1: its
    /// stderr.
    pub fn import_refused(&self, lang: &str, file: &Path) -> String {
        let file = file.to_str().unwrap();
        fails(
            &run(&["--lang", lang, "import", "--db", self.path(), file]),
            1,
        )
    }

    /// `signaal contacts --db DB ARGS...`, run to the end whatever its exit code.
    pub fn contacts(&self, args: &[&str]) -> Output {
        let mut all = vec!["contacts", "--db", self.path()];
        all.extend_from_slice(args);
        run(&all)
    }
}

/// Recomputes the hash chain of `export`'s audit trail, as signaal would have written it: for a
/// test that crafts audit entries by hand and means them to be taken as real.
pub fn seal_audit(export: &mut Value) {
    let mut trail: Vec<signaal::domain::AuditEntry> =
        serde_json::from_value(export["audit"].take()).expect("audit entries");
    signaal::domain::audit::seal_all(&mut trail);
    export["audit"] = serde_json::to_value(trail).unwrap();
}

/// An export without its time of writing, so that two exports of the same data are equal.
pub fn without_exported_at(mut export: Value) -> Value {
    export
        .as_object_mut()
        .expect("export is an object")
        .remove("exported_at");
    export
}
