//! The full `score --json` output for a handful of stories, kept as reviewed
//! snapshots: any change to a rule shows up here as a diff to read.

use sre_prep::cli::score::to_json;
use sre_prep::content::examples::example_stories;
use sre_prep::score::{score_story, score_text};

#[test]
fn the_example_stories() {
    for story in example_stories() {
        insta::assert_snapshot!(
            format!("example-{}", story.id),
            to_json(&score_story(&story))
        );
    }
}

#[test]
fn free_text_answers() {
    let answers = [
        (
            "vague",
            "I was on call and handled a lot of incidents. We basically fixed things and it got better.",
        ),
        (
            "rehearsal",
            "I was the incident commander when checkout failed for 47 minutes and 31% of EU customers could not pay. \
             I decided to shed 30% of search traffic at the edge rather than fail over the database, because the \
             database host was healthy and a failover meant four minutes of write downtime. I found the cause by \
             comparing pod count with PostgreSQL connections: 64 pods times a pool of 50 exceeded max_connections. \
             I capped the deployment and added PgBouncer, and I added a CI check on pool size times replicas. \
             Peak checkout errors went from 31% to 0.3% at the next sale, and MTTR went from 47 minutes to 12 minutes.",
        ),
        ("empty", ""),
    ];
    for (name, text) in answers {
        insta::assert_snapshot!(format!("text-{name}"), to_json(&score_text(text)));
    }
}
