//! Drafting stories from postmortems written for this project in ten
//! templates and styles: each beat lands in its field, My role and Decision
//! stay empty, the timeline's durations are right, and every sentence of a
//! field is the document's own.

use sre_prep::postmortem::{Beat, StoryDraft, draft, normalise::normalise};

fn read(name: &str) -> String {
    let path = format!("{}/tests/postmortems/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The source with markup taken off and white space collapsed, as the
/// draft's sentences are.
fn flat(text: &str) -> String {
    normalise(text)
        .replace("**", "")
        .replace("__", "")
        .replace('`', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const DERIVED: &str = "By the postmortem's timeline the impact lasted";

/// What every draft must be: the user's part left to the user, each
/// sentence of each field found in the source, no "I" made up.
fn check_common(name: &str, raw: &str, d: &StoryDraft) {
    let s = &d.story;
    assert_eq!(s.role, "", "{name}: My role is the user's to write");
    assert_eq!(s.decision, "", "{name}: Decision is the user's to write");
    assert!(!s.title.is_empty() && !s.id.is_empty(), "{name}: {s:?}");
    assert!(
        s.notes
            .starts_with("Drafted by sre-prep from a postmortem."),
        "{name}: {}",
        s.notes
    );
    let source = flat(raw);
    for (field, text) in [
        ("blast_radius", &s.blast_radius),
        ("fix", &s.fix),
        ("root_cause", &s.root_cause),
        ("systemic_change", &s.systemic_change),
    ] {
        for line in text.lines().filter(|l| !l.starts_with(DERIVED)) {
            let line = line.strip_prefix("- ").unwrap_or(line);
            for sentence in line.split(". ") {
                let sentence = sentence.trim_end_matches('.');
                assert!(
                    source.contains(sentence),
                    "{name}: {field} says {sentence:?}, which the postmortem does not"
                );
            }
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        assert!(
            !words.contains(&"I") && !words.contains(&"my") && !words.contains(&"My"),
            "{name}: {field} puts words in the user's mouth: {text}"
        );
    }
    for m in &s.metrics {
        assert_eq!(m.after, "", "{name}: the after-value is the user's");
    }
}

fn metrics(d: &StoryDraft) -> Vec<(String, String)> {
    d.story
        .metrics
        .iter()
        .map(|m| (m.name.clone(), m.before.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn from(d: &StoryDraft, beat: Beat) -> Vec<String> {
    d.source(beat).map(|s| s.from.clone()).unwrap_or_default()
}

fn has_claim(d: &StoryDraft, text: &str) -> bool {
    d.claims.iter().any(|c| c.contains(text))
}

#[test]
fn google_sre_book_template() {
    let raw = read("google_sre.md");
    let d = draft(&raw);
    check_common("google_sre.md", &raw, &d);
    let s = &d.story;
    assert_eq!(
        s.title,
        "Autocomplete outage after the memcached fleet resize"
    );
    assert!(s.blast_radius.starts_with(
        "Between 14:12 and 14:59 UTC, 38% of autocomplete requests failed with HTTP 503."
    ));
    assert!(
        s.blast_radius
            .contains("About 2.1 million search sessions saw no suggestions")
    );
    assert!(
        s.blast_radius.ends_with(
            "By the postmortem's timeline the impact lasted 47 min (14:12 to 14:59 UTC)."
        )
    );
    assert!(
        s.fix
            .starts_with("We rate-limited autocomplete traffic at the edge to 40% of normal")
    );
    assert!(
        s.root_cause
            .contains("The resize replaced 12 memcached nodes at once")
    );
    assert!(
        s.root_cause
            .contains("set max_unavailable: 100% on the memcached node pool")
    );
    assert!(s.root_cause.contains("paged the on-call engineer at 14:16"));
    // "What went wrong" under Lessons Learned looks back at the response.
    assert!(
        !s.root_cause.contains("Nobody reviewed"),
        "{}",
        s.root_cause
    );
    assert_eq!(
        s.systemic_change,
        "- Add a CI check that rejects max_unavailable above 10% on cache node pools\n- Add a cache-warming step to the memcached resize runbook\n- Alert on a cache hit rate below 80% for five minutes"
    );
    assert_eq!(from(&d, Beat::BlastRadius), ["Impact"]);
    assert_eq!(from(&d, Beat::Fix), ["Resolution"]);
    assert_eq!(
        from(&d, Beat::RootCause),
        ["Root Causes", "Trigger", "Detection"]
    );
    assert_eq!(from(&d, Beat::SystemicChange), ["Action Items"]);
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to detect (MTTD)", "4 min (14:12 to 14:16 UTC)"),
            ("Time to mitigate (MTTR)", "47 min (14:12 to 14:59 UTC)"),
            ("Time to resolve (MTTR)", "88 min (14:12 to 15:40 UTC)"),
        ])
    );
    assert!(has_claim(
        &d,
        "Who rate-limited autocomplete traffic? Was that you?"
    ));
    assert!(has_claim(
        &d,
        "Who reverted the node pool setting? Was that you?"
    ));
    assert!(has_claim(
        &d,
        "Decided to rate-limit at the edge rather than roll the node pool back"
    ));
    assert!(has_claim(&d, "the incident commander"));
    // The team's choice is asked about, never put in a field.
    assert!(!s.fix.contains("Decided") && !s.root_cause.contains("Decided"));
    assert!(
        s.notes.contains(
            "- 14:16 UTC first alert or page: Burn-rate alert pages the on-call engineer"
        ),
        "{}",
        s.notes
    );
}

#[test]
fn atlassian_template_with_bold_headings_and_a_table() {
    let raw = read("atlassian.txt");
    let d = draft(&raw);
    check_common("atlassian.txt", &raw, &d);
    let s = &d.story;
    assert_eq!(
        s.title,
        "Payments API returns 502s after a TLS certificate rotation"
    );
    assert!(s.blast_radius.starts_with(
        "From 09:14 to 10:02 AEST, 100% of card payments on the v2 endpoint failed with HTTP 502. 1,870 merchants were affected"
    ));
    assert!(
        s.blast_radius
            .ends_with("impact lasted 48 min (09:14 to 10:02 AEST).")
    );
    assert!(
        s.fix
            .starts_with("We restored the previous certificate on the load balancer at 09:58")
    );
    assert!(
        s.root_cause
            .contains("pinned trust store did not include that CA")
    );
    assert!(
        s.root_cause
            .contains("Certificate pinning in the payment gateway was maintained by hand")
    );
    assert!(
        !s.root_cause.contains("Why did"),
        "questions are no facts: {}",
        s.root_cause
    );
    assert_eq!(s.systemic_change.lines().count(), 3);
    assert!(
        s.systemic_change
            .starts_with("- Replace the hand-maintained pin list")
    );
    assert_eq!(from(&d, Beat::Fix), ["Recovery"]);
    assert_eq!(from(&d, Beat::SystemicChange), ["Corrective actions"]);
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to detect (MTTD)", "7 min (09:14 to 09:21 AEST)"),
            ("Time to mitigate (MTTR)", "44 min (09:14 to 09:58 AEST)"),
            ("Time to resolve (MTTR)", "86 min (09:14 to 10:40 AEST)"),
        ])
    );
    assert!(has_claim(
        &d,
        "Who restored the previous certificate? Was that you?"
    ));
    assert!(has_claim(&d, "Who checked the gateway logs? Was that you?"));
}

#[test]
fn pagerduty_template_with_label_lines_and_am_pm_across_noon() {
    let raw = read("pagerduty.txt");
    let d = draft(&raw);
    check_common("pagerduty.txt", &raw, &d);
    let s = &d.story;
    assert_eq!(
        s.title,
        "Login outage for EU customers: SSO sessions dropped"
    );
    assert!(
        s.blast_radius
            .starts_with("About 64,000 EU customers could not sign in")
    );
    assert!(
        s.blast_radius
            .contains("costing $18,000 in service credits.")
    );
    assert!(
        s.blast_radius
            .ends_with("impact lasted 52 min (11:41 AM to 12:33 PM PT).")
    );
    assert!(
        s.fix
            .contains("the database on-call killed the migration backend with pg_cancel_backend")
    );
    assert!(s.root_cause.contains("online on Postgres 11"));
    assert_eq!(from(&d, Beat::RootCause), ["Contributing Factor"]);
    assert!(
        s.systemic_change
            .starts_with("- Require CREATE INDEX CONCURRENTLY in the migration linter")
    );
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to detect (MTTD)", "8 min (11:41 AM to 11:49 AM PT)"),
            (
                "Time to mitigate (MTTR)",
                "46 min (11:41 AM to 12:27 PM PT)"
            ),
            ("Time to resolve (MTTR)", "94 min (11:41 AM to 1:15 PM PT)"),
        ])
    );
    assert!(has_claim(
        &d,
        "Who killed the migration backend? Was that you?"
    ));
    assert!(has_claim(
        &d,
        "cancel the migration instead of failing over to the replica"
    ));
    // The responders are the user's to claim, kept in the notes.
    assert!(
        s.notes
            .contains("The postmortem's \"Responders\" says: Incident commander, database on-call"),
        "{}",
        s.notes
    );
}

#[test]
fn github_style_prose_with_a_window_of_times() {
    let raw = read("github_style.md");
    let d = draft(&raw);
    check_common("github_style.md", &raw, &d);
    let s = &d.story;
    assert!(
        s.blast_radius
            .contains("pull request merges failed for about 19% of repositories")
    );
    assert!(
        s.blast_radius
            .ends_with("impact lasted 68 min (14:02 to 15:10 UTC).")
    );
    assert_eq!(
        s.fix,
        "At 14:37 UTC we rolled back the configuration change, and merges recovered by 14:58 UTC."
    );
    assert!(
        s.root_cause
            .contains("lowered the database connection pool from 50 to 5 connections per worker")
    );
    assert!(s.root_cause.contains("We were alerted at 14:09 UTC"));
    assert!(
        s.systemic_change
            .contains("we have added validation that rejects pool sizes")
    );
    assert_eq!(from(&d, Beat::Fix), ["text without a heading"]);
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to detect (MTTD)", "7 min (14:02 to 14:09 UTC)"),
            ("Time to mitigate (MTTR)", "56 min (14:02 to 14:58 UTC)"),
        ])
    );
    assert!(has_claim(
        &d,
        "Who rolled back the configuration change? Was that you?"
    ));
}

#[test]
fn cloudflare_style_blog_post_with_a_utc_timeline_across_midnight() {
    let raw = read("cloudflare_blog.md");
    let d = draft(&raw);
    check_common("cloudflare_blog.md", &raw, &d);
    let s = &d.story;
    assert_eq!(
        s.title,
        "How a routing change took down our EU edge for 68 minutes"
    );
    assert!(
        s.blast_radius
            .contains("At the peak, 27% of requests in the EU failed.")
    );
    assert!(
        s.blast_radius
            .ends_with("impact lasted 68 min (23:38 to 00:46 UTC).")
    );
    assert!(
        s.fix
            .starts_with("We reverted the template change and re-announced the prefixes.")
    );
    assert!(
        s.root_cause
            .contains("a missing condition made it withdraw them everywhere")
    );
    assert!(
        s.systemic_change
            .starts_with("We have added a check to the config generator")
    );
    assert_eq!(from(&d, Beat::Fix), ["How we fixed it"]);
    assert_eq!(
        from(&d, Beat::SystemicChange),
        ["What we're doing about it"]
    );
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to detect (MTTD)", "6 min (23:38 to 23:44 UTC)"),
            ("Time to mitigate (MTTR)", "68 min (23:38 to 00:46 UTC)"),
            ("Time to resolve (MTTR)", "112 min (23:38 to 01:30 UTC)"),
        ])
    );
    assert!(has_claim(
        &d,
        "Who reverted the template change? Was that you?"
    ));
}

#[test]
fn prose_without_a_single_heading() {
    let raw = read("no_headings.txt");
    let d = draft(&raw);
    check_common("no_headings.txt", &raw, &d);
    let s = &d.story;
    assert_eq!(
        s.blast_radius,
        "On Tuesday night our checkout service returned errors to about 30% of shoppers for 52 minutes, and roughly 4,100 orders could not be placed.\nBy the postmortem's timeline the impact lasted 52 min (23:41 to 00:33 UTC)."
    );
    assert_eq!(
        s.fix,
        "We rolled back the config at 00:21 and errors stopped by 00:33."
    );
    assert_eq!(
        s.root_cause,
        "A config push at 23:41 UTC lowered the connection limit on the payments database from 400 to 40, and the checkout pods ran out of connections within seconds. The on-call engineer was paged at 23:49 by the SLO burn-rate alert."
    );
    assert_eq!(
        s.systemic_change,
        "We have since added a CI check that rejects connection limits below 200, and a canary stage for database config changes."
    );
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to detect (MTTD)", "8 min (23:41 to 23:49 UTC)"),
            ("Time to mitigate (MTTR)", "52 min (23:41 to 00:33 UTC)"),
        ])
    );
    assert!(has_claim(&d, "Who rolled back the config? Was that you?"));
    assert!(has_claim(&d, "Who added a CI check? Was that you?"));
}

#[test]
fn html_pasted_from_a_wiki() {
    let raw = read("wiki_paste.html");
    let d = draft(&raw);
    check_common("wiki_paste.html", &raw, &d);
    let s = &d.story;
    assert_eq!(s.title, "Image uploads failing (INC-2291)");
    assert!(s.blast_radius.contains(
        "61% of image uploads from the iOS and Android apps failed with a \"try again later\" error."
    ));
    assert!(
        s.blast_radius
            .contains("About 230,000 uploads were lost & had to be retried by users.")
    );
    assert!(
        s.blast_radius
            .ends_with("impact lasted 72 min (10:03 to 11:15 UTC).")
    );
    assert_eq!(
        s.fix,
        "- Raised the proxy connection quota from 2,000 to 8,000.\n- Restarted the upload workers to clear their retry backlog."
    );
    assert!(
        s.root_cause
            .contains("A quota on the proxy’s outbound connections, set to 2,000 in 2021")
    );
    assert!(
        s.systemic_change
            .starts_with("- Add an alert when any proxy quota passes 80% of its limit.")
    );
    for text in [
        &s.title,
        &s.blast_radius,
        &s.fix,
        &s.root_cause,
        &s.systemic_change,
        &s.notes,
    ] {
        assert!(
            !text.contains('<') && !text.contains("&nbsp;") && !text.contains("&amp;"),
            "{text}"
        );
    }
    assert_eq!(from(&d, Beat::BlastRadius), ["Customer impact"]);
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to detect (MTTD)", "17 min (10:03 to 10:20 UTC)"),
            ("Time to mitigate (MTTR)", "72 min (10:03 to 11:15 UTC)"),
        ])
    );
    assert!(has_claim(
        &d,
        "Who raised the proxy connection quota? Was that you?"
    ));
}

#[test]
fn a_postmortem_that_is_mostly_timeline() {
    let raw = read("mostly_timeline.md");
    let d = draft(&raw);
    check_common("mostly_timeline.md", &raw, &d);
    let s = &d.story;
    assert_eq!(s.title, "INC-4117 payments-api 503s");
    assert!(s.blast_radius.starts_with(
        "- 09:15 Error rate on /charge climbs to 38%; merchants get 503s on card payments"
    ));
    assert!(
        s.fix
            .contains("09:38 Rollback complete, error rate back to 0.2%")
    );
    assert!(
        s.root_cause
            .contains("09:26 Connection pool exhaustion found in the v4.1 pods")
    );
    assert!(
        s.systemic_change
            .starts_with("- Make the canary stage mandatory for payments-api")
    );
    assert!(
        !s.fix.contains("Decision"),
        "a choice is the user's to claim: {}",
        s.fix
    );
    assert!(has_claim(
        &d,
        "09:31 Decision: roll back rather than hotfix the pool size"
    ));
    assert!(has_claim(
        &d,
        "Who found connection pool exhaustion? Was that you?"
    ));
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to detect (MTTD)", "4 min (09:15 to 09:19 UTC)"),
            ("Time to mitigate (MTTR)", "23 min (09:15 to 09:38 UTC)"),
            ("Time to resolve (MTTR)", "50 min (09:15 to 10:05 UTC)"),
        ])
    );
}

#[test]
fn restructuredtext_with_underlined_headings() {
    let raw = read("underlined.rst");
    let d = draft(&raw);
    check_common("underlined.rst", &raw, &d);
    let s = &d.story;
    assert_eq!(s.title, "DNS resolution failures in the build farm");
    assert!(
        s.blast_radius
            .starts_with("For 35 minutes, 80% of CI builds failed at the dependency download step")
    );
    assert!(
        s.blast_radius
            .ends_with("impact lasted 35 min (16:05 to 16:40).")
    );
    assert_eq!(
        s.fix,
        "The build infra on-call scaled CoreDNS from 2 to 6 replicas and raised the CPU limit to 1 core. Builds recovered at 16:40."
    );
    assert!(
        s.root_cause
            .contains("the remaining pods hit their CPU limit of 200m and dropped queries")
    );
    assert!(
        s.root_cause
            .contains("Developers posted in the CI help channel at 16:12")
    );
    assert_eq!(s.systemic_change.lines().count(), 3);
    assert_eq!(from(&d, Beat::BlastRadius), ["What users saw"]);
    assert_eq!(
        from(&d, Beat::RootCause),
        ["Why it happened", "How we found out"]
    );
    assert_eq!(from(&d, Beat::Fix), ["Recovery"]);
    assert_eq!(
        from(&d, Beat::SystemicChange),
        ["What we are doing about it"]
    );
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to detect (MTTD)", "7 min (16:05 to 16:12)"),
            ("Time to mitigate (MTTR)", "35 min (16:05 to 16:40)"),
        ])
    );
    assert!(has_claim(&d, "Who scaled CoreDNS? Was that you?"));
}

#[test]
fn status_page_updates_newest_first_across_midnight() {
    let raw = read("status_page.txt");
    let d = draft(&raw);
    check_common("status_page.txt", &raw, &d);
    let s = &d.story;
    assert_eq!(s.title, "Elevated API error rates");
    assert!(
        s.blast_radius
            .starts_with("About 12% of API requests are failing.")
    );
    assert!(
        s.fix
            .starts_with("We rolled back the load balancer configuration")
    );
    assert!(s.root_cause.contains(
        "identified as a load balancer configuration change that dropped long-lived connections"
    ));
    assert_eq!(s.systemic_change, "", "the updates name no lasting change");
    assert_eq!(
        metrics(&d),
        pairs(&[
            ("Time to mitigate (MTTR)", "49 min (23:52 to 00:41 UTC)"),
            ("Time to resolve (MTTR)", "80 min (23:52 to 01:12 UTC)"),
        ])
    );
}

#[test]
fn the_same_story_whatever_the_heading_style() {
    let body = [
        (
            "Impact",
            "About 12% of checkout requests failed for 20 minutes.",
        ),
        (
            "Root cause",
            "A bad config lowered the pool size, so the workers ran out of connections.",
        ),
        ("Resolution", "We rolled back the config at 14:20."),
        (
            "Action items",
            "We added a CI check that rejects pool sizes below 50.",
        ),
    ];
    type Render = fn(&str, &str) -> String;
    let styles: [(&str, Render); 5] = [
        ("markdown", |h, t| format!("## {h}\n\n{t}\n\n")),
        ("underlined", |h, t| {
            format!("{h}\n{}\n{t}\n\n", "-".repeat(h.len()))
        }),
        ("bold", |h, t| format!("**{h}**\n{t}\n\n")),
        ("label", |h, t| format!("{h}: {t}\n")),
        ("html", |h, t| format!("<h3>{h}</h3><p>{t}</p>")),
    ];
    for (style, render) in styles {
        let text: String = body.iter().map(|(h, t)| render(h, t)).collect();
        let s = draft(&text).story;
        assert_eq!(s.blast_radius, body[0].1, "{style}");
        assert_eq!(s.root_cause, body[1].1, "{style}");
        assert_eq!(s.fix, body[2].1, "{style}");
        assert_eq!(s.systemic_change, body[3].1, "{style}");
        assert_eq!((s.role.as_str(), s.decision.as_str()), ("", ""), "{style}");
    }
}

#[test]
fn a_long_section_is_condensed_to_its_strongest_sentences() {
    let mut text = String::from("## Impact\n\n");
    text.push_str("About 41% of logins failed for 35 minutes across the EU region. ");
    for n in 0..20 {
        text.push_str(&format!(
            "The team held meeting number {n} about the dashboards. "
        ));
    }
    let d = draft(&text);
    assert!(
        d.story
            .blast_radius
            .starts_with("About 41% of logins failed for 35 minutes")
    );
    let source = d.source(Beat::BlastRadius).unwrap();
    assert_eq!(source.found, 21);
    assert!(source.kept <= 5, "{source:?}");
    assert!(d.story.blast_radius.split_whitespace().count() <= 110);
}

#[test]
fn text_pasted_from_a_web_page_reads_as_written() {
    // A footnote marker, sentences run together, and a heading that says how long.
    let raw = "### May 2 09:10 UTC (lasting 2 hours and 5 minutes)\n\n**Impact** :[12](https://example.org/pm#fn12) Builds failed for 40% of repositories.The queue backed up for every team.\n\nThis was due to a bad runner image.We mitigated the incident by reverting the image upon finding the cause.\n";
    let d = draft(raw);
    let s = &d.story;
    assert_eq!(
        s.blast_radius,
        "Builds failed for 40% of repositories. The queue backed up for every team.\nThe postmortem gives the impact as lasting 2 hours and 5 minutes (125 min)."
    );
    assert!(
        s.blast_radius.starts_with("Builds"),
        "a footnote marker is no number"
    );
    assert_eq!(
        s.fix,
        "We mitigated the incident by reverting the image upon finding the cause."
    );
    assert_eq!(s.root_cause, "This was due to a bad runner image.");
    assert!(has_claim(&d, "Who mitigated the incident? Was that you?"));
}

#[test]
fn a_clause_cut_at_a_semicolon_reads_on_and_a_last_one_ends_with_a_full_stop() {
    let text = "# Row C power loss\n\n## Impact\n126 hosts lost power without shutdown; the \
                ingest API rejected 100% of writes for 22 minutes.\n\n## Root cause\nEvery B \
                circuit had to carry 38 A with feed A out;\n";
    let d = draft(text);
    assert_eq!(
        d.story.blast_radius,
        "126 hosts lost power without shutdown; the ingest API rejected 100% of writes for 22 \
         minutes."
    );
    assert!(
        d.story
            .root_cause
            .ends_with("Every B circuit had to carry 38 A with feed A out."),
        "{:?}",
        d.story.root_cause
    );
}
