//! A scratch directory for one test process, removed when dropped.

use std::fs;
use std::path::PathBuf;

pub struct Scratch(pub PathBuf);

impl Scratch {
    /// A fresh, empty directory named after `name` and this process.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("vnextract-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
