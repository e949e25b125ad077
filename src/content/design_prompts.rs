//! The built-in design prompts, each with what interviewers probe. Written
//! by us.
//!
//! The playbook asks for a CI/CD pipeline, a Kubernetes cluster and a
//! multi-region active-active setup at the least, so those three come first
//! and the readiness check looks for them; that makes them a minimum, not
//! the most important. At some companies the whole design round is a
//! non-abstract large system design (NALSD): a scenario with numbers, worked
//! into a bill of materials. That prompt comes with its numbers, and the
//! design evaluator checks the arithmetic written against them.

pub struct DesignPrompt {
    pub id: &'static str,
    pub title: &'static str,
    /// What interviewers probe, in a sentence or two.
    pub brief: &'static str,
    /// The numbers to design for, when the prompt is an exercise with
    /// numbers (empty otherwise). Put in the answer's requirements when the
    /// answer is started, and read by the arithmetic check.
    pub scenario: &'static str,
}

const fn prompt_of(id: &'static str, title: &'static str, brief: &'static str) -> DesignPrompt {
    DesignPrompt {
        id,
        title,
        brief,
        scenario: "",
    }
}

pub const DESIGN_PROMPTS: [DesignPrompt; 13] = [
    prompt_of(
        "ci-cd",
        "A CI/CD pipeline",
        "From merge to production: build caching, test stages, artifact promotion, canary or blue/green, automatic rollback, and how you keep it fast as the team grows.",
    ),
    prompt_of(
        "kubernetes",
        "A Kubernetes cluster for a given workload",
        "Node pools and sizing, requests and limits, autoscaling (HPA, cluster autoscaler), multi-zone spread, upgrades without downtime, and what runs outside the cluster.",
    ),
    prompt_of(
        "multi-region",
        "A multi-region active-active setup",
        "Traffic steering, data replication and its consistency, conflict handling, failover drills, the cost of the second region, and what happens when the link between regions breaks.",
    ),
    DesignPrompt {
        id: "nalsd",
        title: "NALSD: photo serving and storage, with a bill of materials",
        brief: "Work the numbers out loud: peak bandwidth, storage after the retention period, then machines, disks and network links, with headroom for losing a region. Interviewers probe the bottleneck (disk, NIC or CPU), what you would ask before computing, and whether your arithmetic holds: the app checks every \"a × b = c\" you write.",
        scenario: "Design the photo service of a sharing app. At peak, users view 50,000 photos per second, 200 KB each. They upload 20 million photos a day, 2 MB each. Photos are kept for 1 year. Serve from 3 regions and survive losing any one of them. 99% of views must complete under 300 ms, and 99.95% of views must succeed over 28 days. Estimate the peak read bandwidth, the storage after a year, and the machines, disks and network links to buy.",
    },
    prompt_of(
        "observability-pipeline",
        "An observability / log pipeline",
        "Collection agents, buffering and backpressure, sampling and retention, cardinality limits, cost per GB, and keeping the pipeline up when the system it watches is down.",
    ),
    prompt_of(
        "rate-limiter",
        "A global rate limiter",
        "The algorithm (token or leaky bucket, sliding window), where state lives, accuracy versus latency across regions, fail-open or fail-closed, and hot keys.",
    ),
    prompt_of(
        "zero-downtime-migration",
        "A zero-downtime database migration",
        "Expand and contract, dual writes or change data capture, backfills, verification, the cut-over and the rollback plan at each step.",
    ),
    prompt_of(
        "gslb",
        "Global traffic management (GSLB)",
        "DNS-based steering or anycast, and why; health checks and how fast a dead region stops getting traffic (TTLs, resolvers that cache longer); routing by latency, geography or capacity; draining a region for maintenance; and failing back without a thundering herd.",
    ),
    prompt_of(
        "cache-cdn",
        "A cache or CDN tier",
        "Hit ratio and what it saves the origin, in requests and bandwidth; cache keys, TTLs and invalidation; stampede protection (request coalescing, stale-while-revalidate); an origin shield; and what happens to the origin when the cache is cold after a purge or an outage.",
    ),
    prompt_of(
        "backup-dr",
        "Backup and disaster recovery (RPO and RTO)",
        "The RPO and RTO of each data store and who agreed to them; snapshots against continuous log shipping (WAL, binlog); copies in another region and another account; immutability against ransomware and your own mistakes; restore drills timed against the RTO; and what is restored first.",
    ),
    prompt_of(
        "config-rollout",
        "A fleet-wide configuration rollout",
        "Validation before anything ships; waves (one host, one zone, one region) with health gates that halt the rollout on their own; how fast a rollback reaches every host; config reviewed as code; and hosts that were down during the push.",
    ),
    prompt_of(
        "job-scheduler",
        "A distributed job scheduler",
        "At-least-once runs and idempotent jobs; leader election or a lease per job; runs missed during an outage (catch up or skip); time zones and daylight saving; fairness between tenants; and noticing a stuck job before its owner does.",
    ),
    prompt_of(
        "blob-store",
        "A blob or key-value store",
        "Partitioning (consistent hashing or ranges), replication and quorums (N, R, W), repair and rebalancing when a disk or node dies, hot keys, erasure coding against three copies and what each costs, and the consistency a client can rely on.",
    ),
];

pub fn prompt(id: &str) -> Option<&'static DesignPrompt> {
    DESIGN_PROMPTS.iter().find(|p| p.id == id)
}

/// The numbers a prompt gives, if it is an exercise with numbers.
pub fn scenario(id: &str) -> Option<&'static str> {
    prompt(id).map(|p| p.scenario).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_or_more_prompts_with_unique_ids_and_the_playbooks_three() {
        assert!(DESIGN_PROMPTS.len() >= 12);
        let mut ids: Vec<&str> = DESIGN_PROMPTS.iter().map(|p| p.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), DESIGN_PROMPTS.len());
        for id in crate::kit::CORE_DESIGN_PROMPTS {
            assert!(prompt(id).is_some(), "{id}");
        }
        for id in [
            "gslb",
            "cache-cdn",
            "backup-dr",
            "config-rollout",
            "job-scheduler",
            "blob-store",
        ] {
            assert!(prompt(id).is_some(), "{id}");
        }
        for p in &DESIGN_PROMPTS {
            assert!(!p.title.is_empty() && p.brief.len() > 60, "{}", p.id);
        }
    }

    #[test]
    fn the_nalsd_scenario_gives_rates_sizes_retention_regions_and_a_latency_target() {
        let s = scenario("nalsd").unwrap();
        for given in [
            "50,000 photos per second",
            "200 KB each",
            "20 million photos a day",
            "2 MB each",
            "kept for 1 year",
            "3 regions",
            "under 300 ms",
            "99.95%",
            "28 days",
        ] {
            assert!(s.contains(given), "{given}");
        }
    }
}
