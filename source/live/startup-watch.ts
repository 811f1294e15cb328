// The interactive run's start: a failure to find the load balancer that waiting cannot fix ends
// the screen, like --once ends with it; a transient one stays on screen while discovery retries.
import {type StartupFailure, startupFailure} from '../domain/startup-failure.js';
import type {SnapshotStore} from './store.js';

/**
 * Watches the store for a start-up failure that waiting cannot fix (wrong name, no credentials,
 * no region, a denied call) and ends the screen on it; whatever ends the screen before the load
 * balancer was found, the failure on screen is the run's outcome.
 */
export class StartupWatch {
	readonly ended = new AbortController();
	private fatal: StartupFailure | undefined;
	private readonly unsubscribe: () => void;

	constructor(private readonly store: SnapshotStore) {
		this.unsubscribe = store.subscribe(() => {
			const failure = startupFailure(store.getSnapshot());
			if (failure?.ends === true) {
				this.end(failure);
			}
		});
	}

	end(failure: StartupFailure): void {
		if (this.fatal === undefined) {
			this.fatal = failure;
			this.ended.abort();
		}
	}

	/** The failure to report (exit 1) once the screen is back, if the run never got going. */
	outcome(): StartupFailure | undefined {
		this.unsubscribe();
		return this.fatal ?? startupFailure(this.store.getSnapshot());
	}
}
