//! The Python tools some tests read signaal's files with (khard, vobject, Python-Markdown), from
//! a virtual environment: `$SIGNAAL_PYTOOLS`, else `target/pytools` (`.ci/run` makes it with
//! `python3 -m venv` and `pip install khard vobject markdown`). A test that cannot have them
//! says why on stderr and passes without reading.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The virtual environment's directory, whether or not it exists.
pub fn dir() -> PathBuf {
    std::env::var_os("SIGNAAL_PYTOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pytools"))
}

/// The first Python that imports every one of `modules`: the environment's, else the system's
/// `python3`; or why there is none, with the command that makes the environment.
pub fn python(modules: &[&str]) -> Result<PathBuf, String> {
    let import = format!("import {}", modules.join(", "));
    let candidates = [dir().join("bin/python"), PathBuf::from("python3")];
    candidates
        .into_iter()
        .find(|python| {
            Command::new(python)
                .args(["-c", &import])
                .output()
                .is_ok_and(|out| out.status.success())
        })
        .ok_or_else(|| {
            format!(
                "neither {} nor python3 can `{import}` (python3 -m venv {1}; {1}/bin/pip install \
                 khard vobject markdown)",
                dir().join("bin/python").display(),
                dir().display()
            )
        })
}
