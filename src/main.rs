//! `sre-prep`: no subcommand opens the TUI; a subcommand runs in the shell.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use sre_prep::cli::{self, export::ExportFormat};
use sre_prep::exit::EXIT_BAD_INPUT;
use sre_prep::store::resolve_data_dir;

/// A terminal coach for SRE interviews: incident stories, design answers,
/// metrics known cold, Linux & systems trivia, and opinions with spine.
#[derive(Parser)]
#[command(name = "sre-prep", version, about, long_about = None)]
struct Args {
    /// Where your prep kit lives [default: $SRE_PREP_DATA_DIR, else ~/.local/share/sre-prep]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Add kit files or single-story files to your data directory (never overwrites)
    Import {
        /// JSON files in the exchange format, or single story objects; `-` reads standard input
        #[arg(value_name = "FILE", required_unless_present_any = ["examples", "example"])]
        files: Vec<PathBuf>,
        /// List the built-in example stories (read-only: never copied, never counted as yours)
        #[arg(long)]
        examples: bool,
        /// Copy the built-in example ID into your stories, as your own to edit (repeatable)
        #[arg(long, value_name = "ID")]
        example: Vec<String>,
        /// The files are postmortems: save a story drafted from each (see `draft`)
        #[arg(long, conflicts_with = "examples")]
        postmortem: bool,
    },
    /// Draft a story from a postmortem (Markdown, plain text or HTML); nothing is saved
    Draft {
        /// The postmortem; `-` reads standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Print the story object (JSON) that `import -` reads
        #[arg(long)]
        json: bool,
    },
    /// Score one story on the six dimensions, with the evidence for every point
    Score {
        /// A story `.json` file, or any text file; `-` reads standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Print JSON (total, words, spoken_seconds, dimensions, warnings)
        #[arg(long)]
        json: bool,
    },
    /// The readiness checklist: exit 0 when ready, 1 when not, 2 on an unreadable file
    Check {
        /// Print JSON: {"ready", "score", "items": [{"id", "met", "detail", "next"}]}
        #[arg(long)]
        json: bool,
    },
    /// List the deleted stories and designs that can be restored
    Trash,
    /// Put a deleted story or design back (a name from `sre-prep trash`)
    Restore {
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// List the built-in Linux & systems cards
    Deck {
        /// Print JSON: [{"id", "topic", "question", "answer"}]
        #[arg(long)]
        json: bool,
    },
    /// Troubleshooting scenarios: list them, or replay typed lines against one
    #[command(
        after_help = "A replay file holds one input a line, as typed in the app: a command, `h <hypothesis>`, `m <mitigation>`, `c <cause>` or `hint`.\nExit 0 when the replay solves the scenario, 1 when it does not, 2 on bad input. Nothing is saved."
    )]
    Troubleshoot {
        /// The scenario to replay (see --list)
        #[arg(
            value_name = "ID",
            required_unless_present = "list",
            conflicts_with = "list"
        )]
        id: Option<String>,
        /// List the scenarios
        #[arg(long)]
        list: bool,
        /// Play the lines of FILE against the scenario; `-` reads standard input
        #[arg(long, value_name = "FILE", required_unless_present = "list")]
        replay: Option<PathBuf>,
        /// Print JSON: with --list [{"id", "title", "symptom"}]; with --replay {"solved", "score", "steps", "found", "missed", ...}
        #[arg(long)]
        json: bool,
    },
    /// Write your whole kit out (JSON that `import` reads back)
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Write to FILE instead of standard output (`-`): a file is replaced
        /// atomically, private to you (through a symlink, its target); a
        /// device or FIFO is written to as a shell redirect would
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    // A draft reads one file and prints: no data directory, no lock.
    if let Some(Command::Draft { file, json }) = &args.command {
        return finish(cli::draft::run(file, *json));
    }
    let outcome = resolve_data_dir(args.data_dir).and_then(|data_dir| match args.command {
        None => {
            // Said before the app takes the screen, so it is there after it.
            if let Ok(Some(made_private)) = sre_prep::store::check_data_dir(&data_dir) {
                cli::say(&made_private.to_string());
            }
            sre_prep::tui::run(&data_dir)
        }
        Some(Command::Import {
            files, postmortem, ..
        }) if postmortem => cli::draft::import(&data_dir, &files),
        Some(Command::Import {
            files,
            examples,
            example,
            ..
        }) => cli::import::run(&data_dir, &files, examples, &example),
        Some(Command::Draft { file, json }) => cli::draft::run(&file, json),
        Some(Command::Score { file, json }) => cli::score::run(&file, json),
        Some(Command::Deck { json }) => cli::deck::run(json),
        Some(Command::Trash) => cli::trash::list(&data_dir),
        Some(Command::Restore { name }) => cli::trash::restore(&data_dir, &name),
        Some(Command::Check { json }) => cli::check::run(&data_dir, json),
        Some(Command::Troubleshoot {
            id,
            list,
            replay,
            json,
        }) => match (id, replay) {
            (Some(id), Some(file)) if !list => {
                cli::troubleshoot::replay(&data_dir, &id, &file, json)
            }
            _ => cli::troubleshoot::list(&data_dir, json),
        },
        Some(Command::Export { format, output }) => {
            cli::export::run(&data_dir, format, output.as_deref())
        }
    });
    finish(outcome)
}

fn finish(outcome: anyhow::Result<u8>) -> ExitCode {
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            cli::say(&format!("{e:#}"));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
