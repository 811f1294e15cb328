import {callerIdentity} from '../aws/identity.js';
import {succeededState, withSource, writtenAt} from './snapshot-updates.js';
import type {SourceFactory} from './source.js';

// Who we are never changes during a session unless credentials are swapped underneath us:
// check it rarely, and once at start so the header shows the account immediately.
const recheckMs = 15 * 60_000;

export const identitySource: SourceFactory = (environment) => ({
	name: 'identity',
	// Until it is known (the endpoint could not be reached at start), at the refresh pace: the
	// header and status line would otherwise say "unreachable" for a quarter of an hour.
	intervalMs: () =>
		environment.store.getSnapshot().identity === undefined
			? environment.config.refreshMs
			: recheckMs,
	iamAction: 'sts:GetCallerIdentity',
	async run(signal) {
		const identity = await callerIdentity(environment.clients, signal);
		const region = await environment.clients.region();
		const now = environment.now();
		environment.store.update((snapshot) =>
			withSource(
				{...snapshot, identity, region, generatedAt: writtenAt(snapshot, now)},
				'identity',
				succeededState(snapshot.sources.identity, now),
			),
		);
	},
});
