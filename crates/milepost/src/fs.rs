//! Files the user keeps: written whole or not at all. The lowest layer with `format`, so
//! the journey file (journey/) and the exports (report/) both use it without one reaching
//! into the other.

use std::io::Write;
use std::path::Path;

/// What an existing path is, when it is not a regular file a document can replace.
fn not_a_document(path: &Path) -> Option<&'static str> {
    not_regular(std::fs::symlink_metadata(path).ok()?.file_type())
}

/// What a file of this type is, in words, unless it is a regular file.
pub fn not_regular(kind: std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_fifo() {
            return Some("a named pipe");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    if kind.is_symlink() {
        Some("a symbolic link")
    } else if kind.is_dir() {
        Some("a folder")
    } else if kind.is_file() {
        None
    } else {
        Some("not a regular file")
    }
}

/// The error for a file or folder that could not be written, saying why in words when
/// the reason is one a person can act on.
pub fn write_error(path: &Path, source: std::io::Error) -> crate::Error {
    use std::io::ErrorKind as K;
    let why = match source.kind() {
        K::PermissionDenied => "cannot be written to: it is yours to read only (permission denied)",
        K::ReadOnlyFilesystem => "cannot be written to: the disk is read-only",
        K::StorageFull | K::QuotaExceeded => "could not be written: the disk is full",
        _ => {
            return crate::Error::Io {
                path: path.to_owned(),
                source,
            };
        }
    };
    crate::Error::Io {
        path: path.to_owned(),
        source: std::io::Error::new(source.kind(), format!("{why}. Nothing was changed")),
    }
}

/// Writes a file so that a reader never sees half of it: into a temporary file beside
/// it, flushed to disk, then renamed over the target. A folder that cannot be written to
/// fails with the path, and leaves any existing file as it was. Only a regular file is
/// ever replaced: a device (`/dev/full`), a named pipe, a folder or a symbolic link at
/// the path is refused, untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> crate::Result<()> {
    let io = |source| crate::Error::Io {
        path: path.to_owned(),
        source,
    };
    if let Some(what) = not_a_document(path) {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("this is {what}, not a regular file; nothing was written (choose a file name)"),
        )));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Said of the folder, in plain words: never the temporary file's own name.
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
        io(match e.kind() {
            std::io::ErrorKind::NotFound => std::io::Error::new(
                e.kind(),
                format!(
                    "the folder {} does not exist; nothing was written",
                    dir.display()
                ),
            ),
            kind => std::io::Error::new(
                kind,
                format!(
                    "the folder {} cannot be written to ({kind}); nothing was written",
                    dir.display()
                ),
            ),
        })
    })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_regular_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.csv");
        write_atomic(&file, b"one").unwrap();
        write_atomic(&file, b"two").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"two");

        // A symbolic link is refused, and both it and its target stay as they were.
        let target = dir.path().join("target.txt");
        std::fs::write(&target, b"keep").unwrap();
        let link = dir.path().join("link.csv");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&target, &link).unwrap();
            let e = write_atomic(&link, b"x").unwrap_err().to_string();
            assert!(
                e.contains("link.csv") && e.contains("a symbolic link"),
                "{e}"
            );
            assert!(
                std::fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(std::fs::read(&target).unwrap(), b"keep");
        }

        // A folder, a named pipe and a device are refused.
        let e = write_atomic(dir.path(), b"x").unwrap_err().to_string();
        assert!(e.contains("a folder"), "{e}");
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe");
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap();
            assert!(made.success());
            let e = write_atomic(&fifo, b"x").unwrap_err().to_string();
            assert!(e.contains("a named pipe"), "{e}");
            // A device of its own (as /dev/null), where nodes can be made (root).
            let device = dir.path().join("null");
            let made = std::process::Command::new("mknod")
                .arg(&device)
                .args(["c", "1", "3"])
                .status()
                .is_ok_and(|s| s.success());
            if made {
                let e = write_atomic(&device, b"x").unwrap_err().to_string();
                assert!(e.contains("a device"), "{e}");
            }
        }
        // Nothing was left behind beside them.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(names.iter().all(|n| !n.starts_with(".tmp")), "{names:?}");
    }
}
