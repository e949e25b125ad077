//! Story scoring: an interviewer's eye on an incident story, offline. Six
//! dimensions, each 0 to 5, every point backed by evidence (the words, their
//! byte span and field, the rule that gave it), plus advice for what is
//! missing, warnings, and the spoken length.
//!
//! The same function serves `sre-prep score`, the TUI, drills and readiness.

mod analysis;
pub mod beats;
mod blast_radius;
pub mod calibration;
mod decision;
pub mod facts;
mod fix;
pub mod lexicon;
mod numbers;
pub mod quantity;
mod role;
mod speaker;
mod systemic_change;
pub mod text;
mod warnings;
mod weights;

use serde::Serialize;

use crate::kit::{Story, StoryField};
use analysis::{Analysis, Field, FieldKind};
pub use warnings::{Warning, WarningKind};

/// Words a minute when telling a story out loud.
pub const SPOKEN_WORDS_PER_MINUTE: usize = 140;

/// The six dimensions, in playbook order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    BlastRadius,
    Role,
    Decision,
    Fix,
    SystemicChange,
    Numbers,
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::BlastRadius,
        Dimension::Role,
        Dimension::Decision,
        Dimension::Fix,
        Dimension::SystemicChange,
        Dimension::Numbers,
    ];

    /// The JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::BlastRadius => "blast_radius",
            Dimension::Role => "role",
            Dimension::Decision => "decision",
            Dimension::Fix => "fix",
            Dimension::SystemicChange => "systemic_change",
            Dimension::Numbers => "numbers",
        }
    }

    /// The dimension a story field feeds, if any (the title and the
    /// private notes feed none; how the root cause was found is the fix).
    pub const fn of_field(field: StoryField) -> Option<Dimension> {
        match field {
            StoryField::BlastRadius => Some(Dimension::BlastRadius),
            StoryField::Role => Some(Dimension::Role),
            StoryField::Decision => Some(Dimension::Decision),
            StoryField::Fix | StoryField::RootCause => Some(Dimension::Fix),
            StoryField::SystemicChange => Some(Dimension::SystemicChange),
            StoryField::Metrics => Some(Dimension::Numbers),
            StoryField::Title | StoryField::Notes => None,
        }
    }

    /// The name a user reads.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::BlastRadius => "Blast radius",
            Dimension::Role => "My role",
            Dimension::Decision => "Decision",
            Dimension::Fix => "Fix",
            Dimension::SystemicChange => "Systemic change",
            Dimension::Numbers => "Before/after numbers",
        }
    }
}

/// The rule that gave a piece of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    WhoWasHurt,
    HowMany,
    HowLong,
    Cost,
    Extent,
    FirstPersonAction,
    TeamAction,
    IncidentRole,
    Ownership,
    CreditToOthers,
    MyDecision,
    TeamDecision,
    Alternative,
    Reason,
    Risk,
    TechnicalDetail,
    Specifics,
    ConcreteChange,
    Mechanism,
    RootCauseFound,
    Detection,
    Prevention,
    Mitigation,
    Process,
    BeforeAfter,
    RelativeChange,
    Figure,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::WhoWasHurt => "who_was_hurt",
            Rule::HowMany => "how_many",
            Rule::HowLong => "how_long",
            Rule::Cost => "cost",
            Rule::Extent => "extent",
            Rule::FirstPersonAction => "first_person_action",
            Rule::TeamAction => "team_action",
            Rule::IncidentRole => "incident_role",
            Rule::Ownership => "ownership",
            Rule::CreditToOthers => "credit_to_others",
            Rule::MyDecision => "my_decision",
            Rule::TeamDecision => "team_decision",
            Rule::Alternative => "alternative",
            Rule::Reason => "reason",
            Rule::Risk => "risk",
            Rule::TechnicalDetail => "technical_detail",
            Rule::Specifics => "specifics",
            Rule::ConcreteChange => "concrete_change",
            Rule::Mechanism => "mechanism",
            Rule::RootCauseFound => "root_cause_found",
            Rule::Detection => "detection",
            Rule::Prevention => "prevention",
            Rule::Mitigation => "mitigation",
            Rule::Process => "process",
            Rule::BeforeAfter => "before_after",
            Rule::RelativeChange => "relative_change",
            Rule::Figure => "figure",
        }
    }
}

/// Words that earned a point: where they are and why they count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The story field (`blast_radius`, `metrics[0]`, ...), or `text` for free text.
    pub field: String,
    /// Byte span in that field's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub rule: &'static str,
    pub why: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DimensionScore {
    /// 0 to 5.
    pub score: u8,
    pub evidence: Vec<Evidence>,
    /// What to add, most useful first; empty at 5.
    pub advice: Vec<String>,
}

impl DimensionScore {
    fn missing(&mut self, tip: &str) {
        self.advice.push(tip.to_string());
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Dimensions {
    pub blast_radius: DimensionScore,
    pub role: DimensionScore,
    pub decision: DimensionScore,
    pub fix: DimensionScore,
    pub systemic_change: DimensionScore,
    pub numbers: DimensionScore,
}

impl Dimensions {
    fn get_mut(&mut self, dimension: Dimension) -> &mut DimensionScore {
        match dimension {
            Dimension::BlastRadius => &mut self.blast_radius,
            Dimension::Role => &mut self.role,
            Dimension::Decision => &mut self.decision,
            Dimension::Fix => &mut self.fix,
            Dimension::SystemicChange => &mut self.systemic_change,
            Dimension::Numbers => &mut self.numbers,
        }
    }

    pub fn get(&self, dimension: Dimension) -> &DimensionScore {
        match dimension {
            Dimension::BlastRadius => &self.blast_radius,
            Dimension::Role => &self.role,
            Dimension::Decision => &self.decision,
            Dimension::Fix => &self.fix,
            Dimension::SystemicChange => &self.systemic_change,
            Dimension::Numbers => &self.numbers,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StoryScore {
    /// 0 to 100: the six dimensions, less 2 points a hedge and 1 a vague amount (at most 10).
    pub total: u8,
    pub words: usize,
    pub spoken_seconds: u32,
    pub dimensions: Dimensions,
    pub warnings: Vec<Warning>,
}

impl StoryScore {
    /// The lowest dimension (the first in playbook order on a tie).
    pub fn weakest(&self) -> (Dimension, u8) {
        Summary::of(self).weakest()
    }

    /// Points the warnings took off the total.
    pub fn penalty(&self) -> u8 {
        let sum: u32 = Dimension::ALL
            .iter()
            .map(|&d| u32::from(self.dimensions.get(d).score))
            .sum();
        let raw = ((sum * 100 + 15) / 30) as u8;
        raw.saturating_sub(self.total)
    }
}

/// A story score without its evidence: the total and the six dimension
/// scores, in the order of [`Dimension::ALL`]. What lists, caches and the
/// readiness checklist keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub total: u8,
    pub dimensions: [u8; 6],
}

impl Summary {
    pub fn of(score: &StoryScore) -> Summary {
        let mut dimensions = [0; 6];
        for (slot, d) in dimensions.iter_mut().zip(Dimension::ALL) {
            *slot = score.dimensions.get(d).score;
        }
        Summary {
            total: score.total,
            dimensions,
        }
    }

    /// The lowest dimension, first in playbook order on a tie.
    pub fn weakest(&self) -> (Dimension, u8) {
        let (i, score) = self
            .dimensions
            .iter()
            .enumerate()
            .min_by_key(|&(_, s)| *s)
            .map(|(i, s)| (i, *s))
            .unwrap_or((0, 0));
        (Dimension::ALL[i], score)
    }

    /// Interview-ready: total at least 70 and no dimension under 3.
    pub fn ready(&self) -> bool {
        self.total >= 70 && self.dimensions.iter().all(|&d| d >= 3)
    }
}

/// One before/after metric of a story as the line the scorer reads:
/// `"MTTR: 42 min -> 11 min"`. Evidence spans in `metrics[i]` point into it.
pub fn metric_line(name: &str, before: &str, after: &str) -> String {
    format!("{}: {} -> {}", name.trim(), before.trim(), after.trim())
}

/// The rules' verdict on each dimension, before calibration.
fn judge(fields: &[Field]) -> Dimensions {
    let view = |home: Option<&[&str]>| Analysis::of(fields, home);
    Dimensions {
        blast_radius: blast_radius::score(&view(Some(&["blast_radius"]))),
        role: role::score(&view(None)),
        // Decision reads other beats' fields too, for a call made there
        // with the option it beat.
        decision: decision::score(&view(None)),
        fix: fix_or_lasting_change(fields),
        systemic_change: lasting_change_or_lasting_fix(fields),
        numbers: numbers::score(&view(None)),
    }
}

/// The fix, from the fix's and root cause's own beats and the untold
/// rest; when those show no concrete change, the change that resolved it may
/// stand where the story tells what changed for good (a postmortem whose
/// "What changed" holds the unique constraint that ends the duplicates).
fn fix_or_lasting_change(fields: &[Field]) -> DimensionScore {
    // In free text, the section on the call made often tells the change
    // made ("Decisions. ... raised the limit, then rolled back").
    let home: &[&str] = if told_freely(fields) {
        &["fix", "root_cause", "decision"]
    } else {
        &["fix", "root_cause"]
    };
    let own = fix::score(&Analysis::of(fields, Some(home)));
    if own.score >= 3 || !fields.iter().any(|f| f.beat == Some("systemic_change")) {
        return own;
    }
    let wider = fix::score(&Analysis::of(
        fields,
        Some(&[home, &["systemic_change"]].concat()),
    ));
    if wider.score > own.score { wider } else { own }
}

/// What changed for good, from its own beat and the untold rest; when
/// those show less than one concrete change and the story has no section
/// for it, a fix told with evidence that it has held ("Fix: the minute now
/// comes from fqdn_rand ... no 'too many clients' errors since", or what
/// a "The fix itself:" paragraph goes on to say lasts) is a lasting change
/// too, when it reads higher.
fn lasting_change_or_lasting_fix(fields: &[Field]) -> DimensionScore {
    // In text told freely, a section on the speaker's part ("Task: I led
    // SLO adoption ...", "- Me: set up Renovate org-wide") tells what they
    // did, and what they built may last: it is read too. A structured
    // story's role field says who the speaker was.
    let home: &[&str] = if told_freely(fields) {
        &["systemic_change", "role"]
    } else {
        &["systemic_change"]
    };
    let own = systemic_change::score(&Analysis::of(fields, Some(home)));
    // A story with a section of its own for what lasts has said it there.
    if own.score >= 3
        || !fields.iter().any(|f| f.beat == Some("fix"))
        || fields.iter().any(|f| f.beat == Some("systemic_change"))
    {
        return own;
    }
    let wider = systemic_change::score(&Analysis::of(fields, Some(&[home, &["fix"]].concat())));
    let held = wider
        .evidence
        .iter()
        .any(|e| e.why == systemic_change::WORKS);
    if held && wider.score > own.score {
        wider
    } else {
        own
    }
}

/// Free text, read in sections by its labels, not a structured story's fields.
fn told_freely(fields: &[Field]) -> bool {
    fields.iter().any(|f| f.name == TEXT)
}

/// How a story's levels are set: by the rules alone, or calibrated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Levels {
    /// A structured story: each field says its beat, the rules read it
    /// well, and advice followed in a field is seen to raise its level.
    Rules,
    /// Free text: the rules find the evidence, the calibration model sets
    /// the level an interviewer would give.
    Calibrated,
}

fn score_fields(fields: Vec<Field>, levels: Levels) -> StoryScore {
    let mut dimensions = judge(&fields);
    let analysis = Analysis::of(&fields, None);
    if levels == Levels::Calibrated {
        calibrate(&mut dimensions, &fields, &analysis);
    }
    let (warnings, penalty) = warnings::find(&analysis);
    let mut score = StoryScore {
        total: 0,
        words: analysis.words(),
        spoken_seconds: 0,
        dimensions,
        warnings,
    };
    let sum: u32 = Dimension::ALL
        .iter()
        .map(|&d| u32::from(score.dimensions.get(d).score.min(5)))
        .sum();
    // Rounded to the nearest point: 30 points of dimensions make 100.
    score.total = (((sum * 100 + 15) / 30) as u8).saturating_sub(penalty);
    score.spoken_seconds =
        ((score.words * 60 + SPOKEN_WORDS_PER_MINUTE / 2) / SPOKEN_WORDS_PER_MINUTE) as u32;
    for d in [
        &mut score.dimensions.blast_radius,
        &mut score.dimensions.role,
        &mut score.dimensions.decision,
        &mut score.dimensions.fix,
        &mut score.dimensions.systemic_change,
        &mut score.dimensions.numbers,
    ] {
        if d.score >= 5 {
            d.advice.clear();
        } else {
            d.advice.truncate(1);
        }
    }
    score
}

/// Whether the story gives `dimension` its own field, labelled section or
/// metric line.
fn beat_present(fields: &[Field], dimension: Dimension) -> bool {
    fields.iter().any(|f| {
        !f.text.trim().is_empty()
            && match dimension {
                Dimension::Numbers => f.kind == FieldKind::Metric,
                Dimension::Fix => matches!(f.beat, Some("fix" | "root_cause")),
                d => f.beat == Some(d.key()),
            }
    })
}

/// The calibration model's inputs for each dimension, in
/// `Dimension::ALL` order (the rule's level first): what `train_scorer` fits.
fn calibration_inputs(fields: &[Field]) -> [[f32; calibration::FEATURES]; 6] {
    let dimensions = judge(fields);
    let story = calibration::Story::read(&Analysis::of(fields, None));
    Dimension::ALL
        .map(|d| calibration::features(&story, dimensions.get(d), beat_present(fields, d)))
}

/// [`calibration_inputs`] of a structured story.
pub fn story_calibration_inputs(story: &Story) -> [[f32; calibration::FEATURES]; 6] {
    let lines = metric_lines(story);
    calibration_inputs(&story_fields(story, &lines))
}

/// [`calibration_inputs`] of free text.
pub fn text_calibration_inputs(text: &str) -> [[f32; calibration::FEATURES]; 6] {
    calibration_inputs(&text_fields(text))
}

/// Every word and word pair of free text the calibration model could
/// weigh (see [`calibration::each_term`]): what `train_scorer` chooses
/// its terms from.
pub fn text_terms(text: &str) -> std::collections::BTreeSet<String> {
    let fields = text_fields(text);
    let mut terms = std::collections::BTreeSet::new();
    calibration::each_term(&Analysis::of(&fields, None), |t| {
        if !terms.contains(t) {
            terms.insert(t.to_string());
        }
    });
    terms
}

/// Sets each dimension's level as the calibration model reads its evidence.
fn calibrate(dimensions: &mut Dimensions, fields: &[Field], analysis: &Analysis) {
    let story = calibration::Story::read(analysis);
    for d in Dimension::ALL {
        let score = dimensions.get_mut(d);
        let x = calibration::features(&story, score, beat_present(fields, d));
        score.score =
            calibration::calibrated(d, &story, score.score, !score.evidence.is_empty(), &x);
        if score.score < 5 && score.advice.is_empty() {
            // The rules saw nothing missing, the model still wants more.
            score.missing(more_of(d));
        }
    }
}

/// What to add when the rules found every part of a dimension but the
/// calibration model, reading the story as the raters did, still puts it
/// short of 5: the parts are there, the telling is thin.
fn more_of(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::BlastRadius => {
            "Every part is there; tell it fuller: who was hurt, how many, for how long and what it cost, each with its figure."
        }
        Dimension::Role => {
            "Every part is there; say more of what you did yourself, in the first person."
        }
        Dimension::Decision => {
            "Every part is there; tell the call fuller: each option, the fact that tipped it, and the risk you accepted, with its size."
        }
        Dimension::Fix => {
            "Every part is there; tell it fuller: the signal that led you to the cause, the tool, and exactly what you changed."
        }
        Dimension::SystemicChange => {
            "Every part is there; tell it fuller: what each change does, and the evidence it has worked since."
        }
        Dimension::Numbers => {
            "Every part is there; add a second before/after pair of another kind."
        }
    }
}

/// Scores a structured story: the six prose beats and the metrics (not the
/// title, not the private notes).
pub fn score_story(story: &Story) -> StoryScore {
    let lines = metric_lines(story);
    score_fields(story_fields(story, &lines), Levels::Rules)
}

fn metric_lines(story: &Story) -> Vec<String> {
    story
        .metrics
        .iter()
        .map(|m| metric_line(&m.name, &m.before, &m.after))
        .collect()
}

fn story_fields<'a>(story: &'a Story, lines: &'a [String]) -> Vec<Field<'a>> {
    let mut fields: Vec<Field> = StoryField::beats()
        .map(|field| {
            let text = story.prose(field).unwrap_or_default();
            Field::new(field.key(), FieldKind::Prose, text)
        })
        .collect();
    for (i, line) in lines.iter().enumerate() {
        fields.push(Field::new(format!("metrics[{i}]"), FieldKind::Metric, line));
    }
    fields
}

/// The name of every section of free text.
pub(crate) const TEXT: &str = "text";

fn text_fields(text: &str) -> Vec<Field<'_>> {
    beats::sections(text)
        .into_iter()
        .map(|s| {
            let mut field = Field::section(
                TEXT,
                FieldKind::Prose,
                &text[s.start..s.end],
                s.start,
                s.beat,
            );
            field.setting = s.setting;
            field.to_do = s.to_do;
            field
        })
        .collect()
}

/// Scores free text: a typed rehearsal answer, a pasted paragraph.
/// Labelled text ("Impact: ... Fix: ...") is read section by section, each
/// for the beat its label names.
pub fn score_text(text: &str) -> StoryScore {
    score_fields(text_fields(text), Levels::Calibrated)
}
