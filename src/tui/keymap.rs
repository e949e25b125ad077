//! Every key binding, in one table per screen. Key handling, the footer hints
//! and the help screen all read these tables, so they cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the user wants, whatever key said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ForceQuit,
    Help,
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    NextPane,
    Step(u8),
    NewStory,
    EditStory,
    EditInEditor,
    DeleteStory,
    /// Show the built-in example stories (read-only), or go back from them.
    Examples,
    /// Copy the selected example into the user's stories, as their own.
    CopyExample,
    SpokenAnswer,
    ToggleSort,
    Filter,
    Save,
    NextField,
    PrevField,
    Yes,
    No,
    NewItem,
    EditItem,
    EditItemInEditor,
    DeleteItem,
    Quiz,
    TakeSide,
    Narrative,
    Submit,
    ReviewDue,
    Cram,
    MoreNewCards,
    FewerNewCards,
    Reveal,
    Rate(u8),
    Rehearse,
    RehearseAny,
    CramWeakest,
    Checklist,
    Coverage,
    CheatSheet,
    Profile,
    Left,
    Right,
    Toggle,
    Troubleshoot,
    PlayDue,
    RunLine,
    ScrollLeft,
    ScrollRight,
    Earlier,
    Later,
    GiveUp,
    FromPostmortem,
    DraftIt,
    OpenDraft,
}

impl Action {
    /// What the action does, for the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::ForceQuit => "quit now; unsaved editor text is kept as a draft",
            Action::Help => "show the keys of this screen",
            Action::Back => "go back",
            Action::Up => "move up",
            Action::Down => "move down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::Open => "open",
            Action::NextPane => "switch between the list and the detail",
            Action::Step(_) => "jump to a playbook step",
            Action::NewStory => "write a new story",
            Action::EditStory => "edit the story here",
            Action::EditInEditor => "edit the whole story in $VISUAL / $EDITOR",
            Action::DeleteStory => "delete the story (asks; it goes to the trash)",
            Action::Examples => {
                "the example stories: built in, read-only, never counted as yours (x again: back)"
            }
            Action::CopyExample => {
                "use this example as a starting point: copy it into your stories, as your own to edit"
            }
            Action::SpokenAnswer => "the story as the answer to say out loud",
            Action::ToggleSort => "sort by score or by title",
            Action::Filter => "filter the list by words in the title",
            Action::Save => "save",
            Action::NextField => "next field",
            Action::PrevField => "previous field",
            Action::Yes => "yes",
            Action::No => "no",
            Action::NewItem => "add a new one",
            Action::EditItem => "edit it here",
            Action::EditItemInEditor => "edit it in $VISUAL / $EDITOR",
            Action::DeleteItem => "delete it (asks; a copy goes to the trash)",
            Action::Quiz => "quiz yourself: know your metrics cold",
            Action::TakeSide => "take a side in a classic SRE debate",
            Action::Narrative => "write the platform narrative",
            Action::Submit => "check the answer, then go on",
            Action::ReviewDue => "review what is due (new cards included, up to the daily limit)",
            Action::Cram => "cram this topic, due or not, weakest cards first",
            Action::MoreNewCards => "allow more new cards a day",
            Action::FewerNewCards => "allow fewer new cards a day",
            Action::Reveal => "show the answer",
            Action::Rate(1) => "Again: forgot it; it comes back in this session",
            Action::Rate(2) => "Hard: recalled with effort",
            Action::Rate(3) => "Good: recalled",
            Action::Rate(_) => "Easy: recalled at once",
            Action::Rehearse => "rehearse this story against a question, timed, from memory",
            Action::RehearseAny => "rehearse: the app picks a question and a story",
            Action::CramWeakest => "cram the 20 weakest cards of the whole deck, due or not",
            Action::Checklist => "the readiness checklist and today's plan",
            Action::Coverage => "the coverage matrix: which story answers which question",
            Action::CheatSheet => "write the Markdown cheat sheet to the data directory",
            Action::Profile => "set the interview date, company and role",
            Action::Left => "move left",
            Action::Right => "move right",
            Action::Toggle => "link or unlink this story and question",
            Action::Troubleshoot => "troubleshooting: play a live debugging scenario",
            Action::PlayDue => "play the scenario most due (or a new one)",
            Action::RunLine => {
                "run the line: a command, or h <hypothesis>, m <mitigation>, c <cause>, hint"
            }
            Action::ScrollLeft => "scroll the output left",
            Action::ScrollRight => "scroll the output right (wide tables)",
            Action::Earlier => "bring back the line typed before",
            Action::Later => "bring back the line typed after",
            Action::GiveUp => {
                "give up the round (asks; it is kept as not solved, the answer shown)"
            }
            Action::FromPostmortem => "draft a story from a postmortem (a path or pasted text)",
            Action::DraftIt => "draft the story from the path or the text typed or pasted here",
            Action::OpenDraft => "open the draft in the story editor (Ctrl-s there saves it)",
        }
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }

    fn matches(self, event: &KeyEvent) -> bool {
        // Alt-combinations are never ours (and an Esc typed just before a
        // key arrives as Alt+key in some terminals).
        if event.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            // Terminals report Shift-Tab as BackTab, some with SHIFT set as well.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        code == self.code && ctrl == self.ctrl
    }
}

/// One binding: the keys, what they do, and the short hint for the footer
/// (`None` keeps it out of the footer but in the help).
#[derive(Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub hint: Option<&'static str>,
}

const fn bind(keys: &'static [Key], action: Action, hint: Option<&'static str>) -> Binding {
    Binding { keys, action, hint }
}

/// Declares [`Context`] and [`Context::ALL`] from one list, so no screen
/// can be left out of `ALL` (and so out of the tests that walk it).
macro_rules! contexts {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// The screens, each with its own keys.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Context {
            $($(#[$doc])* $name,)*
        }

        impl Context {
            /// Every context, in the order declared.
            pub const ALL: &'static [Context] = &[$(Context::$name,)*];
        }
    };
}

contexts! {
    Home,
    Stories,
    /// The stories screen showing the built-in examples.
    Examples,
    Filter,
    Editor,
    Spoken,
    Help,
    Confirm,
    Designs,
    Metrics,
    Opinions,
    Picker,
    Form,
    Quiz,
    Deck,
    Review,
    /// Typing a rehearsal answer or a follow-up.
    Rehearse,
    RehearseResult,
    RehearseRate,
    Checklist,
    Coverage,
    /// The troubleshooting scenarios.
    Scenarios,
    /// Typing in a troubleshooting round.
    Troubleshoot,
    TroubleshootResult,
    /// `P`: typing or pasting the postmortem.
    PostmortemSource,
    /// `P`: the draft beside its score.
    PostmortemDraft,
}

// ---- the bindings, one constant each where more than one screen uses it ----

const UP: Binding = bind(&[key('k'), code(KeyCode::Up)], Action::Up, None);
const DOWN: Binding = bind(&[key('j'), code(KeyCode::Down)], Action::Down, None);
const PAGE_UP: Binding = bind(&[code(KeyCode::PageUp), ctrl('u')], Action::PageUp, None);
const PAGE_DOWN: Binding = bind(
    &[code(KeyCode::PageDown), ctrl('d')],
    Action::PageDown,
    None,
);
const TOP: Binding = bind(&[key('g'), code(KeyCode::Home)], Action::Top, None);
const BOTTOM: Binding = bind(&[key('G'), code(KeyCode::End)], Action::Bottom, None);

const HELP: Binding = bind(&[key('?')], Action::Help, Some("help"));
/// Help where letters are typed into a field.
const HELP_F1: Binding = bind(&[code(KeyCode::F(1))], Action::Help, Some("help"));
/// `q` quits, without a place in the footer (home shows it).
const QUIT: Binding = bind(&[key('q')], Action::Quit, None);
const FORCE_QUIT: Binding = bind(&[ctrl('c')], Action::ForceQuit, None);
const BACK: Binding = bind(&[code(KeyCode::Esc), key('h')], Action::Back, Some("back"));
const OPEN_DETAIL: Binding = bind(
    &[code(KeyCode::Enter), key('l')],
    Action::Open,
    Some("detail"),
);
const NEXT_PANE: Binding = bind(
    &[code(KeyCode::Tab), code(KeyCode::BackTab)],
    Action::NextPane,
    None,
);
const ABANDON: Binding = bind(&[code(KeyCode::Esc)], Action::Back, Some("abandon"));

// ---- groups of bindings: a screen's keys are a list of these ----

/// One row up or down.
const LINES: &[Binding] = &[UP, DOWN];
/// A page up or down.
const PAGES: &[Binding] = &[PAGE_UP, PAGE_DOWN];
/// Every way through a list or a text.
const MOVES: &[Binding] = &[UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM];
/// A list beside the detail of its selected entry.
const LIST_AND_DETAIL: &[Binding] = &[OPEN_DETAIL, NEXT_PANE];
/// The last keys of most screens: back, help, quit.
const LEAVE: &[Binding] = &[BACK, HELP, QUIT, FORCE_QUIT];
/// Help and quit, for a screen whose way back is its own.
const HELP_AND_QUIT: &[Binding] = &[HELP, QUIT, FORCE_QUIT];
/// The last keys of a screen where letters are typed.
const TYPING: &[Binding] = &[HELP_F1, FORCE_QUIT];
/// How well an answer was recalled, as for a card.
const RATINGS: &[Binding] = &[
    bind(&[key('1')], Action::Rate(1), Some("again")),
    bind(&[key('2')], Action::Rate(2), Some("hard")),
    bind(&[key('3')], Action::Rate(3), Some("good")),
    bind(&[key('4')], Action::Rate(4), Some("easy")),
];
/// Adding, changing and deleting a design, metric or opinion.
const ITEMS: &[Binding] = &[
    bind(&[key('n')], Action::NewItem, Some("new")),
    bind(&[key('e')], Action::EditItem, Some("edit")),
    bind(&[key('E')], Action::EditItemInEditor, Some("$EDITOR")),
    bind(&[key('d')], Action::DeleteItem, Some("delete")),
];

/// A screen's keys: groups, in the order the footer and the help show them.
type Keymap = &'static [&'static [Binding]];

static HOME: Keymap = &[
    &[
        bind(&[key('1')], Action::Step(1), Some("steps")),
        bind(&[key('2')], Action::Step(2), None),
        bind(&[key('3')], Action::Step(3), None),
        bind(&[key('4')], Action::Step(4), None),
        bind(&[key('5')], Action::Step(5), None),
        // The footer shows hints in this order, as many as fit.
        bind(&[key('n')], Action::NewStory, Some("new story")),
        bind(&[key('R')], Action::RehearseAny, Some("rehearse")),
        bind(&[key('c')], Action::Checklist, Some("checklist")),
        bind(&[key('p')], Action::Narrative, Some("narrative")),
        bind(&[key('i')], Action::Profile, Some("interview date")),
        bind(&[key('x')], Action::Examples, Some("examples")),
        bind(
            &[code(KeyCode::Enter), key('l')],
            Action::Open,
            Some("open"),
        ),
    ],
    LINES,
    &[
        HELP,
        bind(&[key('q')], Action::Quit, Some("quit")),
        FORCE_QUIT,
    ],
];

static DESIGNS: Keymap = &[MOVES, LIST_AND_DETAIL, ITEMS, LEAVE];

static METRICS: Keymap = &[
    MOVES,
    LIST_AND_DETAIL,
    ITEMS,
    &[bind(&[key('r')], Action::Quiz, Some("quiz"))],
    LEAVE,
];

static OPINIONS: Keymap = &[
    MOVES,
    LIST_AND_DETAIL,
    ITEMS,
    &[bind(&[key('t')], Action::TakeSide, Some("take a side"))],
    LEAVE,
];

static DECK: Keymap = &[
    LINES,
    &[
        bind(
            &[key('r'), code(KeyCode::Enter)],
            Action::ReviewDue,
            Some("review due"),
        ),
        bind(&[key('c')], Action::Cram, Some("cram topic")),
        bind(&[key('w')], Action::CramWeakest, Some("cram weakest")),
        bind(&[key('t')], Action::Troubleshoot, Some("troubleshoot")),
        bind(
            &[key('+'), key('=')],
            Action::MoreNewCards,
            Some("more new/day"),
        ),
        bind(&[key('-')], Action::FewerNewCards, Some("fewer")),
    ],
    LEAVE,
];

static SCENARIOS: Keymap = &[
    MOVES,
    &[
        bind(
            &[code(KeyCode::Enter), key('l')],
            Action::Open,
            Some("play"),
        ),
        bind(&[key('r')], Action::PlayDue, Some("play due")),
    ],
    LEAVE,
];

/// Letters are typed into the line, so only keys that type nothing act.
static TROUBLESHOOT: Keymap = &[
    &[
        bind(&[code(KeyCode::Enter)], Action::RunLine, Some("run")),
        bind(&[code(KeyCode::PageUp)], Action::PageUp, Some("scroll")),
        bind(&[code(KeyCode::PageDown)], Action::PageDown, None),
        bind(&[code(KeyCode::Left)], Action::ScrollLeft, Some("sideways")),
        bind(&[code(KeyCode::Right)], Action::ScrollRight, None),
        bind(&[code(KeyCode::Up)], Action::Earlier, None),
        bind(&[code(KeyCode::Down)], Action::Later, None),
        bind(&[code(KeyCode::Esc)], Action::GiveUp, Some("give up")),
    ],
    TYPING,
];

static TROUBLESHOOT_RESULT: Keymap = &[
    MOVES,
    &[bind(
        &[code(KeyCode::Esc), code(KeyCode::Enter), key('h')],
        Action::Back,
        Some("back to the scenarios"),
    )],
    HELP_AND_QUIT,
];

static REVIEW: Keymap = &[
    &[bind(&[key(' ')], Action::Reveal, Some("show answer"))],
    RATINGS,
    &[
        bind(&[code(KeyCode::Esc)], Action::Back, Some("end & save")),
        HELP,
        FORCE_QUIT,
    ],
];

static CHECKLIST: Keymap = &[
    MOVES,
    &[
        bind(&[key('m')], Action::Coverage, Some("coverage")),
        bind(&[key('M')], Action::CheatSheet, Some("cheat sheet")),
        bind(&[key('i')], Action::Profile, Some("interview date")),
    ],
    LEAVE,
];

static COVERAGE: Keymap = &[
    LINES,
    &[
        bind(&[key('h'), code(KeyCode::Left)], Action::Left, None),
        bind(&[key('l'), code(KeyCode::Right)], Action::Right, None),
        bind(
            &[key(' '), code(KeyCode::Enter)],
            Action::Toggle,
            Some("link/unlink"),
        ),
        bind(&[code(KeyCode::Esc)], Action::Back, Some("back")),
    ],
    HELP_AND_QUIT,
];

static REHEARSE: Keymap = &[
    &[bind(&[ctrl('s')], Action::Submit, Some("done")), ABANDON],
    TYPING,
];

static REHEARSE_RESULT: Keymap = &[
    &[bind(
        &[code(KeyCode::Enter)],
        Action::Submit,
        Some("follow-ups"),
    )],
    LINES,
    &[ABANDON, HELP, FORCE_QUIT],
];

static REHEARSE_RATE: Keymap = &[LINES, RATINGS, &[ABANDON, HELP, FORCE_QUIT]];

static PICKER: Keymap = &[
    LINES,
    &[
        bind(
            &[code(KeyCode::Enter), key('l')],
            Action::Open,
            Some("choose"),
        ),
        bind(
            &[code(KeyCode::Esc), key('h')],
            Action::Back,
            Some("cancel"),
        ),
    ],
    &[HELP, FORCE_QUIT],
];

static QUIZ: Keymap = &[
    &[
        bind(
            &[code(KeyCode::Enter)],
            Action::Submit,
            Some("answer / next"),
        ),
        bind(&[code(KeyCode::Esc)], Action::Back, Some("end the round")),
    ],
    TYPING,
];

static STORIES: Keymap = &[
    MOVES,
    LIST_AND_DETAIL,
    &[
        bind(&[key('n')], Action::NewStory, Some("new")),
        bind(&[key('e')], Action::EditStory, Some("edit")),
        bind(&[key('E')], Action::EditInEditor, Some("$EDITOR")),
        bind(&[key('s')], Action::SpokenAnswer, Some("say it")),
        bind(&[key('r')], Action::Rehearse, Some("rehearse")),
        bind(&[key('d')], Action::DeleteStory, Some("delete")),
        bind(&[key('o')], Action::ToggleSort, Some("sort")),
        bind(&[key('/')], Action::Filter, Some("filter")),
        bind(&[key('x')], Action::Examples, Some("examples")),
        bind(&[key('P')], Action::FromPostmortem, Some("postmortem")),
    ],
    LEAVE,
];

/// The built-in examples, read-only: read them, say them, copy one.
static EXAMPLES: Keymap = &[
    MOVES,
    LIST_AND_DETAIL,
    &[
        bind(&[key('c')], Action::CopyExample, Some("copy as mine")),
        bind(&[key('s')], Action::SpokenAnswer, Some("say it")),
        bind(
            &[key('x'), code(KeyCode::Esc), key('h')],
            Action::Back,
            Some("my stories"),
        ),
        bind(&[key('o')], Action::ToggleSort, None),
        bind(&[key('/')], Action::Filter, None),
    ],
    HELP_AND_QUIT,
];

static POSTMORTEM_SOURCE: Keymap = &[
    &[
        bind(&[ctrl('s')], Action::DraftIt, Some("draft it")),
        bind(&[code(KeyCode::Esc)], Action::Back, Some("cancel")),
    ],
    TYPING,
];

static POSTMORTEM_DRAFT: Keymap = &[
    &[bind(
        &[code(KeyCode::Enter), key('e')],
        Action::OpenDraft,
        Some("edit & save"),
    )],
    LINES,
    PAGES,
    &[TOP, BACK, HELP, FORCE_QUIT],
];

static FILTER: Keymap = &[
    &[
        bind(&[code(KeyCode::Enter)], Action::Open, Some("keep filter")),
        bind(&[code(KeyCode::Esc)], Action::Back, Some("clear filter")),
    ],
    TYPING,
];

static EDITOR: Keymap = &[
    &[
        bind(&[ctrl('s')], Action::Save, Some("save")),
        bind(&[code(KeyCode::Tab)], Action::NextField, Some("next field")),
        bind(
            &[code(KeyCode::BackTab)],
            Action::PrevField,
            Some("previous"),
        ),
        bind(&[code(KeyCode::Esc)], Action::Back, Some("leave")),
    ],
    TYPING,
];

static SPOKEN: Keymap = &[LINES, PAGES, LEAVE];

static HELP_SCREEN: Keymap = &[
    LINES,
    &[
        bind(
            &[code(KeyCode::Esc), key('?'), key('q')],
            Action::Back,
            Some("close"),
        ),
        FORCE_QUIT,
    ],
];

static CONFIRM: Keymap = &[&[
    bind(&[key('y')], Action::Yes, Some("yes")),
    bind(&[key('n'), code(KeyCode::Esc)], Action::No, Some("no")),
    FORCE_QUIT,
]];

fn keymap(context: Context) -> Keymap {
    match context {
        Context::Home => HOME,
        Context::Stories => STORIES,
        Context::Examples => EXAMPLES,
        Context::Filter => FILTER,
        Context::Editor => EDITOR,
        Context::Spoken => SPOKEN,
        Context::Help => HELP_SCREEN,
        Context::Confirm => CONFIRM,
        Context::Designs => DESIGNS,
        Context::Metrics => METRICS,
        Context::Opinions => OPINIONS,
        Context::Picker => PICKER,
        Context::Form => EDITOR,
        Context::Quiz => QUIZ,
        Context::Deck => DECK,
        Context::Review => REVIEW,
        Context::Rehearse => REHEARSE,
        Context::RehearseResult => REHEARSE_RESULT,
        Context::RehearseRate => REHEARSE_RATE,
        Context::Checklist => CHECKLIST,
        Context::Coverage => COVERAGE,
        Context::Scenarios => SCENARIOS,
        Context::Troubleshoot => TROUBLESHOOT,
        Context::TroubleshootResult => TROUBLESHOOT_RESULT,
        Context::PostmortemSource => POSTMORTEM_SOURCE,
        Context::PostmortemDraft => POSTMORTEM_DRAFT,
    }
}

/// A screen's bindings, in order.
fn each(context: Context) -> impl Iterator<Item = &'static Binding> {
    keymap(context).iter().flat_map(|group| group.iter())
}

/// A screen's bindings, in order, for the help and the confirm box.
pub fn bindings(context: Context) -> Vec<&'static Binding> {
    each(context).collect()
}

/// The action a key means on this screen, if any.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    each(context)
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action)
}

/// "j/↓" for a binding's keys.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("/")
}

/// The keys that do `action` on `context`'s screen, as the user reads them
/// ("Ctrl-s", "Enter"), the first first. Text that names a key asks here,
/// so it says what the keymap does.
fn keys_for(context: Context, action: Action) -> impl Iterator<Item = String> {
    let found = each(context).find(|b| b.action == action);
    debug_assert!(found.is_some(), "{context:?} has no key for {action:?}");
    found
        .into_iter()
        .flat_map(|b| b.keys.iter().map(|k| k.label()))
}

/// The key that does `action` on `context`'s screen: the first of its keys.
pub fn key_for(context: Context, action: Action) -> String {
    keys_for(context, action).next().unwrap_or_default()
}

/// The first two keys that do `action`, as "x or Esc" (one alone if only one).
pub fn two_keys_for(context: Context, action: Action) -> String {
    keys_for(context, action)
        .take(2)
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Whether some key does `action` on `context`'s screen.
pub fn has(context: Context, action: Action) -> bool {
    each(context).any(|b| b.action == action)
}

/// The footer's hints at `width` columns, as (keys, hint) pairs: all of
/// them when they fit; else the first that fit and, last, the one that
/// says where the rest are ("? help").
pub fn footer_hints(context: Context, width: usize) -> Vec<(String, &'static str)> {
    let hints: Vec<(String, &'static str, bool)> = each(context)
        .filter_map(|binding| {
            let hint = binding.hint?;
            let keys = match binding.action {
                Action::Step(_) => "1-5".to_string(),
                _ => binding.keys.first().map(|k| k.label()).unwrap_or_default(),
            };
            Some((keys, hint, binding.action == Action::Help))
        })
        .collect();
    let shown: Vec<&(String, &str, bool)> = if hints.iter().map(footer_cost).sum::<usize>() <= width
    {
        hints.iter().collect()
    } else {
        let help = hints.iter().find(|h| h.2);
        let mut room = width.saturating_sub(help.map_or(0, footer_cost));
        let mut kept: Vec<&(String, &str, bool)> = Vec::new();
        for hint in hints.iter().filter(|h| !h.2) {
            if footer_cost(hint) > room {
                break;
            }
            room -= footer_cost(hint);
            kept.push(hint);
        }
        kept.extend(help);
        kept
    };
    shown
        .into_iter()
        .map(|(keys, hint, _)| (keys.clone(), *hint))
        .collect()
}

/// Columns a hint takes in the footer: " keys hint ".
fn footer_cost((keys, hint, _): &(String, &str, bool)) -> usize {
    super::widgets::width(keys) + super::widgets::width(hint) + 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No wildcard arm: a new context does not compile until it is sorted
    /// here, and [`Context::ALL`] is written by the same macro as the enum.
    fn offers_help(context: Context) -> bool {
        match context {
            // The help itself, and a question whose keys are in its box.
            Context::Help | Context::Confirm => false,
            Context::Home
            | Context::Stories
            | Context::Examples
            | Context::Filter
            | Context::Editor
            | Context::Spoken
            | Context::Designs
            | Context::Metrics
            | Context::Opinions
            | Context::Picker
            | Context::Form
            | Context::Quiz
            | Context::Deck
            | Context::Review
            | Context::Rehearse
            | Context::RehearseResult
            | Context::RehearseRate
            | Context::Checklist
            | Context::Coverage
            | Context::Scenarios
            | Context::Troubleshoot
            | Context::TroubleshootResult
            | Context::PostmortemSource
            | Context::PostmortemDraft => true,
        }
    }

    #[test]
    fn all_holds_every_context_once() {
        assert_eq!(Context::ALL.len(), 26);
        for (i, context) in Context::ALL.iter().enumerate() {
            assert!(
                !Context::ALL[i + 1..].contains(context),
                "{context:?} twice"
            );
        }
    }

    #[test]
    fn no_key_means_two_things_on_one_screen() {
        for &context in Context::ALL {
            let keys: Vec<Key> = each(context).flat_map(|b| b.keys.iter().copied()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(
                    !keys[i + 1..].contains(k),
                    "{context:?}: {} twice",
                    k.label()
                );
            }
        }
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        let event = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for &context in Context::ALL {
            assert_eq!(
                action_for(context, &event),
                Some(Action::ForceQuit),
                "{context:?}"
            );
        }
    }

    #[test]
    fn every_screen_has_help_in_its_footer() {
        for &context in Context::ALL {
            let help = each(context).find(|b| b.action == Action::Help);
            if offers_help(context) {
                let help = help.unwrap_or_else(|| panic!("{context:?} has no help key"));
                assert_eq!(help.hint, Some("help"), "{context:?}");
            } else {
                assert!(help.is_none(), "{context:?}");
            }
        }
    }

    #[test]
    fn every_binding_is_described_and_every_screen_has_a_way_out() {
        for &context in Context::ALL {
            for binding in bindings(context) {
                assert!(
                    !binding.keys.is_empty(),
                    "{context:?}: a binding without keys"
                );
                assert!(!binding.action.describe().is_empty());
            }
            let out = [Action::Back, Action::No, Action::GiveUp, Action::Quit];
            assert!(
                each(context).any(|b| out.contains(&b.action)),
                "{context:?}: no key leaves it"
            );
        }
    }

    #[test]
    fn footers_fit_at_80_columns_or_end_in_help() {
        for &context in Context::ALL {
            let all = each(context).filter(|b| b.hint.is_some()).count();
            let shown = footer_hints(context, 80);
            let width: usize = shown
                .iter()
                .map(|(keys, hint)| super::super::widgets::width(keys) + hint.len() + 3)
                .sum();
            assert!(width <= 80, "{context:?}: {width} columns");
            // Steps 2-5 have no hint of their own ("1-5" stands for them).
            if shown.len() < all {
                assert_eq!(
                    shown.last().map(|(_, hint)| *hint),
                    Some("help"),
                    "{context:?}: hints left out, and no help to find them"
                );
            }
        }
    }

    #[test]
    fn a_full_footer_keeps_help_last_and_the_first_hints() {
        // Home at 44 columns: not all fit.
        let shown = footer_hints(Context::Home, 44);
        let labels: Vec<String> = shown.iter().map(|(k, h)| format!("{k} {h}")).collect();
        assert_eq!(labels, ["1-5 steps", "n new story", "R rehearse", "? help"]);
    }

    #[test]
    fn key_hints_name_the_bound_keys() {
        assert_eq!(key_for(Context::Editor, Action::Save), "Ctrl-s");
        assert_eq!(key_for(Context::Stories, Action::Rehearse), "r");
        assert_eq!(key_for(Context::Review, Action::Reveal), "Space");
        assert_eq!(two_keys_for(Context::Examples, Action::Back), "x or Esc");
        assert_eq!(two_keys_for(Context::Confirm, Action::Yes), "y");
        assert!(has(Context::Home, Action::Quit));
        assert!(!has(Context::Editor, Action::Quit));
    }

    #[test]
    fn screens_that_share_keys_share_them_in_one_place() {
        // Adding a binding to a shared group reaches every screen using it,
        // in the same place: the lists of designs, metrics and opinions
        // differ only in the one key of their own.
        let actions = |c| each(c).map(|b| b.action).collect::<Vec<_>>();
        let designs = actions(Context::Designs);
        let mut metrics = actions(Context::Metrics);
        metrics.retain(|a| *a != Action::Quiz);
        let mut opinions = actions(Context::Opinions);
        opinions.retain(|a| *a != Action::TakeSide);
        assert_eq!(metrics, designs);
        assert_eq!(opinions, designs);
    }
}
