// Every threshold the rules use, with the reason for its value. Tune here, not in the rules.

/** Evidence rows per finding: enough to jump through, few enough to read in one pane. */
export const maxEvidenceRows = 20;
/** Names in a one-line title; more stop being readable over SSH on a narrow terminal. */
export const maxNamesInTitle = 3;

/**
 * Packets that arrive after a connection closed are logged as REJECT too (aws-facts §1). Most fall
 * in the same leg as the connection's accepted records and are left out as late packets; those that
 * do not (the connection's accepted part lies before the rows begin) stay a small share of the
 * connections the LB carried. Without tcp-flags or rules that deny the traffic, rejected
 * connections must reach this share of the LB's connections in the rows to be a block...
 */
export const lateRejectShare = 0.05;
/** ...and never fewer than this many: one REJECT alone, judged by count, is only "possible". */
export const countMinConnections = 2;

/**
 * Unanswered handshakes below this share of those since the first are what any busy path shows (a
 * SYN lost and retransmitted, an answer in a record not read yet): said as info, not as a fault.
 * A target that drops its clients leaves far more unanswered (the critical share below).
 */
export const unansweredWarningShare = lateRejectShare;

/** Rejected flows on a listener port at the LB before rule 2 fires; same late-packet noise. */
export const lbRejectMinFlows = 5;
/** When half or more of a listener port's flows are rejected, the service is down for those clients. */
export const lbRejectCriticalShare = 0.5;

/**
 * Distinct destination ports from one source that make a scan: real clients use the LB's few
 * listener ports (and health checks come from the LB itself), so ten is well outside normal use.
 */
export const scanMinDistinctPorts = 10;
/**
 * Distinct destination addresses from one source: an LB has one address per AZ (rarely over
 * six), so a client reaching more is also sweeping target or neighbour addresses.
 */
export const scanMinDistinctAddresses = 8;

/** "Recent" for new sources: about the delivery lag of flow logs, so the newest records count. */
export const newSourceRecentMs = 5 * 60_000;
/** Connections in the earlier part of the window needed before "new" means anything. */
export const newSourceBaselineMinConnections = 20;
/** A new source must be a heavy hitter to matter: internet-facing LBs see new clients all the time. */
export const newSourceMinConnections = 20;
export const newSourceMinShare = 0.25;

/** The "now" part of a metric series: a short run still shows, a single blip is not yet a trend. */
export const recentPeriods = 3;
/** Points before the recent ones needed for a baseline; fewer and the median is a guess. */
export const baselineMinPoints = 5;
/** How far above its own median a series must rise to be a spike, not day-to-day variation. */
export const spikeFactor = 3;
/** Metrics this old describe the past, not the incident on screen. */
export const metricStaleAfterMs = 15 * 60_000;

/**
 * Resets per minute below which a rise is not worth a line: idle timeouts and client
 * disconnects produce a steady trickle on any busy LB.
 */
export const resetSpikeMinPerMinute = 20;
/**
 * On a quiet load balancer 20 resets a minute may be most of its connections: the floor drops to
 * this share of the new flows a minute (but never below the smallest count worth a line).
 */
export const resetShareOfNewFlows = 0.05;
export const resetSpikeSmallestPerMinute = 5;
/** Without a baseline only a large absolute count is reported. */
export const resetWithoutBaselineMinPerMinute = 200;

/** TargetResponseTime worth reporting when it also rose by latencyFactor: users notice a second. */
export const latencyFloorSeconds = 1;
/** Slower than three times the usual response time is beyond normal load variation. */
export const latencyFactor = 3;
/** Without a baseline: slow by any standard. */
export const latencyWithoutBaselineSeconds = 5;
/** 5XX responses per minute worth a finding; a few are normal during deploys. */
export const errorsMinPerMinute = 10;
export const errorsWithoutBaselineMinPerMinute = 50;
/** Rejected share of all flows above which "the network delivered it" no longer holds. */
export const networkHealthyMaxRejectedShare = 0.1;

/**
 * Evidence gone quiet for this long, while the same place kept carrying accepted traffic, is
 * resolved: several aggregation intervals, so a client retrying with backoff does not flap.
 */
export const resolveQuietMinMs = 5 * 60_000;
export const resolveQuietIntervals = 3;
/**
 * A resolved finding stays listed (as info) this long after its evidence stopped, then goes.
 * Flow evidence is known to have stopped only after the quiet period and the flow logs' delivery
 * delay, so this leaves a resolution on screen for several minutes after it is first shown.
 */
export const resolvedKeepMs = 20 * 60_000;

/** Minutes after a change during which a new finding is attributed to it. */
export const defaultChangeWindowMinutes = 10;
/**
 * Evidence times are period or aggregation-interval starts (flow records start up to 60 s before
 * the packet; metric points are period starts), so a finding can appear to begin slightly
 * before the change that caused it.
 */
export const changeClockToleranceMs = 60_000;

/**
 * Access logs judge each target by its own requests, so a quiet ALB and a busy one are held to
 * the same standard. A share of a target's requests failing (5XX, or no answer) worth a finding:
 * well above the stray 5XX of a deploy or a restart...
 */
export const requestFailureMinShare = 0.05;
/** ...and never fewer than this many requests: one or two failures are an anecdote. */
export const requestFailureMinCount = 3;
/** Half or more of the requests failing: the target (or the LB) is down for those clients. */
export const requestFailureCriticalShare = 0.5;
/** Requests a target must have answered (target_processing_time) before its percentiles are compared. */
export const slowTargetMinTimed = 20;
/** Slower than three times its peers' median is beyond load variation between equal targets... */
export const slowTargetFactor = 3;
/** ...by at least this much at p50 (a 1 ms target against 0.3 ms peers is not an incident)... */
export const slowTargetMinGapSeconds = 0.1;
/** ...or at p99 by at least a second: users notice a second (see latencyFloorSeconds). */
export const slowTargetTailGapSeconds = 1;
/** Timed requests behind a p99 worth trusting: with fewer, p99 is one or two requests. */
export const slowTargetTailMinTimed = 100;
/**
 * TLS handshakes that fail, as a share of the clients that sent a ClientHello (port scans and
 * TCP probes that never do are left out): internet-facing listeners always see a few broken
 * clients, so a few percent is noise...
 */
export const tlsFailureMinShare = 0.05;
export const tlsFailureMinCount = 5;
