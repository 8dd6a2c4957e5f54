//! Opening the database: directory permissions, the lock held by another process, damaged files,
//! and the schema version.

use std::path::Path;

use super::{schema, Result, Store, StoreError};

pub fn open(dir: &Path) -> Result<Store> {
    if dir.exists() && !dir.is_dir() {
        return Err(cannot_open(dir, "it is a file, not a directory".into()));
    }
    create_private_dir(dir).map_err(|e| cannot_open(dir, e.to_string()))?;

    let db = open_sled(dir)?;
    let tree = |name: &str| db.open_tree(name);
    let store = Store {
        path: dir.to_path_buf(),
        meta: tree("meta")?,
        groups: tree("groups")?,
        children: tree("children")?,
        child_group: tree("child_group")?,
        staff: tree("staff")?,
        audit: tree("audit")?,
        observations: tree("observations")?,
        form_templates: tree("form_templates")?,
        trajectories: tree("trajectories")?,
        plan_templates: tree("plan_templates")?,
        contacts: tree("contacts")?,
        visits: tree("visits")?,
        db,
    };
    schema::ensure_current(&store)?;
    Ok(store)
}

/// Children's data is sensitive: the directory is readable by its owner only.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

const DAMAGED: &str = "its files are damaged; restore a backup or an export";

fn cannot_open(dir: &Path, detail: String) -> StoreError {
    StoreError::CannotOpen {
        path: dir.to_path_buf(),
        detail,
    }
}

/// sled reports a lock held by another process as an `Other` I/O error whose text carries
/// "could not acquire lock" (from the underlying `WouldBlock`), and it can panic on files it cannot
/// parse; both become errors a user can act on.
fn open_sled(dir: &Path) -> Result<sled::Db> {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let opened = std::panic::catch_unwind(|| sled::Config::new().path(dir).open());
    std::panic::set_hook(previous_hook);

    match opened {
        Ok(Ok(db)) => Ok(db),
        Ok(Err(sled::Error::Io(e)))
            if e.kind() == std::io::ErrorKind::WouldBlock
                || e.to_string().contains("could not acquire lock") =>
        {
            Err(StoreError::InUse(dir.to_path_buf()))
        }
        Ok(Err(sled::Error::Io(e))) => Err(cannot_open(dir, e.to_string())),
        Ok(Err(sled::Error::Corruption { .. })) | Err(_) => Err(cannot_open(dir, DAMAGED.into())),
        Ok(Err(e)) => Err(cannot_open(dir, e.to_string())),
    }
}
