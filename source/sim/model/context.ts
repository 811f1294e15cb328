// Everything traffic generation reads, resolved once per world.
import type {AddressPool} from './address-pool.js';
import type {HealthTimeline} from './health.js';
import type {TrafficSpec} from './spec.js';
import type {Timeline} from './timeline.js';
import type {ModelTopology} from './topology.js';

export type ModelContext = {
	readonly spec: TrafficSpec;
	readonly topology: ModelTopology;
	readonly timeline: Timeline;
	readonly health: HealthTimeline;
	/** By population name, then by probe source name. */
	readonly clientPools: ReadonlyMap<string, AddressPool>;
	readonly probePools: ReadonlyMap<string, AddressPool>;
};
