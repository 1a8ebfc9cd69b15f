//! Atomic output: a report folder or corpus file appears complete or not at all.

use crate::error::ReportError;
use std::path::{Path, PathBuf};

/// A temporary folder beside the final report folder. Dropping it without [`Staging::commit`]
/// removes it, so a failed run leaves no half-written report.
pub struct Staging {
    dir: Option<tempfile::TempDir>,
    target: PathBuf,
}

impl Staging {
    /// Prepares to write the folder `target`, creating its parent if needed.
    pub fn new(target: &Path) -> Result<Self, ReportError> {
        let parent = parent_of(target);
        std::fs::create_dir_all(&parent).map_err(|e| ReportError::io(&parent, e))?;
        let dir = tempfile::Builder::new()
            .prefix(".slant-tmp-")
            .tempdir_in(&parent)
            .map_err(|e| ReportError::io(&parent, e))?;
        Ok(Staging {
            dir: Some(dir),
            target: target.to_path_buf(),
        })
    }

    /// The temporary folder to write into.
    pub fn path(&self) -> &Path {
        self.dir
            .as_ref()
            .map_or(self.target.as_path(), |d| d.path())
    }

    /// Moves the finished folder into place, replacing an older report at the target.
    pub fn commit(mut self) -> Result<PathBuf, ReportError> {
        let Some(dir) = self.dir.take() else {
            return Ok(self.target.clone());
        };
        let staged = dir.keep();
        if self.target.exists() {
            // Move the old report aside first so that the target is never half old, half new.
            let old = tempfile::Builder::new()
                .prefix(".slant-old-")
                .tempdir_in(parent_of(&self.target))
                .map_err(|e| ReportError::io(&self.target, e))?;
            let aside = old.path().join("old");
            std::fs::rename(&self.target, &aside).map_err(|e| ReportError::io(&self.target, e))?;
            if let Err(e) = std::fs::rename(&staged, &self.target) {
                let _ = std::fs::rename(&aside, &self.target);
                let _ = std::fs::remove_dir_all(&staged);
                return Err(ReportError::io(&self.target, e));
            }
        } else if let Err(e) = std::fs::rename(&staged, &self.target) {
            let _ = std::fs::remove_dir_all(&staged);
            return Err(ReportError::io(&self.target, e));
        }
        Ok(self.target.clone())
    }
}

/// Writes a single file atomically: `write` fills a temporary file beside `target`, which is
/// renamed over it only when `write` succeeds.
pub fn write_file_atomically<E: From<ReportError>>(
    target: &Path,
    write: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), E> {
    let parent = parent_of(target);
    std::fs::create_dir_all(&parent).map_err(|e| ReportError::io(&parent, e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".slant-tmp-")
        .suffix(
            &target
                .extension()
                .map(|e| format!(".{}", e.to_string_lossy()))
                .unwrap_or_default(),
        )
        .tempfile_in(&parent)
        .map_err(|e| ReportError::io(&parent, e))?;
    write(tmp.path())?;
    tmp.persist(target)
        .map_err(|e| ReportError::io(target, e.error))?;
    Ok(())
}

fn parent_of(p: &Path) -> PathBuf {
    match p.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_staging_leaves_nothing() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("report");
        {
            let s = Staging::new(&target).unwrap();
            std::fs::write(s.path().join("a.csv"), "x").unwrap();
        }
        assert!(!target.exists());
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 0);
    }

    #[test]
    fn commit_replaces_old_report() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("report");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("stale.csv"), "old").unwrap();
        let s = Staging::new(&target).unwrap();
        std::fs::write(s.path().join("new.csv"), "new").unwrap();
        s.commit().unwrap();
        assert!(target.join("new.csv").exists());
        assert!(!target.join("stale.csv").exists());
    }
}
