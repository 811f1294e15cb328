// Whether lbtop could start watching at all. Until discovery has found the load balancer once,
// its failure is the whole session's: nothing else can be read without the topology.
import type {ErrorKind, Snapshot, SourceError} from './snapshot.js';

export type StartupFailure = {
	readonly error: SourceError;
	/**
	 * Waiting cannot fix it (a wrong name, no credentials, no region, a denied call): the run ends
	 * with the message and exit 1. Otherwise (network, throttling) discovery retries on its own.
	 */
	readonly ends: boolean;
	/** Unix ms of the next attempt, when one is scheduled. */
	readonly retryAt?: number;
};

const waitingCannotFix: ReadonlySet<ErrorKind> = new Set([
	'not-found',
	'credentials',
	'access-denied',
	'invalid',
]);

export function startupFailure(snapshot: Snapshot): StartupFailure | undefined {
	const discovery = snapshot.sources.discovery;
	if (snapshot.topology !== undefined || discovery.error === undefined) {
		return undefined;
	}
	if (discovery.status !== 'error' && discovery.status !== 'stale') {
		return undefined;
	}
	return {
		error: discovery.error,
		ends: waitingCannotFix.has(discovery.error.kind),
		...(discovery.retryAt === undefined ? {} : {retryAt: discovery.retryAt}),
	};
}

/** What failed, then what to do: the lines printed after the screen is handed back. */
export function startupFailureText(error: SourceError): string {
	return error.hint === '' ? error.message : `${error.message}\n  ${error.hint}`;
}
