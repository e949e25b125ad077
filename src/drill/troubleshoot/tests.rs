//! The engine's tests: the shell and word helpers, every built-in scenario
//! played three ways, causes in candidates' words, and each part of the
//! judgment.

use super::shell::*;
use super::words::*;
use super::*;

mod basics {
    use super::*;

    #[test]
    fn words_start_words() {
        let m: Match = vec![vec!["delet".into()], vec!["open".into(), "held".into()]];
        assert!(matches("A deleted log still held by java", &m));
        assert!(
            !matches("undeleted files are open", &m),
            "mid-word does not count"
        );
        assert!(
            !matches("the file was deleted", &m),
            "every group must match"
        );
    }

    #[test]
    fn hypotheses_name_their_areas() {
        let tags = hypothesis_tags("the disk is full of a deleted log");
        assert!(tags.contains("disk"), "{tags:?}");
        let tags = hypothesis_tags("DNS lookups are slow because of ndots");
        assert_eq!(tags.into_iter().collect::<Vec<_>>(), ["dns"]);
        assert!(hypothesis_tags("cpu memory disk network dns tls").len() > BROAD);
    }

    #[test]
    fn pipes_filter_what_is_seen() {
        let text = "one OOM\ntwo\nthree oom\nfour";
        let grep = pipeline("dmesg | grep -i oom | tail -n 1");
        assert_eq!(filter(text, &grep[1..]), "three oom");
        assert_eq!(
            filter(text, &pipeline("x | grep -v oom")[1..]),
            "one OOM\ntwo\nfour"
        );
        assert_eq!(filter(text, &pipeline("x | head -2")[1..]), "one OOM\ntwo");
        assert_eq!(filter(text, &pipeline("x | wc -l")[1..]), "4");
        assert_eq!(
            filter(text, &pipeline("x | grep -E 'two|four'")[1..]),
            "two\nfour"
        );
        assert_eq!(
            filter(text, &pipeline(r"x | grep 'two\|four'")[1..]),
            "two\nfour"
        );
        assert_eq!(filter(text, &pipeline("x | grep -c o")[1..]), "4");
    }

    #[test]
    fn placeholders_are_filled_and_other_braces_kept() {
        let vars = [("host", "api-3")];
        let caps = vec!["dig x".to_string(), "x.example".to_string()];
        assert_eq!(
            fill("{host} asked {1}: {\"a\": {2}}", &vars, &caps),
            "api-3 asked x.example: {\"a\": {2}}"
        );
    }

    #[test]
    fn sudo_and_prompts_are_taken_out() {
        assert_eq!(scenario::normalize("$ sudo   lsof  +L1"), "lsof +L1");
        assert_eq!(scenario::normalize("sudo -i dmesg -T"), "dmesg -T");
    }
}

/// Every built-in scenario, played three ways: its model path, a scan of
/// every command it knows with no hypothesis, and giving up at once.
mod scenario_tests {
    use super::*;

    fn lines(inputs: &[&str]) -> Vec<Input> {
        replay_inputs(&inputs.join("\n"))
    }

    fn model(s: &Scenario) -> Vec<Input> {
        let steps: Vec<&str> = s.model.iter().map(|m| m.input.as_str()).collect();
        lines(&steps)
    }

    /// Every command the scenario answers, in order, then the model's cause.
    fn scan(s: &Scenario) -> Vec<Input> {
        let mut steps: Vec<&str> = s.commands.iter().map(|c| c.example.as_str()).collect();
        let cause = s
            .model
            .iter()
            .find(|m| m.input.starts_with("c "))
            .map(|m| m.input.as_str())
            .unwrap_or("c");
        steps.push(cause);
        lines(&steps)
    }

    #[test]
    fn there_are_fifteen_or_more_scenarios_that_hold_together() {
        let all = scenario::built_in();
        assert!(all.len() >= 15, "{} scenarios", all.len());
        let mut ids = BTreeSet::new();
        for s in &all {
            assert!(ids.insert(s.id.clone()), "{} twice", s.id);
            scenario::check(s).unwrap_or_else(|e| panic!("{}: {e}", s.id));
            assert!(s.hints.len() >= 2, "{}: hints", s.id);
            assert!(s.follow_ups.len() >= 3, "{}: follow-ups", s.id);
            assert!(!s.mitigations.is_empty(), "{}: mitigations", s.id);
            assert!(!s.decoys.is_empty(), "{}: decoys", s.id);
            assert!(s.par_minutes > 0, "{}: par", s.id);
        }
    }

    #[test]
    fn each_example_answers_with_its_own_output() {
        let baseline = scenario::baseline();
        for s in scenario::built_in().iter() {
            let compiled = {
                let mut c = compile_all(&s.commands);
                c.extend(compile_all(&baseline.commands));
                c
            };
            for command in s.commands.iter().chain(&baseline.commands) {
                let got = lookup(&compiled, &command.example).0.command;
                let own = s.commands.iter().any(|c| std::ptr::eq(c, command));
                // A baseline command the scenario overrides answers with the override.
                if own || !s.commands.iter().any(|c| c.example == command.example) {
                    assert!(
                        got.is_some_and(|g| std::ptr::eq(g, command)
                            || (!own && s.commands.iter().any(|c| std::ptr::eq(g, c)))),
                        "{}: `{}` is answered by `{}`",
                        s.id,
                        command.example,
                        got.map(|g| g.example.as_str()).unwrap_or("nothing")
                    );
                }
            }
        }
    }

    #[test]
    fn the_model_path_solves_each_scenario_with_a_high_score() {
        for s in scenario::built_in() {
            let played = play(&s, &model(&s));
            let j = &played.judgment;
            assert!(j.solved, "{}: {:#?}", s.id, played.transcript);
            assert!(
                j.score >= 90,
                "{}: model scores {}: {:#?}",
                s.id,
                j.score,
                j.checks
            );
            assert!(j.penalties.is_empty(), "{}: {:?}", s.id, j.penalties);
            for entry in &played.transcript {
                if entry.kind == Kind::Command {
                    assert_ne!(
                        entry.output, NOTHING_UNUSUAL,
                        "{}: the model runs `{}`, which the scenario does not answer",
                        s.id, entry.input
                    );
                    assert_ne!(
                        entry.basis,
                        Some(Basis::Scan),
                        "{}: `{}` is a scan",
                        s.id,
                        entry.input
                    );
                }
            }
            for proof in &s.cause.proof {
                assert!(
                    j.found.contains(proof),
                    "{}: model never shows {proof}",
                    s.id
                );
            }
        }
    }

    #[test]
    fn a_scan_of_every_command_without_hypotheses_scores_lower() {
        for s in scenario::built_in() {
            let model = play(&s, &model(&s)).judgment;
            let scan = play(&s, &scan(&s)).judgment;
            assert!(scan.solved, "{}: the scan names the cause too", s.id);
            assert!(
                scan.score + 25 <= model.score && scan.score < 70,
                "{}: scan {} vs model {}: {:#?}",
                s.id,
                scan.score,
                model.score,
                scan.checks
            );
            let hypotheses = scan.checks.iter().find(|c| c.id == "hypotheses").unwrap();
            assert_eq!(hypotheses.points, 0, "{}", s.id);
        }
    }

    #[test]
    fn giving_up_at_once_is_unsolved() {
        for s in scenario::built_in() {
            let played = play(&s, &[]);
            assert!(!played.judgment.solved, "{}", s.id);
            assert_eq!(played.judgment.score, 0, "{}", s.id);
            assert_eq!(played.judgment.missed.len(), s.clues.len(), "{}", s.id);
        }
    }

    #[test]
    fn each_model_cause_names_no_other_scenario() {
        let all = scenario::built_in();
        for s in &all {
            let cause = s.model.iter().find(|m| m.input.starts_with("c ")).unwrap();
            for other in all.iter().filter(|o| o.id != s.id) {
                assert!(
                    !matches(&cause.input[2..], &other.cause.matches),
                    "{}'s cause also names {}",
                    s.id,
                    other.id
                );
            }
        }
    }
}

/// Causes said the way candidates say them: each must be recognised for its
/// own scenario (and none of the wrong ones may pass).
mod phrasing_tests {
    use super::*;

    #[test]
    fn causes_in_a_candidates_words_are_recognised() {
        let said: &[(&str, &str, bool)] = &[
            (
                "disk-deleted-open",
                "java holds a deleted log file open",
                true,
            ),
            (
                "disk-deleted-open",
                "the rotated log was deleted but the JVM still has an open fd to it",
                true,
            ),
            ("disk-deleted-open", "the disk is full", false),
            (
                "inode-exhaustion",
                "out of inodes because of millions of php session files",
                true,
            ),
            ("inode-exhaustion", "the disk is full", false),
            (
                "fd-exhaustion",
                "search-api leaks sockets to elasticsearch",
                true,
            ),
            (
                "fd-exhaustion",
                "file descriptor leak: sockets stuck in CLOSE_WAIT",
                true,
            ),
            ("fd-exhaustion", "the ulimit is too low", false),
            (
                "memory-leak-oom",
                "report-worker has a memory leak and gets OOM killed",
                true,
            ),
            (
                "memory-leak-oom",
                "the template cache grows without bound",
                true,
            ),
            ("memory-leak-oom", "the host needs more RAM", false),
            (
                "swap-thrashing",
                "the host is thrashing swap because the exporter JVM took the RAM",
                true,
            ),
            (
                "runaway-cron",
                "overlapping cron runs hit the nproc limit",
                true,
            ),
            (
                "io-noisy-neighbour",
                "the reindex job saturates the disk",
                true,
            ),
            ("io-noisy-neighbour", "the CPU is overloaded", false),
            (
                "cpu-throttling",
                "CPU throttling from the new CPU limit",
                true,
            ),
            ("cpu-throttling", "the nodes are out of CPU", false),
            (
                "ephemeral-ports",
                "ran out of ephemeral ports because of TIME_WAIT",
                true,
            ),
            (
                "syn-backlog",
                "listen backlog overflow, too few gunicorn workers",
                true,
            ),
            ("syn-backlog", "a SYN flood attack", false),
            ("conntrack-full", "nf_conntrack table is full", true),
            ("mtu-black-hole", "MTU black hole on the VPN", true),
            (
                "mtu-black-hole",
                "PMTUD fails because ICMP is blocked on the tunnel",
                true,
            ),
            ("mtu-black-hole", "the database is slow", false),
            (
                "k8s-dns-ndots",
                "ndots 5 makes every lookup try the search domains",
                true,
            ),
            (
                "cert-expired",
                "certbot renewal failing since the token rotation",
                true,
            ),
            ("cert-expired", "the certificate expired", false),
            ("clock-skew-tls", "NTP is off on worker-7", true),
            ("clock-skew-tls", "clock skew on worker-7", true),
            (
                "clock-skew-tls",
                "the payments certificate is broken",
                false,
            ),
            (
                "bad-deploy-one-az",
                "bad deploy of v2.41.0 in us-east-1a",
                true,
            ),
            ("bad-deploy-one-az", "an AWS outage in us-east-1a", false),
        ];
        let all = scenario::built_in();
        for (id, text, right) in said {
            let s = all.iter().find(|s| s.id == *id).unwrap();
            let played = play(s, &replay_inputs(&format!("c {text}")));
            assert_eq!(played.judgment.solved, *right, "{id}: `{text}`");
        }
    }

    #[test]
    fn a_list_of_every_cause_is_not_a_cause() {
        let all = scenario::built_in();
        let s = all.iter().find(|s| s.id == "disk-deleted-open").unwrap();
        let salad = "c a deleted file held open, or inode exhaustion from session files, or an fd leak in close_wait, or ndots search dns";
        let played = play(s, &replay_inputs(salad));
        assert!(!played.judgment.solved);
        assert!(
            played.transcript[0].output.contains("Name one cause"),
            "{}",
            played.transcript[0].output
        );
    }

    #[test]
    fn a_broad_hypothesis_justifies_nothing() {
        let all = scenario::built_in();
        let s = all.iter().find(|s| s.id == "disk-deleted-open").unwrap();
        let lines = "h something with cpu, memory, disk, network or dns\ndf -h\nlsof +L1";
        let played = play(s, &replay_inputs(lines));
        assert!(played.transcript[0].output.contains("areas at once"));
        assert_eq!(played.transcript[1].basis, Some(Basis::Scan));
        assert_eq!(played.transcript[2].basis, Some(Basis::Scan));
    }
}

/// The judgment's parts, one at a time, on the first scenario.
mod judgment_tests {
    use super::*;

    fn disk() -> Scenario {
        scenario::built_in()
            .into_iter()
            .find(|s| s.id == "disk-deleted-open")
            .unwrap()
    }

    fn check<'a>(j: &'a Judgment, id: &str) -> &'a Check {
        j.checks.iter().find(|c| c.id == id).unwrap()
    }

    #[test]
    fn mitigating_late_while_users_hurt_earns_less_and_says_why() {
        let lines = "what changed?\nuptime\nh the root filesystem is full\ndf -h\ndf -i\ndu -xsh /\ndu -sh /var/log\nfree -m\nh a deleted file still held open\nlsof +L1\nm restart orders-api\nc a deleted log file held open by java";
        let j = play(&disk(), &replay_inputs(lines)).judgment;
        let m = check(&j, "mitigation");
        assert_eq!(m.points, 8, "{}", m.why);
        assert!(m.why.contains("only after 8 commands"), "{}", m.why);

        // When users are not hurting, a mitigation at any point earns it all.
        let mut calm = disk();
        calm.users_hurting = false;
        let j = play(&calm, &replay_inputs(lines)).judgment;
        assert_eq!(check(&j, "mitigation").points, 15);
        assert_eq!(check(&j, "mitigation").label, "Mitigated");
    }

    #[test]
    fn hints_wrong_causes_and_harm_cost_points_and_an_unsolved_round_is_capped() {
        let model: Vec<String> = disk().model.iter().map(|m| m.input.clone()).collect();
        let clean = play(&disk(), &replay_inputs(&model.join("\n"))).judgment;
        let mut noisy = model.clone();
        noisy.insert(2, "hint".into());
        noisy.insert(3, "c the inodes ran out".into());
        noisy.insert(4, "m reboot the host".into());
        let j = play(&disk(), &replay_inputs(&noisy.join("\n"))).judgment;
        assert!(j.solved);
        assert_eq!(j.hints, 1);
        let lost: u32 = j.penalties.iter().map(|p| u32::from(p.points)).sum();
        assert_eq!(lost, 8 + 5 + 5, "{:?}", j.penalties);
        assert!(j.score < clean.score);

        // Everything but the cause: capped.
        let unsolved: Vec<String> = model
            .iter()
            .filter(|l| !l.starts_with("c "))
            .cloned()
            .collect();
        let j = play(&disk(), &replay_inputs(&unsolved.join("\n"))).judgment;
        assert!(!j.solved);
        assert_eq!(j.score, UNSOLVED_CAP);
        assert_eq!(j.rating(), Rating::Again);
    }

    #[test]
    fn naming_the_cause_without_its_proof_loses_the_evidence_points() {
        let lines =
            "what changed?\nuptime\nc logrotate deleted the log but java still holds it open";
        let played = play(&disk(), &replay_inputs(lines));
        assert!(played.judgment.solved);
        let e = check(&played.judgment, "evidence");
        assert_eq!(e.points, 0);
        assert!(e.why.contains("lsof +L1"), "{}", e.why);
        assert!(played.transcript[2].output.contains("what proves it?"));
        // Lines after the cause are not played.
        let more = format!("{lines}\ndf -h");
        let played = play(&disk(), &replay_inputs(&more));
        assert_eq!(played.transcript[3].kind, Kind::Note);
        assert_eq!(played.judgment.commands, 2);
    }
}
