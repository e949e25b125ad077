//! The built-in design prompts, each with what interviewers probe. Written
//! by us.

pub struct DesignPrompt {
    pub id: &'static str,
    pub title: &'static str,
    /// What interviewers probe, in a sentence or two.
    pub brief: &'static str,
}

/// The three every SRE candidate should have an answer for come first.
pub const DESIGN_PROMPTS: [DesignPrompt; 7] = [
    DesignPrompt {
        id: "ci-cd",
        title: "A CI/CD pipeline",
        brief: "From merge to production: build caching, test stages, artifact promotion, canary or blue/green, automatic rollback, and how you keep it fast as the team grows.",
    },
    DesignPrompt {
        id: "kubernetes",
        title: "A Kubernetes cluster for a given workload",
        brief: "Node pools and sizing, requests and limits, autoscaling (HPA, cluster autoscaler), multi-zone spread, upgrades without downtime, and what runs outside the cluster.",
    },
    DesignPrompt {
        id: "multi-region",
        title: "A multi-region active-active setup",
        brief: "Traffic steering, data replication and its consistency, conflict handling, failover drills, the cost of the second region, and what happens when the link between regions breaks.",
    },
    DesignPrompt {
        id: "observability-pipeline",
        title: "An observability / log pipeline",
        brief: "Collection agents, buffering and backpressure, sampling and retention, cardinality limits, cost per GB, and keeping the pipeline up when the system it watches is down.",
    },
    DesignPrompt {
        id: "rate-limiter",
        title: "A global rate limiter",
        brief: "The algorithm (token or leaky bucket, sliding window), where state lives, accuracy versus latency across regions, fail-open or fail-closed, and hot keys.",
    },
    DesignPrompt {
        id: "zero-downtime-migration",
        title: "A zero-downtime database migration",
        brief: "Expand and contract, dual writes or change data capture, backfills, verification, the cut-over and the rollback plan at each step.",
    },
    DesignPrompt {
        id: "nalsd",
        title: "A non-abstract large system design with a bill of materials",
        brief: "Turn requirements into numbers: requests per second, storage, bandwidth, then machines, disks and their cost, with headroom for failure and growth.",
    },
];

pub fn prompt(id: &str) -> Option<&'static DesignPrompt> {
    DESIGN_PROMPTS.iter().find(|p| p.id == id)
}
