//! A small harness that runs the real `signaal` binary in a pseudo-terminal and reads its screen
//! through a vt100 emulator, so end-to-end tests can check what a user would see.
//!
//! Everything here waits for a state (text on the screen, the process ending) with a generous
//! timeout and never asserts on how long something took: CI machines are small and busy.
//!
//! The screen is looked at only between frames. signaal wraps each frame in a synchronized update
//! (DEC mode 2026: `ESC [ ? 2026 h` ... `ESC [ ? 2026 l`), which a real terminal shows at once; the
//! emulator here is fed the output up to the end of the last whole frame, and the rest waits for
//! the end of its frame (or for the end of the output), so no look ever sees half a frame.

// Each tests/*.rs is a crate of its own and uses only some of these helpers.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

/// How long a wait lasts before it gives up: long, because this is a bound, not a timing. A
/// passing test never waits it out; 10 s proved too short once, with every test binary running
/// beside a release build on 2 cores.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// How often [`poll_until`] looks again at a state outside the terminal (a file), which sends no
/// word when it changes. Waits for the screen or the process need no interval: the reader thread
/// wakes them as soon as output comes.
const POLL: Duration = Duration::from_millis(20);

/// How far the reader thread has got: bytes read so far, and whether the output has ended (the
/// child closed the terminal). Waits sleep on [`ReadState::changed`] until this moves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Progress {
    bytes: usize,
    eof: bool,
}

/// [`Progress`], and the condition variable the reader thread signals whenever it changes.
#[derive(Default)]
struct ReadState {
    progress: Mutex<Progress>,
    changed: Condvar,
}

/// The end of a synchronized update: the end of a frame.
pub const FRAME_END: &[u8] = b"\x1b[?2026l";

/// Where the last [`FRAME_END`] in `bytes` ends, if there is one.
pub fn after_last_frame(bytes: &[u8]) -> Option<usize> {
    rfind(bytes, FRAME_END).map(|at| at + FRAME_END.len())
}

/// Where the last `needle` in `haystack` starts.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The path of the binary under test (built by cargo for integration tests).
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_signaal")
}

/// How to start the binary.
#[derive(Clone, Debug)]
pub struct Options {
    pub rows: u16,
    pub cols: u16,
    /// Set `NO_COLOR=1` in the child's environment.
    pub no_color: bool,
    /// Extra environment variables for the child.
    pub env: Vec<(String, String)>,
    /// Working directory of the child (defaults to the system temp dir).
    pub cwd: Option<std::path::PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rows: 24,
            cols: 80,
            no_color: false,
            env: Vec::new(),
            cwd: None,
        }
    }
}

/// The binary running in a pseudo-terminal, with the screen it draws.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    /// How far the reader thread has got (bytes read, end of output), with a wake-up for waits.
    read: Arc<ReadState>,
    /// Every byte the child wrote so far, whole frames or not.
    output: Arc<Mutex<Vec<u8>>>,
    size: (u16, u16),
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// Set once the child has been reaped: its exit code (a signal counts as non-zero).
    exited: Option<u32>,
    args: Vec<String>,
}

/// Waits until `done` holds, looking again every [`POLL`], for at most `limit`; panics naming
/// `what` (and what `state` says then) when it does not come. For states outside the screen,
/// such as a backup file that should appear.
pub fn poll_until<T>(
    what: &str,
    limit: Duration,
    mut done: impl FnMut() -> Option<T>,
    state: impl Fn() -> String,
) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = done() {
            return found;
        }
        assert!(
            start.elapsed() < limit,
            "waiting for {what}: not there after {limit:?}: {}",
            state()
        );
        thread::sleep(POLL);
    }
}

/// The bytes a key name sends, as a terminal in normal (non-application) cursor mode would.
pub fn key_bytes(name: &str) -> &'static str {
    match name {
        "Enter" => "\r",
        "Esc" => "\x1b",
        "Tab" => "\t",
        "BackTab" | "Shift-Tab" => "\x1b[Z",
        "Backspace" => "\x7f",
        "Up" => "\x1b[A",
        "Down" => "\x1b[B",
        "Right" => "\x1b[C",
        "Left" => "\x1b[D",
        "Home" => "\x1b[H",
        "End" => "\x1b[F",
        "PageUp" => "\x1b[5~",
        "PageDown" => "\x1b[6~",
        "Delete" => "\x1b[3~",
        "Space" => " ",
        "F1" => "\x1bOP",
        "Ctrl-L" => "\x0c",
        "Ctrl-C" => "\x03",
        other => panic!("pty harness: unknown key name {other:?}"),
    }
}

impl Tui {
    /// Starts `signaal ARGS` in an 80x24 pseudo-terminal.
    pub fn spawn(args: &[&str]) -> Tui {
        Tui::spawn_with(args, Options::default())
    }

    pub fn spawn_with(args: &[&str], opts: Options) -> Tui {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: opts.rows,
                cols: opts.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");

        let mut cmd = CommandBuilder::new(bin());
        cmd.args(args);
        // An xterm whose terminfo entry has no REP (rep): the vt100 emulator reading the screen
        // has none either, and signaal writes REP where $TERM's entry has it (tui::caps).
        cmd.env("TERM", "xterm-color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("SIGNAAL_DB");
        cmd.env_remove("SIGNAAL_CONFIG");
        cmd.env("XDG_CONFIG_HOME", super::cli::NO_CONFIG_HOME);
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("RUST_BACKTRACE");
        if opts.no_color {
            cmd.env("NO_COLOR", "1");
        }
        for (k, v) in &opts.env {
            cmd.env(k, v);
        }
        let cwd = opts.cwd.clone().unwrap_or_else(std::env::temp_dir);
        cmd.cwd(cwd);

        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("spawn signaal in the pty");
        // Only the child keeps the slave side open, so the reader sees EOF when it ends.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(opts.rows, opts.cols, 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let read = Arc::new(ReadState::default());
        let output = Arc::new(Mutex::new(Vec::new()));
        {
            let parser = Arc::clone(&parser);
            let read = Arc::clone(&read);
            let output = Arc::clone(&output);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                // Output of a frame whose end has not come yet.
                let mut pending = Vec::new();
                loop {
                    let n = match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    output.lock().unwrap().extend_from_slice(&buf[..n]);
                    pending.extend_from_slice(&buf[..n]);
                    if let Some(end) = after_last_frame(&pending) {
                        parser.lock().unwrap().process(&pending[..end]);
                        pending.drain(..end);
                    }
                    // Signalled after the screen took the frame, so a woken wait sees it.
                    read.progress.lock().unwrap().bytes += n;
                    read.changed.notify_all();
                }
                // What came after the last frame (leaving the screen, a message) is whole now.
                parser.lock().unwrap().process(&pending);
                read.progress.lock().unwrap().eof = true;
                read.changed.notify_all();
            });
        }

        Tui {
            parser,
            read,
            output,
            size: (opts.rows, opts.cols),
            master: pair.master,
            writer,
            child,
            exited: None,
            args: args.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Types text (each character becomes a key press in the app).
    pub fn send(&mut self, text: &str) {
        self.writer
            .write_all(text.as_bytes())
            .and_then(|_| self.writer.flush())
            .unwrap_or_else(|e| panic!("write to the pty of {:?}: {e}", self.args));
    }

    /// Presses a named key ("Enter", "Esc", "Up", "Down", "Tab", "Backspace", "Ctrl-L", ...).
    ///
    /// Esc is a lone byte that the terminal library has to tell apart from the start of an escape
    /// sequence: after `key("Esc")` wait for its effect before sending anything else.
    pub fn key(&mut self, name: &str) {
        self.send(key_bytes(name));
    }

    /// The text on the screen now, rows separated by newlines, trailing blanks trimmed.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until `pred` holds for the screen; returns that screen, or an error that shows the
    /// last screen.
    pub fn wait_until(
        &mut self,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&str) -> bool,
    ) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        loop {
            // Taken before the look, so output that comes after it wakes the wait below.
            let seen = self.progress();
            let screen = self.screen();
            if pred(&screen) {
                return Ok(screen);
            }
            if let Some(code) = self.poll_exit() {
                // One last look once the output written before the exit has been read.
                self.wait_eof(Duration::from_secs(2));
                let screen = self.screen();
                if pred(&screen) {
                    return Ok(screen);
                }
                return Err(format!(
                    "waiting for {what}: signaal {:?} exited with code {code}; last screen:\n{}",
                    self.args,
                    framed(&screen)
                ));
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "waiting for {what}: not there after {:?}; last screen:\n{}",
                    timeout,
                    framed(&screen)
                ));
            }
            self.wait_past(seen, deadline);
        }
    }

    /// How far the reader thread has got now.
    fn progress(&self) -> Progress {
        *self.read.progress.lock().unwrap()
    }

    /// Sleeps until the reader thread gets past `seen` (more output, or its end), at most until
    /// `deadline`; the progress then.
    fn wait_past(&self, seen: Progress, deadline: Instant) -> Progress {
        let guard = self.read.progress.lock().unwrap();
        let wait = deadline.saturating_duration_since(Instant::now());
        let (guard, _) = self
            .read
            .changed
            .wait_timeout_while(guard, wait, |now| *now == seen)
            .unwrap();
        *guard
    }

    /// Whether the app writes anything to the terminal within `limit` after its first `after`
    /// bytes: false when it stays silent that long (the wait ends early at any output).
    pub fn writes_within(&self, after: usize, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        let seen = Progress {
            bytes: after,
            eof: false,
        };
        self.wait_past(seen, deadline).bytes > after
    }

    /// How many bytes the app has written to the terminal so far (whole frames or not).
    pub fn bytes_written(&self) -> usize {
        self.progress().bytes
    }

    /// Every byte the app has written to the terminal so far.
    pub fn output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// The screen an emulator of this terminal's size shows after `bytes`, as `screen` gives it.
    pub fn screen_after(&self, bytes: &[u8]) -> String {
        let mut parser = vt100::Parser::new(self.size.0, self.size.1, 0);
        parser.process(bytes);
        parser.screen().contents()
    }

    /// The terminal's settings now (`stty -a` of the pty), to see whether raw mode was left.
    pub fn stty(&self) -> String {
        let tty = self.master.tty_name().expect("the pty's device name");
        let out = std::process::Command::new("stty")
            .arg("-F")
            .arg(&tty)
            .arg("-a")
            .output()
            .expect("run stty");
        assert!(out.status.success(), "stty -F {tty:?} -a: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs `f` on the emulated screen (cell colours and attributes, cursor, ...).
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(self.parser.lock().unwrap().screen())
    }

    /// Waits until the screen differs from `before` (after a key whose effect has no fixed text).
    pub fn wait_change(&mut self, before: &str, timeout: Duration) -> Result<String, String> {
        let before = before.to_string();
        self.wait_until("the screen to change", timeout, move |s| s != before)
    }

    /// Waits (at most `timeout`) until everything the child wrote has been read; true if so.
    pub fn wait_eof(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            let seen = self.progress();
            if seen.eof {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            self.wait_past(seen, deadline);
        }
    }

    /// Waits until `text` is on the screen.
    pub fn wait_for(&mut self, text: &str, timeout: Duration) -> Result<String, String> {
        self.wait_until(&format!("{text:?} on the screen"), timeout, |s| {
            s.contains(text)
        })
    }

    /// Waits until `text` is no longer on the screen.
    pub fn wait_gone(&mut self, text: &str, timeout: Duration) -> Result<String, String> {
        self.wait_until(&format!("{text:?} to disappear"), timeout, |s| {
            !s.contains(text)
        })
    }

    /// `wait_for` with the default timeout that panics with the screen on failure.
    pub fn expect(&mut self, text: &str) -> String {
        match self.wait_for(text, TIMEOUT) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    /// `wait_until` with the default timeout that panics with the screen on failure.
    pub fn expect_until(&mut self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        match self.wait_until(what, TIMEOUT, pred) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    /// `wait_gone` with the default timeout that panics with the screen on failure.
    pub fn expect_gone(&mut self, text: &str) -> String {
        match self.wait_gone(text, TIMEOUT) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    /// Resizes the terminal (the child gets SIGWINCH) and the emulated screen.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        // Emulator first, so what the app draws for the new size lands on a grid of that size.
        self.parser.lock().unwrap().set_size(rows, cols);
        self.size = (rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// The process id, to send it a signal (such as SIGTERM).
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Kills the process with SIGKILL (no chance to clean up) and reaps it.
    pub fn kill(&mut self) {
        if self.poll_exit().is_none() {
            // Not `Child::kill`: portable-pty sends SIGHUP first and waits, and signaal takes
            // SIGHUP as a request to stop, which it answers with a backup on the way out.
            match self.pid() {
                // Only the process this harness started, by its id.
                Some(pid) => {
                    let _ = std::process::Command::new("kill")
                        .args(["-KILL", &pid.to_string()])
                        .status();
                }
                None => {
                    let _ = self.child.kill();
                }
            }
            if let Ok(status) = self.child.wait() {
                self.exited = Some(status.exit_code().max(1));
            } else {
                self.exited = Some(u32::MAX);
            }
        }
    }

    /// Whether the process is still running.
    pub fn is_alive(&mut self) -> bool {
        self.poll_exit().is_none()
    }

    /// Waits for the process to end by itself; its exit code, or None if it still runs.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<u32> {
        // The end of the output is the child closing the terminal: it is ending.
        self.wait_eof(timeout);
        self.poll_exit()
    }

    /// `wait_exit` with the default timeout that panics (showing the screen) if it still runs.
    pub fn expect_exit(&mut self) -> u32 {
        match self.wait_exit(TIMEOUT) {
            Some(code) => code,
            None => panic!(
                "signaal {:?} still runs after {:?}; screen:\n{}",
                self.args,
                TIMEOUT,
                framed(&self.screen())
            ),
        }
    }

    /// The exit code once the child has ended. After the end of its output it is reaped (waited
    /// for): having closed the terminal, it is ending, and a wait must not spin until it is gone.
    fn poll_exit(&mut self) -> Option<u32> {
        if self.exited.is_none() {
            let status = match self.progress().eof {
                true => self.child.wait().ok(),
                false => self.child.try_wait().ok().flatten(),
            };
            self.exited = status.map(|s| s.exit_code());
        }
        self.exited
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The screen between two rulers, for failure messages.
pub fn framed(screen: &str) -> String {
    format!("{0}\n{screen}\n{0}", "-".repeat(40))
}

/// The lines of the screen that contain `needle`.
pub fn lines_with<'a>(screen: &'a str, needle: &str) -> Vec<&'a str> {
    screen.lines().filter(|l| l.contains(needle)).collect()
}

/// Writes `text` to `dir/name` and returns the path.
pub fn write_file(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a test file");
    path
}
