//! The example stories must survive an interviewer: every figure a story
//! derives from others (budget shares, burn rates, connection sums, money)
//! is recomputed here from the story's own inputs. Each input and each
//! result is read out of the story by the words around it, so changing a
//! number in `stories/*.json` without changing what follows from it fails
//! this test, and so does rewording a sentence the test reads (then update
//! the phrase here, after checking the arithmetic).

use sre_prep::content::examples::example_stories;
use sre_prep::kit::Story;

/// Everything a story says, as one text: its beats, its metrics as
/// "name: before -> after", and its notes.
fn text_of(id: &str) -> String {
    let story: Story = example_stories()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no example story {id}"));
    let mut text = [
        &story.blast_radius,
        &story.role,
        &story.decision,
        &story.fix,
        &story.root_cause,
        &story.systemic_change,
        &story.notes,
    ]
    .map(|s| s.as_str())
    .join("\n");
    for m in &story.metrics {
        text.push_str(&format!("\n{}: {} -> {}", m.name, m.before, m.after));
    }
    text
}

/// The number where `{}` stands in `pattern`, as the story states it
/// ("1,900", "13.44", "7.5"). Panics, naming the pattern, when the story no
/// longer says it.
fn stated(text: &str, pattern: &str) -> f64 {
    let (before, after) = pattern
        .split_once("{}")
        .unwrap_or_else(|| panic!("pattern without {{}}: {pattern}"));
    for (at, _) in text.match_indices(before) {
        let rest = &text[at + before.len()..];
        let digits: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        // A full stop or comma after the number ends the sentence or clause.
        let number = digits.trim_end_matches(['.', ',']);
        if number.is_empty() || !rest[number.len()..].starts_with(after) {
            continue;
        }
        if let Ok(v) = number.replace(',', "").parse::<f64>() {
            return v;
        }
    }
    panic!("the story no longer says \"{pattern}\":\n{text}");
}

/// `stated` equals `worked` to the precision the story states it in.
fn agrees(stated: f64, worked: f64, precision: f64, what: &str) {
    assert!(
        (stated - worked).abs() <= precision / 2.0 + 1e-9,
        "{what}: the story says {stated}, the arithmetic gives {worked}"
    );
}

const MINUTES_IN_28_DAYS: f64 = 28.0 * 24.0 * 60.0;
const HOURS_IN_28_DAYS: f64 = 28.0 * 24.0;

#[test]
fn alerting_redesign_budget_burn_rates_and_pages() {
    let t = text_of("alerting-redesign");
    let slo = stated(&t, "availability SLO of {}% over 28 days") / 100.0;
    let budget_minutes = (1.0 - slo) * MINUTES_IN_28_DAYS;
    agrees(budget_minutes, 40.32, 0.01, "99.9% over 28 days");
    agrees(
        stated(&t, "of the {}-minute budget"),
        budget_minutes,
        0.01,
        "the budget in minutes",
    );

    // March: 9% of authorisations for 26 minutes.
    let errors = stated(&t, "failed {}% of card authorisations") / 100.0;
    let minutes = stated(&t, "card authorisations for {} minutes");
    let bad_minutes = errors * minutes;
    agrees(
        stated(&t, "% × 26 min = {} bad minutes"),
        bad_minutes,
        0.01,
        "bad minutes",
    );
    let share = bad_minutes / budget_minutes * 100.0;
    agrees(
        stated(&t, "that burned {}% of the"),
        share,
        0.1,
        "budget share",
    );
    agrees(
        stated(&t, "bad minutes, {}% of it"),
        share,
        0.1,
        "budget share, notes",
    );
    let burn = errors / (1.0 - slo);
    agrees(stated(&t, "a burn rate of {}x"), burn, 1.0, "burn rate");
    agrees(
        stated(&t, "is a {}x burn rate"),
        burn,
        1.0,
        "burn rate, notes",
    );
    agrees(
        stated(&t, "empties the budget in about {} hours"),
        HOURS_IN_28_DAYS / burn,
        0.5,
        "hours to empty the budget",
    );
    let per_second = stated(&t, "Card authorisations run at about {} a second");
    let failed = per_second * minutes * 60.0 * errors;
    agrees(
        stated(&t, "× 9% = {} failed"),
        failed,
        1.0,
        "failed payments, worked",
    );
    let said = stated(&t, "for 26 minutes, about {} failed payments");
    assert!(
        (said - failed).abs() / failed < 0.05,
        "the story says about {said} failed payments; {failed} by the arithmetic"
    );

    // The paging thresholds for a 28-day window.
    let fast_share = stated(&t, "x ({}% of the budget in an hour)") / 100.0;
    let fast = fast_share * HOURS_IN_28_DAYS;
    agrees(fast, 13.44, 0.001, "2% of a 28-day budget in an hour");
    agrees(stated(&t, "1h and 5m above {}x"), fast, 0.01, "fast burn");
    let slow = stated(&t, "x ({}% in six hours)") / 100.0 * HOURS_IN_28_DAYS / 6.0;
    agrees(stated(&t, "6h and 30m above {}x"), slow, 0.01, "slow burn");
    agrees(
        stated(&t, "A 28-day window is {} hours"),
        HOURS_IN_28_DAYS,
        1.0,
        "hours",
    );
    agrees(
        stated(&t, "in one hour is 0.02 × 672 = {} times"),
        fast,
        0.01,
        "13.44x, notes",
    );
    agrees(
        stated(&t, "{}x is the same rule for 30 days (720 hours)"),
        fast_share * 720.0,
        0.1,
        "the 30-day figure",
    );
    // When the fast-burn pair fires: the 1-hour error ratio must pass
    // fast × (1 - SLO); the 5-minute window passes it first.
    let threshold = fast * (1.0 - slo);
    agrees(
        stated(&t, "1-hour error ratio past {}%") / 100.0,
        threshold,
        0.00001,
        "the fast-burn threshold",
    );
    agrees(
        stated(&t, "the new fast-burn alert pages {} minutes in"),
        threshold / errors * 60.0,
        1.0,
        "March replayed",
    );
    agrees(
        stated(&t, "March's 9% took {} minutes"),
        threshold / errors * 60.0,
        1.0,
        "March replayed, notes",
    );
    agrees(
        stated(&t, "past 1.344% in {} seconds"),
        threshold * 3600.0,
        1.0,
        "a full outage",
    );

    // Alerts and pages.
    agrees(
        stated(&t, "I deleted {} threshold alerts") + stated(&t, "and demoted {} to tickets"),
        stated(&t, "instead of tuning the {} existing threshold alerts"),
        0.0,
        "alerts deleted and demoted",
    );
    let pages_before = stated(&t, "Pages per week: {} ->");
    let pages_after = stated(&t, "Pages per week: 38 -> {}");
    let false_before = stated(&t, "False-positive pages: {}% ->") / 100.0;
    let false_after = stated(&t, "False-positive pages: 67% -> {}%") / 100.0;
    let real_before = pages_before * (1.0 - false_before);
    let real_after = pages_after * (1.0 - false_after);
    agrees(
        stated(&t, "38 × 33% = {} real pages"),
        real_before,
        0.1,
        "real pages before",
    );
    agrees(
        stated(&t, "6 × 92% = {} after"),
        real_after,
        0.1,
        "real pages after",
    );
    agrees(
        stated(&t, "the other {} or so"),
        real_before - real_after,
        1.0,
        "pages that became tickets",
    );
    assert!(t.contains("8 min -> 90 s"), "MTTD pair");
}

#[test]
fn checkout_db_pool_connection_arithmetic_and_money() {
    let t = text_of("checkout-db-pool");
    let pool = stated(&t, "a pool of {} connections per pod");
    let max_connections = stated(&t, "max_connections {}");
    let other = stated(&t, "on top of about {} held by monitoring");
    // Demand, not connections held: the server cannot hold more than its limit.
    let grown_to = stated(&t, "from 20 to {} pods");
    let wanted = stated(&t, "{} connections wanted");
    agrees(wanted, grown_to * pool, 0.0, "connections wanted");
    assert!(wanted > max_connections, "it is demand above the limit");
    // The errors started when the pods' pools and the others filled the limit.
    let failing_at = stated(&t, "the autoscaler passing {} pods");
    agrees(
        stated(&t, "38 × 50 = {} connections"),
        failing_at * pool,
        0.0,
        "connections at 38 pods",
    );
    agrees(
        failing_at * pool + other,
        max_connections,
        0.0,
        "the limit reached",
    );
    agrees(
        stated(&t, "Checkout's PostgreSQL connections at the peak: {} ->"),
        failing_at * pool,
        0.0,
        "the before metric is what checkout held",
    );
    // The cap, and what it leaves free.
    let cap = stated(&t, "cap the deployment at {} pods");
    let capped = stated(&t, "connections each is {}");
    agrees(capped, cap * pool, 0.0, "connections at the cap");
    let free = max_connections - capped - other;
    assert!(free > 0.0, "the cap must fit under the limit");
    agrees(
        stated(&t, "hold leaves {} of the 2,000 free"),
        free,
        0.0,
        "free",
    );
    agrees(
        stated(&t, "admin leaves {} of the 2,000 free"),
        free,
        0.0,
        "free, notes",
    );
    agrees(stated(&t, "36 × 50 = {} connections"), capped, 0.0, "notes");
    // PgBouncer: the server pool is what PostgreSQL now sees from checkout.
    agrees(
        stated(&t, "at the peak: 1,900 -> {}"),
        stated(&t, "a fixed pool of {} server connections"),
        0.0,
        "the after metric",
    );
    assert!(
        stated(&t, "max_client_conn {})") >= wanted,
        "PgBouncer takes every client"
    );
    // Money: customers who did not come back × the average basket.
    agrees(
        stated(&t, "and {} of them did not come back") * stated(&t, "at our ${} average basket"),
        stated(&t, "about ${} of orders"),
        0.0,
        "orders lost",
    );
    assert!(
        stated(&t, "and {} of them did not come back")
            <= stated(&t, "About {} customers saw a failed checkout")
    );
    // The outage lasted as long as the MTTR it is the "before" of.
    agrees(
        stated(&t, "MTTR for database incidents: {} min ->"),
        stated(&t, "to 31% for {} minutes"),
        0.0,
        "MTTR before",
    );
}

#[test]
fn bad_config_deploy_timeline_sessions_and_budget() {
    let t = text_of("bad-config-deploy");
    // The rollback told is the rollback measured.
    agrees(
        stated(&t, "Rollback of a bad config: {} min ->"),
        stated(&t, "the emergency pipeline in {} minutes"),
        0.0,
        "rollback time before",
    );
    agrees(
        stated(&t, "the rollback took {} minutes by hand"),
        stated(&t, "the emergency pipeline in {} minutes"),
        0.0,
        "rollback time, notes",
    );
    // The rollout's timer explains why APAC got the change and the US did not.
    let stage = stated(&t, "on a fixed {}-minute timer");
    let apac = stated(&t, "it reached APAC at +{} minutes");
    let paused = stated(&t, "I paused the rollout at +{} minutes");
    let us = stated(&t, "before the US stage at +{}.");
    agrees(apac, stage, 0.0, "APAC is the second stage");
    agrees(us, 2.0 * stage, 0.0, "the US is the third stage");
    assert!(
        apac < paused && paused < us,
        "paused after APAC, before the US"
    );
    assert!(stated(&t, "I saw the EU errors at +{} ") < apac);
    assert!(
        paused + stated(&t, "the emergency pipeline in {} minutes")
            <= stated(&t, "for {} minutes roughly")
    );
    // Sessions: two-thirds had not logged in again.
    let sessions = stated(&t, "about {} million sessions") * 1e6;
    let not_again = stated(&t, "two-thirds of the sessions, about {} million") * 1e6;
    agrees(
        not_again,
        sessions * 2.0 / 3.0,
        0.1e6,
        "two-thirds of 2.1 million",
    );
    agrees(
        stated(&t, "logging the other {} out a second time"),
        sessions - not_again,
        0.0,
        "logged out twice",
    );
    // The error budget: 35% failed for 22 minutes against 99.9% over 28 days.
    let failed = stated(&t, "roughly {}% of login attempts failed") / 100.0;
    let minutes = stated(&t, "for {} minutes roughly");
    let slo = stated(&t, "of our {}% login SLO") / 100.0;
    let budget = (1.0 - slo) * MINUTES_IN_28_DAYS;
    agrees(
        stated(&t, "7.7 bad minutes of the {} that"),
        budget,
        0.01,
        "budget",
    );
    agrees(
        stated(&t, "× 22 min = {} bad minutes"),
        failed * minutes,
        0.1,
        "bad minutes",
    );
    let share = failed * minutes / budget * 100.0;
    agrees(
        stated(&t, "failed: {}% of the 28-day error budget"),
        share,
        1.0,
        "share",
    );
    agrees(stated(&t, "over 28 days, {}%."), share, 1.0, "share, notes");
    agrees(
        stated(
            &t,
            "Failed login attempts (during, then the week after): {}% ->",
        ),
        failed * 100.0,
        0.0,
        "the failed-login metric is the incident's",
    );
}

#[test]
fn every_strong_example_answers_questions_it_fits() {
    for story in example_stories() {
        if story.id == "weak-example" {
            continue;
        }
        assert!(story.questions.len() >= 2, "{}", story.id);
    }
    let ids = |id: &str| {
        example_stories()
            .into_iter()
            .find(|s| s.id == id)
            .map(|s| s.questions)
            .unwrap_or_default()
    };
    assert!(ids("alerting-redesign").contains(&"bad-alerting".to_string()));
    let checkout = ids("checkout-db-pool");
    assert!(checkout.contains(&"capacity-crisis".to_string()));
    assert!(!checkout.contains(&"key-people-unavailable".to_string()));
}
