//! Classic SRE debates to take a side on: each names two positions that
//! experienced engineers really hold (not a strawman, not two tools teams
//! combine anyway); the user commits to one and says why. Written by us.

pub struct Debate {
    pub topic: &'static str,
    pub one: &'static str,
    pub other: &'static str,
}

pub const DEBATES: [Debate; 12] = [
    Debate {
        topic: "Alerting",
        one: "SLO-based (burn-rate) alerting",
        other: "threshold alerts on resource metrics",
    },
    Debate {
        topic: "Release gating",
        one: "error budgets that gate releases",
        other: "releases gated by review and schedule alone",
    },
    Debate {
        topic: "On-call ownership",
        one: "developers on call for the services they build",
        other: "a separate operations team on call",
    },
    Debate {
        topic: "Incident analysis",
        one: "finding the root cause (five whys)",
        other: "listing contributing factors, with no single root cause",
    },
    Debate {
        topic: "Bad deploys",
        one: "always rolling back first",
        other: "fixing forward when the cause is known and the fix is small",
    },
    Debate {
        topic: "Observability",
        one: "buying an observability platform",
        other: "building and running your own stack",
    },
    Debate {
        topic: "Infrastructure",
        one: "Kubernetes for most workloads",
        other: "managed platforms and plain VMs",
    },
    Debate {
        topic: "Repositories",
        one: "a monorepo",
        other: "one repository per service",
    },
    Debate {
        topic: "Change safety",
        one: "small, frequent deploys",
        other: "large, well-tested release trains",
    },
    Debate {
        topic: "Resilience testing",
        one: "chaos experiments in production",
        other: "resilience testing in staging only",
    },
    Debate {
        topic: "Toil",
        one: "a hard cap on toil (say 50% of the team's time)",
        other: "absorbing toil as it comes",
    },
    Debate {
        topic: "Reliability targets",
        one: "targets below 100% on purpose",
        other: "aiming for as close to 100% as possible",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_debates_with_distinct_topics_and_two_real_sides() {
        let mut topics: Vec<&str> = DEBATES.iter().map(|d| d.topic).collect();
        topics.sort();
        topics.dedup();
        assert_eq!(topics.len(), DEBATES.len());
        for d in &DEBATES {
            assert!(!d.one.is_empty() && !d.other.is_empty() && d.one != d.other);
            // Replaced: canary vs blue/green (teams combine them) and
            // blameless vs accountable (a strawman).
            for gone in ["blue/green", "accountable"] {
                assert!(
                    !d.one.contains(gone) && !d.other.contains(gone),
                    "{}",
                    d.topic
                );
            }
        }
    }
}
