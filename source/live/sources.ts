import {accessLogsSource} from './access-logs-source.js';
import {changesSource} from './changes-source.js';
import {discoverySource} from './discovery-source.js';
import {flowsSource} from './flows-source.js';
import {identitySource} from './identity-source.js';
import {metricsSource} from './metrics-source.js';
import type {SourceFactory} from './source.js';

// Order matters for `--once`: discovery runs before the sources that read its topology.
export const defaultSources: readonly SourceFactory[] = [
	identitySource,
	discoverySource,
	flowsSource,
	metricsSource,
	changesSource,
	accessLogsSource,
];
