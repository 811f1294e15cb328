// Injected failures for tests and demos: throttling, 5xx, access denied, latency and dropped
// connections, per operation. Random outcomes come from a seeded generator, so a run with the same
// seed and the same request order fails the same requests.

export type FaultRule = {
	/** Share of requests (0..1) answered with the protocol's throttling error. */
	readonly throttleRate?: number;
	/** Share of requests (0..1) answered with a 5xx error. */
	readonly serverErrorRate?: number;
	/** 500 (InternalFailure / InternalError) or 503 (ServiceUnavailable / Unavailable); default 500. */
	readonly serverErrorStatus?: 500 | 503;
	/** Every request is refused as not authorized. */
	readonly accessDenied?: boolean;
	/** Share of requests (0..1) whose connection is destroyed without a response. */
	readonly dropRate?: number;
	/** Added before answering (also before a fault is answered). */
	readonly latencyMs?: number;
};

export type FaultConfig = {
	readonly seed?: number;
	/**
	 * Keyed by operation (`DescribeLoadBalancers`), by IAM-prefixed operation
	 * (`ec2:DescribeNetworkInterfaces`), by service (`cloudwatch:*`) or `*`.
	 * The most specific matching key applies; rules are not merged.
	 */
	readonly rules: Readonly<Record<string, FaultRule>>;
};

export type FaultOutcome = 'none' | 'drop' | 'access-denied' | 'throttle' | 'server-error';

export type FaultDecision = {
	readonly outcome: FaultOutcome;
	readonly latencyMs: number;
	readonly serverErrorStatus: 500 | 503;
};

export type FaultInjector = {
	set(config: FaultConfig): void;
	clear(): void;
	/** `iamPrefix` as in IAM actions: `elasticloadbalancing`, `ec2`, `cloudwatch`, `sts`, `logs`. */
	decide(iamPrefix: string, operation: string): FaultDecision;
};

const noFault: FaultDecision = {outcome: 'none', latencyMs: 0, serverErrorStatus: 500};

/** mulberry32: small, fast and good enough to spread injected faults. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = state;
		mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function ruleFor(config: FaultConfig, iamPrefix: string, operation: string): FaultRule | undefined {
	const {rules} = config;
	return (
		rules[`${iamPrefix}:${operation}`] ?? rules[operation] ?? rules[`${iamPrefix}:*`] ?? rules['*']
	);
}

function outcomeOf(rule: FaultRule, draws: readonly [number, number, number]): FaultOutcome {
	const [drop, throttle, serverError] = draws;
	if (drop < (rule.dropRate ?? 0)) {
		return 'drop';
	}
	if (rule.accessDenied === true) {
		return 'access-denied';
	}
	if (throttle < (rule.throttleRate ?? 0)) {
		return 'throttle';
	}
	if (serverError < (rule.serverErrorRate ?? 0)) {
		return 'server-error';
	}
	return 'none';
}

export function createFaultInjector(initial?: FaultConfig): FaultInjector {
	let config = initial;
	let random = seededRandom(initial?.seed ?? 1);
	return {
		set(next) {
			config = next;
			random = seededRandom(next.seed ?? 1);
		},
		clear() {
			config = undefined;
		},
		decide(iamPrefix, operation) {
			const rule = config === undefined ? undefined : ruleFor(config, iamPrefix, operation);
			if (rule === undefined) {
				return noFault;
			}
			// Always three draws per matched request, so one rate's value never shifts another's sequence.
			const outcome = outcomeOf(rule, [random(), random(), random()]);
			return {
				outcome,
				latencyMs: Math.max(0, rule.latencyMs ?? 0),
				serverErrorStatus: rule.serverErrorStatus ?? 500,
			};
		},
	};
}
