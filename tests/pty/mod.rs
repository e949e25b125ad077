//! The real binary in a real pseudo-terminal, driven from the test process:
//! `portable-pty` opens the terminal and spawns the program on it (a session
//! leader with the terminal as its controlling one, as a shell would), keys
//! are written to it, and everything the program writes is kept as bytes and
//! fed to a `vt100` screen. Waits are on conditions, with a generous overall
//! timeout, so a loaded machine only makes a test slower.
#![allow(dead_code)] // each user takes what it needs

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, BorrowedFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use portable_pty::{ChildKiller, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_sre-prep");

/// How long any one wait may take before the test fails (a loaded 2-core
/// machine running a debug build is slow; a hung app is what this catches).
pub const PATIENCE: Duration = Duration::from_secs(60);

/// What the program wrote, as bytes and as a screen.
pub struct Output {
    pub bytes: Vec<u8>,
    /// When each read came in, and the length of `bytes` after it.
    pub reads: Vec<(Instant, usize)>,
    pub screen: vt100::Parser,
    /// The program's side of the terminal is closed (it and its children exited).
    pub closed: bool,
}

struct Shared {
    output: Mutex<Output>,
    changed: Condvar,
}

/// A program running in a pseudo-terminal.
pub struct Term {
    /// None once the terminal is closed ([`Term::hang_up`]).
    master: Option<Box<dyn MasterPty + Send>>,
    /// Keys go here: a plain duplicate of the master (portable-pty's own
    /// writer types a newline and EOF when dropped).
    writer: Option<File>,
    reader: Option<std::thread::JoinHandle<()>>,
    stop_reading: Arc<AtomicBool>,
    shared: Arc<Shared>,
    pid: i32,
    killer: Box<dyn ChildKiller + Send + Sync>,
    exit: std::sync::mpsc::Receiver<std::io::Result<portable_pty::ExitStatus>>,
}

/// Options for [`Term::spawn`].
pub struct Spawn<'a> {
    pub rows: u16,
    pub cols: u16,
    pub env: Vec<(&'a str, String)>,
    pub cwd: &'a Path,
}

pub fn size_of(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal of at least 1x1")
}

/// A duplicate of the master's file descriptor, as a file.
fn duplicate(master: &dyn MasterPty) -> File {
    let fd = master.as_raw_fd().expect("the master's descriptor");
    // SAFETY: `fd` is open for as long as `master` lives, which outlasts this call.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    File::from(
        borrowed
            .try_clone_to_owned()
            .expect("duplicating the master"),
    )
}

impl Term {
    /// Runs `argv` at `rows` x `cols` with TERM=xterm-256color, `$VISUAL`
    /// and `$EDITOR` unset and `env` added.
    pub fn spawn(argv: &[&str], options: Spawn) -> Term {
        let size = PtySize {
            rows: options.rows,
            cols: options.cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system()
            .openpty(size)
            .expect("opening a pseudo-terminal");
        let mut command = CommandBuilder::new(argv[0]);
        command.args(&argv[1..]);
        command.cwd(options.cwd);
        command.env("TERM", "xterm-256color");
        for key in ["VISUAL", "EDITOR", "NO_COLOR", "SRE_PREP_DATA_DIR"] {
            command.env_remove(key);
        }
        for (key, value) in &options.env {
            command.env(key, value);
        }
        let mut child = pair
            .slave
            .spawn_command(command)
            .unwrap_or_else(|e| panic!("starting {argv:?} in a pseudo-terminal: {e}"));
        // Only the program keeps the terminal's other side open, so its end
        // reads as end of file here.
        drop(pair.slave);
        let pid = child.process_id().expect("the child's pid") as i32;
        let killer = child.clone_killer();
        let (send, exit) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = send.send(child.wait());
        });

        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                bytes: Vec::new(),
                reads: Vec::new(),
                screen: vt100::Parser::new(size_of(options.rows), size_of(options.cols), 0),
                closed: false,
            }),
            changed: Condvar::new(),
        });
        let stop_reading = Arc::new(AtomicBool::new(false));
        let reader = {
            let mut file = duplicate(&*pair.master);
            let shared = Arc::clone(&shared);
            let stop = Arc::clone(&stop_reading);
            std::thread::spawn(move || read_all(&mut file, &shared, &stop))
        };
        let writer = duplicate(&*pair.master);
        Term {
            master: Some(pair.master),
            writer: Some(writer),
            reader: Some(reader),
            stop_reading,
            shared,
            pid,
            killer,
            exit,
        }
    }

    /// The program's process id.
    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// Types `text` (keys are bytes: "\r" Enter, "\x1b" Esc, "\x13" Ctrl-s).
    pub fn send(&mut self, text: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(text.as_bytes()).expect("typing");
        writer.flush().expect("typing");
    }

    /// The output so far.
    pub fn output(&self) -> MutexGuard<'_, Output> {
        self.shared.output.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The screen's text, row by row.
    pub fn screen(&self) -> String {
        self.output().screen.screen().contents()
    }

    /// Waits until `done` holds for the output, or fails showing the screen.
    pub fn wait_until(&self, what: &str, mut done: impl FnMut(&Output) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        let mut out = self.output();
        while !done(&out) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "waited {PATIENCE:?} for {what}; the screen shows:\n{}",
                out.screen.screen().contents()
            );
            out = match self.shared.changed.wait_timeout(out, left) {
                Ok((out, _)) => out,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }

    /// Waits until the screen shows `text`; returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on the screen"), |out| {
            out.screen.screen().contents().contains(text)
        });
        self.screen()
    }

    /// Waits until the screen shows every one of `parts` (a message
    /// wrapped in a box, given as the pieces that stay on one line).
    pub fn wait_for_all(&self, parts: &[&str]) {
        self.wait_until(&format!("{parts:?} on the screen"), |out| {
            let text = out.screen.screen().contents();
            parts.iter().all(|part| text.contains(part))
        });
    }

    /// Resizes the terminal; the program gets SIGWINCH.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        // Hold the output while resizing, so no byte is read at the old size.
        let mut out = self.output();
        out.screen
            .screen_mut()
            .set_size(size_of(rows), size_of(cols));
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resizing the terminal");
    }

    /// Sends `signal` to the program.
    pub fn signal(&self, signal: i32) {
        // SAFETY: kill(2) with a pid this test spawned and has not reaped.
        let result = unsafe { libc::kill(self.pid, signal) };
        assert_eq!(result, 0, "kill({}, {signal}) failed", self.pid);
    }

    /// Closes the terminal, as when its window is closed: the program (the
    /// session leader) gets SIGHUP and its reads and writes fail.
    pub fn hang_up(&mut self) {
        self.stop_reader();
        self.writer = None;
        self.master = None;
    }

    fn stop_reader(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }

    /// Waits for the program to exit and, while the terminal is open, for
    /// everything it wrote to be read (its side closed: no child of it still
    /// holds the terminal). An exit code of 128 + n after signal n is the
    /// program's own doing.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let status = match self.exit.recv_timeout(PATIENCE) {
            Ok(status) => status.expect("waiting for the program"),
            Err(_) => panic!(
                "the program did not exit within {PATIENCE:?}; the screen shows:\n{}",
                self.screen()
            ),
        };
        if self.reader.is_some() {
            self.wait_until("the program's side of the terminal to close", |out| {
                out.closed
            });
        }
        status
    }

    /// The terminal's line discipline: (canonical mode, echo).
    pub fn modes(&self) -> (bool, bool) {
        let master = self.master.as_ref().expect("the terminal is open");
        let termios = master.get_termios().expect("reading the terminal's modes");
        let flags = termios.local_flags.bits() as libc::tcflag_t;
        (flags & libc::ICANON != 0, flags & libc::ECHO != 0)
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.exit.try_recv().is_err() {
            let _ = self.killer.kill();
        }
        self.stop_reader();
    }
}

/// Reads what the program writes until its side is closed or `stop` is set,
/// looking at `stop` at least every 50 ms.
fn read_all(file: &mut File, shared: &Shared, stop: &AtomicBool) {
    let mut buf = [0u8; 16 * 1024];
    while !stop.load(Ordering::SeqCst) {
        let mut poll = libc::pollfd {
            fd: file.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for a descriptor this thread owns.
        let ready = unsafe { libc::poll(&mut poll, 1, 50) };
        if ready == 0
            || (ready < 0
                && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted)
        {
            continue;
        }
        let n = match file.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            // EIO: the program's side is closed.
            Err(_) => 0,
        };
        let now = Instant::now();
        let mut out = shared.output.lock().unwrap_or_else(|e| e.into_inner());
        if n == 0 {
            out.closed = true;
            shared.changed.notify_all();
            return;
        }
        out.bytes.extend_from_slice(&buf[..n]);
        let len = out.bytes.len();
        out.reads.push((now, len));
        out.screen.process(&buf[..n]);
        shared.changed.notify_all();
    }
}

/// Writes an executable `sh` script (an `$EDITOR` stand-in) into `dir`.
pub fn script(dir: &Path, name: &str, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

/// Whether another process holds the data directory's lock (the app takes
/// an exclusive `flock` on the directory itself).
pub fn locked(dir: &Path) -> bool {
    let handle = std::fs::File::open(dir).unwrap();
    match handle.try_lock() {
        Ok(()) => false,
        Err(std::fs::TryLockError::WouldBlock) => true,
        Err(std::fs::TryLockError::Error(e)) => panic!("locking {}: {e}", dir.display()),
    }
}
