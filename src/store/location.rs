//! Where the data directory is: `--data-dir`, else `SRE_PREP_DATA_DIR`, else
//! the platform's data directory for sre-prep (`~/.local/share/sre-prep` on Linux).

use std::path::PathBuf;

use anyhow::{Context, Result};

pub const DATA_DIR_ENV: &str = "SRE_PREP_DATA_DIR";

pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "sre-prep")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .context("could not find a home directory for the data: pass --data-dir DIR or set SRE_PREP_DATA_DIR")
}
