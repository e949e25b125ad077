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

/// The screens, each with its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
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

const MOVE: [Binding; 6] = [
    bind(&[key('k'), code(KeyCode::Up)], Action::Up, None),
    bind(&[key('j'), code(KeyCode::Down)], Action::Down, None),
    bind(&[code(KeyCode::PageUp), ctrl('u')], Action::PageUp, None),
    bind(
        &[code(KeyCode::PageDown), ctrl('d')],
        Action::PageDown,
        None,
    ),
    bind(&[key('g'), code(KeyCode::Home)], Action::Top, None),
    bind(&[key('G'), code(KeyCode::End)], Action::Bottom, None),
];

static HOME: &[Binding] = &[
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
    MOVE[0],
    MOVE[1],
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, Some("quit")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

/// The keys every list of designs, metrics or opinions shares.
const COLLECTION: [Binding; 16] = [
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(
        &[code(KeyCode::Enter), key('l')],
        Action::Open,
        Some("detail"),
    ),
    bind(
        &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        Action::NextPane,
        None,
    ),
    bind(&[key('n')], Action::NewItem, Some("new")),
    bind(&[key('e')], Action::EditItem, Some("edit")),
    bind(&[key('E')], Action::EditItemInEditor, Some("$EDITOR")),
    bind(&[key('d')], Action::DeleteItem, Some("delete")),
    bind(&[code(KeyCode::Esc), key('h')], Action::Back, Some("back")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, None),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static DESIGNS: &[Binding] = &COLLECTION;

static METRICS: &[Binding] = &[
    COLLECTION[0],
    COLLECTION[1],
    COLLECTION[2],
    COLLECTION[3],
    COLLECTION[4],
    COLLECTION[5],
    COLLECTION[6],
    COLLECTION[7],
    COLLECTION[8],
    COLLECTION[9],
    COLLECTION[10],
    COLLECTION[11],
    bind(&[key('r')], Action::Quiz, Some("quiz")),
    COLLECTION[12],
    COLLECTION[13],
    COLLECTION[14],
    COLLECTION[15],
];

static OPINIONS: &[Binding] = &[
    COLLECTION[0],
    COLLECTION[1],
    COLLECTION[2],
    COLLECTION[3],
    COLLECTION[4],
    COLLECTION[5],
    COLLECTION[6],
    COLLECTION[7],
    COLLECTION[8],
    COLLECTION[9],
    COLLECTION[10],
    COLLECTION[11],
    bind(&[key('t')], Action::TakeSide, Some("take a side")),
    COLLECTION[12],
    COLLECTION[13],
    COLLECTION[14],
    COLLECTION[15],
];

static DECK: &[Binding] = &[
    MOVE[0],
    MOVE[1],
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
    bind(&[code(KeyCode::Esc), key('h')], Action::Back, Some("back")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, None),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static SCENARIOS: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(
        &[code(KeyCode::Enter), key('l')],
        Action::Open,
        Some("play"),
    ),
    bind(&[key('r')], Action::PlayDue, Some("play due")),
    bind(&[code(KeyCode::Esc), key('h')], Action::Back, Some("back")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, None),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

/// Letters are typed into the line, so only keys that type nothing act.
static TROUBLESHOOT: &[Binding] = &[
    bind(&[code(KeyCode::Enter)], Action::RunLine, Some("run")),
    bind(&[code(KeyCode::PageUp)], Action::PageUp, Some("scroll")),
    bind(&[code(KeyCode::PageDown)], Action::PageDown, None),
    bind(&[code(KeyCode::Left)], Action::ScrollLeft, Some("sideways")),
    bind(&[code(KeyCode::Right)], Action::ScrollRight, None),
    bind(&[code(KeyCode::Up)], Action::Earlier, None),
    bind(&[code(KeyCode::Down)], Action::Later, None),
    bind(&[code(KeyCode::Esc)], Action::GiveUp, Some("give up")),
    bind(&[code(KeyCode::F(1))], Action::Help, Some("help")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static TROUBLESHOOT_RESULT: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(
        &[code(KeyCode::Esc), code(KeyCode::Enter), key('h')],
        Action::Back,
        Some("back to the scenarios"),
    ),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, None),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static REVIEW: &[Binding] = &[
    bind(&[key(' ')], Action::Reveal, Some("show answer")),
    bind(&[key('1')], Action::Rate(1), Some("again")),
    bind(&[key('2')], Action::Rate(2), Some("hard")),
    bind(&[key('3')], Action::Rate(3), Some("good")),
    bind(&[key('4')], Action::Rate(4), Some("easy")),
    bind(&[code(KeyCode::Esc)], Action::Back, Some("end & save")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static CHECKLIST: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(&[key('m')], Action::Coverage, Some("coverage")),
    bind(&[key('M')], Action::CheatSheet, Some("cheat sheet")),
    bind(&[key('i')], Action::Profile, Some("interview date")),
    bind(&[code(KeyCode::Esc), key('h')], Action::Back, Some("back")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, None),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static COVERAGE: &[Binding] = &[
    bind(&[key('k'), code(KeyCode::Up)], Action::Up, None),
    bind(&[key('j'), code(KeyCode::Down)], Action::Down, None),
    bind(&[key('h'), code(KeyCode::Left)], Action::Left, None),
    bind(&[key('l'), code(KeyCode::Right)], Action::Right, None),
    bind(
        &[key(' '), code(KeyCode::Enter)],
        Action::Toggle,
        Some("link/unlink"),
    ),
    bind(&[code(KeyCode::Esc)], Action::Back, Some("back")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, None),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static REHEARSE: &[Binding] = &[
    bind(&[ctrl('s')], Action::Submit, Some("done")),
    bind(&[code(KeyCode::Esc)], Action::Back, Some("abandon")),
    bind(&[code(KeyCode::F(1))], Action::Help, Some("help")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static REHEARSE_RESULT: &[Binding] = &[
    bind(&[code(KeyCode::Enter)], Action::Submit, Some("follow-ups")),
    MOVE[0],
    MOVE[1],
    bind(&[code(KeyCode::Esc)], Action::Back, Some("abandon")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static REHEARSE_RATE: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    bind(&[key('1')], Action::Rate(1), Some("again")),
    bind(&[key('2')], Action::Rate(2), Some("hard")),
    bind(&[key('3')], Action::Rate(3), Some("good")),
    bind(&[key('4')], Action::Rate(4), Some("easy")),
    bind(&[code(KeyCode::Esc)], Action::Back, Some("abandon")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static PICKER: &[Binding] = &[
    MOVE[0],
    MOVE[1],
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
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static QUIZ: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        Action::Submit,
        Some("answer / next"),
    ),
    bind(&[code(KeyCode::Esc)], Action::Back, Some("end the round")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static STORIES: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(
        &[code(KeyCode::Enter), key('l')],
        Action::Open,
        Some("detail"),
    ),
    bind(
        &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        Action::NextPane,
        None,
    ),
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
    bind(&[code(KeyCode::Esc), key('h')], Action::Back, Some("back")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, None),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

/// The built-in examples, read-only: read them, say them, copy one.
static EXAMPLES: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(
        &[code(KeyCode::Enter), key('l')],
        Action::Open,
        Some("detail"),
    ),
    bind(
        &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        Action::NextPane,
        None,
    ),
    bind(&[key('c')], Action::CopyExample, Some("copy as mine")),
    bind(&[key('s')], Action::SpokenAnswer, Some("say it")),
    bind(
        &[key('x'), code(KeyCode::Esc), key('h')],
        Action::Back,
        Some("my stories"),
    ),
    bind(&[key('o')], Action::ToggleSort, None),
    bind(&[key('/')], Action::Filter, None),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, None),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static POSTMORTEM_SOURCE: &[Binding] = &[
    bind(&[ctrl('s')], Action::DraftIt, Some("draft it")),
    bind(&[code(KeyCode::Esc)], Action::Back, Some("cancel")),
    bind(&[code(KeyCode::F(1))], Action::Help, Some("help")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static POSTMORTEM_DRAFT: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter), key('e')],
        Action::OpenDraft,
        Some("edit & save"),
    ),
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    bind(&[code(KeyCode::Esc), key('h')], Action::Back, Some("back")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static FILTER: &[Binding] = &[
    bind(&[code(KeyCode::Enter)], Action::Open, Some("keep filter")),
    bind(&[code(KeyCode::Esc)], Action::Back, Some("clear filter")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static EDITOR: &[Binding] = &[
    bind(&[ctrl('s')], Action::Save, Some("save")),
    bind(&[code(KeyCode::Tab)], Action::NextField, Some("next field")),
    bind(
        &[code(KeyCode::BackTab)],
        Action::PrevField,
        Some("previous"),
    ),
    bind(&[code(KeyCode::Esc)], Action::Back, Some("leave")),
    bind(&[code(KeyCode::F(1))], Action::Help, Some("help")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static SPOKEN: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    bind(&[code(KeyCode::Esc), key('h')], Action::Back, Some("back")),
    bind(&[key('?')], Action::Help, Some("help")),
    bind(&[key('q')], Action::Quit, None),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static HELP: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    bind(
        &[code(KeyCode::Esc), key('?'), key('q')],
        Action::Back,
        Some("close"),
    ),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

static CONFIRM: &[Binding] = &[
    bind(&[key('y')], Action::Yes, Some("yes")),
    bind(&[key('n'), code(KeyCode::Esc)], Action::No, Some("no")),
    bind(&[ctrl('c')], Action::ForceQuit, None),
];

pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::Home => HOME,
        Context::Stories => STORIES,
        Context::Examples => EXAMPLES,
        Context::Filter => FILTER,
        Context::Editor => EDITOR,
        Context::Spoken => SPOKEN,
        Context::Help => HELP,
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

/// The action a key means on this screen, if any.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    bindings(context)
        .iter()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_on_one_screen() {
        for context in [
            Context::Home,
            Context::Stories,
            Context::Examples,
            Context::Filter,
            Context::Editor,
            Context::Spoken,
            Context::Help,
            Context::Confirm,
            Context::Designs,
            Context::Metrics,
            Context::Opinions,
            Context::Picker,
            Context::Form,
            Context::Quiz,
            Context::Deck,
            Context::Review,
            Context::Rehearse,
            Context::RehearseResult,
            Context::RehearseRate,
            Context::Checklist,
            Context::Coverage,
            Context::Scenarios,
            Context::Troubleshoot,
            Context::TroubleshootResult,
            Context::PostmortemSource,
            Context::PostmortemDraft,
        ] {
            let keys: Vec<Key> = bindings(context)
                .iter()
                .flat_map(|b| b.keys.iter().copied())
                .collect();
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
        for context in [
            Context::Home,
            Context::Stories,
            Context::Filter,
            Context::Editor,
            Context::Help,
            Context::Confirm,
        ] {
            assert_eq!(action_for(context, &event), Some(Action::ForceQuit));
        }
    }
}
