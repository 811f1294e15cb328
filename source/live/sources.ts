import type {SourceName} from '../domain/snapshot.js';
import {changesSource} from './changes-source.js';
import {discoverySource} from './discovery-source.js';
import {identitySource} from './identity-source.js';
import {metricsSource} from './metrics-source.js';
import {withSource} from './snapshot-updates.js';
import type {SourceFactory} from './source.js';

/** A source lbtop does not read yet: the screen says so plainly instead of showing nothing. */
function notAvailableYet(name: SourceName, note: string): SourceFactory {
	return (environment) => ({
		name,
		intervalMs: 60 * 60_000,
		iamAction: 'none',
		async run() {
			environment.store.update((snapshot) =>
				withSource(snapshot, name, {status: 'unavailable', note}),
			);
		},
	});
}

// Order matters for `--once`: discovery runs before the sources that read its topology.
export const defaultSources: readonly SourceFactory[] = [
	identitySource,
	discoverySource,
	notAvailableYet('flows', 'flow log panes are not available in this version of lbtop yet'),
	metricsSource,
	changesSource,
];
