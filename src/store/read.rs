//! Reading a file without hanging or running out of memory: only a regular
//! file is read (a FIFO, a device or a directory is refused before a byte is
//! read, so nothing waits for a writer while holding the lock), and never
//! more than [`MAX_INPUT_BYTES`].

use std::fmt;
use std::fs::{FileType, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// The most sre-prep reads from one file or from standard input: room for
/// a kit of 100,000 stories of 330 words (about 170 MB in the exchange
/// format) three times over, and a bound on the memory an endless input takes.
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// A FIFO, a device, a socket or a directory: what it is, in words.
    NotRegular(&'static str),
    /// Bigger than the cap: the size if it was known before reading.
    TooBig(Option<u64>),
    Io(io::Error),
}

impl ReadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotRegular(what) => write!(f, "is {what}, not a regular file"),
            ReadError::TooBig(Some(size)) => write!(
                f,
                "is {}, more than the {} sre-prep reads from one input",
                mebibytes(*size),
                mebibytes(MAX_INPUT_BYTES)
            ),
            ReadError::TooBig(None) => write!(
                f,
                "is more than the {} sre-prep reads from one input",
                mebibytes(MAX_INPUT_BYTES)
            ),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

fn mebibytes(bytes: u64) -> String {
    format!("{} MiB", bytes.div_ceil(1024 * 1024))
}

/// What a file that is not a regular file is, for a message.
fn kind_of(file_type: FileType) -> Option<&'static str> {
    if file_type.is_file() {
        None
    } else if file_type.is_fifo() {
        Some("a FIFO (named pipe)")
    } else if file_type.is_dir() {
        Some("a directory")
    } else if file_type.is_char_device() || file_type.is_block_device() {
        Some("a device")
    } else if file_type.is_socket() {
        Some("a socket")
    } else {
        Some("not a file")
    }
}

/// Reads the regular file at `path` (a symlink is followed), at most
/// [`MAX_INPUT_BYTES`].
pub fn read_regular_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    // O_NONBLOCK: opening a FIFO does not wait for a writer; the type is then
    // checked on the open file, so nothing can be swapped in between.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(what) = kind_of(meta.file_type()) {
        return Err(ReadError::NotRegular(what));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooBig(Some(meta.len())));
    }
    // The size is a hint: a file that grows while it is read stops at the cap.
    read_capped(file, usize::try_from(meta.len()).unwrap_or(0))
}

/// Reads `reader` to its end, or fails once it has given more than
/// [`MAX_INPUT_BYTES`].
pub fn read_capped(reader: impl Read, size_hint: usize) -> Result<Vec<u8>, ReadError> {
    read_up_to(reader, size_hint, MAX_INPUT_BYTES)
}

fn read_up_to(reader: impl Read, size_hint: usize, cap: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(size_hint.min(1 << 30));
    reader
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooBig(None));
    }
    Ok(bytes)
}

/// Reads standard input to its end, at most [`MAX_INPUT_BYTES`].
pub fn read_stdin() -> Result<Vec<u8>, ReadError> {
    read_capped(io::stdin().lock(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_longer_than_the_cap_is_refused_and_one_at_the_cap_is_read() {
        let at_cap = read_up_to(io::repeat(b'x').take(100), 0, 100).unwrap();
        assert_eq!(at_cap.len(), 100);
        let endless = read_up_to(io::repeat(0), 0, 100).unwrap_err();
        assert!(matches!(endless, ReadError::TooBig(None)), "{endless}");
        assert!(endless.to_string().contains("more than the 512 MiB"));
    }
}
