//! Directories for private files (backups, reports from the TUI): children's data on a shared
//! terminal. A directory signaal makes is its owner's only; one it finds in place is used only
//! when it is a real directory of the same user, and then made owner-only. Anyone else's
//! directory, or a symbolic link put at its name, could hand the files to someone else.
//!
//! The files themselves are never opened through a name that may already exist: see
//! `file::create_private` and the temporary file that is renamed into place (`file::atomically`).

use std::io;
use std::path::Path;

/// Why a directory found where private files go is not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UnsafeDir {
    /// Its name is a symbolic link: where it points may be anyone's.
    #[error("it is a symbolic link; name the directory it points to instead")]
    Symlink,
    /// Something other than a directory is at its name.
    #[error("it is not a directory")]
    NotADirectory,
    /// It belongs to another user (their numeric user id), who can read what is put in it.
    #[error("it belongs to another user (user id {owner})")]
    Foreign { owner: u32 },
}

/// What to do with what is found at a private directory's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A directory of ours, for us only already.
    Use,
    /// A directory of ours that others may enter or read: made 0700 first.
    Tighten,
    /// Not to be used at all.
    Refuse(UnsafeDir),
}

/// What is found at a private directory's name, as `lstat` says it (a symbolic link is not
/// followed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub symlink: bool,
    pub dir: bool,
    /// The owner's numeric user id.
    pub owner: u32,
    /// The permission bits (`st_mode`; only the lowest 9 bits count).
    pub mode: u32,
}

/// The decision on `found`, for the user `me` (a numeric user id): a symbolic link, something
/// not a directory or another user's directory is refused; a directory of ours with any group
/// or other permission is tightened.
pub fn judge(found: Found, me: u32) -> Verdict {
    if found.symlink {
        Verdict::Refuse(UnsafeDir::Symlink)
    } else if !found.dir {
        Verdict::Refuse(UnsafeDir::NotADirectory)
    } else if found.owner != me {
        Verdict::Refuse(UnsafeDir::Foreign { owner: found.owner })
    } else if found.mode & 0o077 != 0 {
        Verdict::Tighten
    } else {
        Verdict::Use
    }
}

/// Makes `dir` (and what is missing above it) for its owner only, or checks the one found there
/// ([`judge`]) and makes it owner-only (0700).
///
/// # Errors
/// When it cannot be made or tightened, and when it is refused: then an error of kind
/// `PermissionDenied` that carries the [`UnsafeDir`] (`get_ref` and `downcast_ref` find it).
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => builder.create(dir)?,
        Err(e) => return Err(e),
        Ok(_) => {}
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // Checked after making it too: something may have been put there in between.
        let meta = std::fs::symlink_metadata(dir)?;
        let found = Found {
            symlink: meta.file_type().is_symlink(),
            dir: meta.is_dir(),
            owner: meta.uid(),
            mode: meta.mode(),
        };
        match judge(found, rustix::process::getuid().as_raw()) {
            Verdict::Use => {}
            Verdict::Tighten => {
                std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
            }
            Verdict::Refuse(why) => {
                return Err(io::Error::new(io::ErrorKind::PermissionDenied, why))
            }
        }
    }
    Ok(())
}

/// The [`UnsafeDir`] an error of [`create_private_dir`] carries, if it is a refusal.
pub fn unsafe_dir(error: &io::Error) -> Option<UnsafeDir> {
    error.get_ref()?.downcast_ref::<UnsafeDir>().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ME: u32 = 1000;

    fn dir(owner: u32, mode: u32) -> Found {
        Found {
            symlink: false,
            dir: true,
            owner,
            mode: 0o040000 | mode,
        }
    }

    #[test]
    fn only_a_real_directory_of_ours_is_used_and_made_owner_only() {
        assert_eq!(judge(dir(ME, 0o700), ME), Verdict::Use);
        for open in [0o777, 0o750, 0o701, 0o710] {
            assert_eq!(judge(dir(ME, open), ME), Verdict::Tighten, "{open:o}");
        }
        // Someone else's, root's included, however closed.
        for owner in [0, 1001] {
            assert_eq!(
                judge(dir(owner, 0o700), ME),
                Verdict::Refuse(UnsafeDir::Foreign { owner })
            );
        }
        let link = Found {
            symlink: true,
            dir: false,
            ..dir(ME, 0o777)
        };
        assert_eq!(judge(link, ME), Verdict::Refuse(UnsafeDir::Symlink));
        let file = Found {
            dir: false,
            ..dir(ME, 0o600)
        };
        assert_eq!(judge(file, ME), Verdict::Refuse(UnsafeDir::NotADirectory));
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_open_to_others_is_tightened_and_a_symlink_refused() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;

        let open = tmp.path().join("open");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
        create_private_dir(&open).unwrap();
        assert_eq!(mode(&open), 0o700);

        let made = tmp.path().join("a/b");
        create_private_dir(&made).unwrap();
        assert_eq!(mode(&made), 0o700);

        let elsewhere = tmp.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o777)).unwrap();
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        let refused = create_private_dir(&link).unwrap_err();
        assert_eq!(unsafe_dir(&refused), Some(UnsafeDir::Symlink));
        assert_eq!(mode(&elsewhere), 0o777, "where it points is left alone");

        let file = tmp.path().join("file");
        std::fs::write(&file, "").unwrap();
        let refused = create_private_dir(&file).unwrap_err();
        assert_eq!(unsafe_dir(&refused), Some(UnsafeDir::NotADirectory));
    }
}
