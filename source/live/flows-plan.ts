// The feeds a topology's flow logs are read by, worked out once per topology and logs profile. The
// flows source asks at every read (every two seconds): planning again parsed every flow log's
// format, and handed each read new format objects, for which the record reader (and its caches of
// the addresses and ids it has checked) was made again too.
import type {Config} from '../domain/config.js';
import {type FeedPlan, feedKey, planFeeds} from '../domain/flows-window/index.js';
import type {Topology} from '../domain/types/topology.js';
import {addressedFeeds} from './flows-addressing.js';

export type PlannedFeeds = {
	readonly feeds: FeedPlan;
	/** feedKey of the feeds: held figures restart when it changes. */
	readonly key: string;
};

type Planned = PlannedFeeds & {
	readonly topology: Topology;
	readonly logsProfile: string | undefined;
};

/** A planner that plans again only for another topology object or logs profile. */
export function feedPlanner(): (topology: Topology, config: Config) => PlannedFeeds {
	let planned: Planned | undefined;
	return (topology, config) => {
		if (planned?.topology !== topology || planned.logsProfile !== config.logsProfile) {
			const feeds = addressedFeeds(planFeeds(topology), topology, config);
			planned = {topology, logsProfile: config.logsProfile, feeds, key: feedKey(feeds)};
		}

		return planned;
	};
}
