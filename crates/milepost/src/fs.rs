//! Files the user keeps: written whole or not at all. The lowest layer with `format`, so
//! the journey file (journey/) and the exports (report/) both use it without one reaching
//! into the other.

use std::io::Write;
use std::path::Path;

/// Writes a file so that a reader never sees half of it: into a temporary file beside
/// it, flushed to disk, then renamed over the target. A folder that cannot be written to
/// fails with the path, and leaves any existing file as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> crate::Result<()> {
    let io = |source| crate::Error::Io {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    // A temporary file is private (0600); an exported file is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(io)?;
    }
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
