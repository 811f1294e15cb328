// What aggregation needs from the topology: where an interface is (LB or target, which AZ), and which
// addresses are the path's own so they are not listed as traffic sources.
import type {RejectLocation} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {indexTopology} from './topology-index.js';

export type AggregateOptions = {
	/** Width of the timeline buckets, seconds. */
	readonly bucketSeconds?: number;
	/** Longest source and port lists kept, busiest first. */
	readonly limit?: number;
};

export type AggregateContext = {
	readonly whereOf: (interfaceId: string) => RejectLocation | undefined;
	readonly zoneOf: (interfaceId: string) => string | undefined;
	/**
	 * The LB's and targets' own addresses. Their replies (and, without client IP preservation, the
	 * LB's backend connections) would otherwise top the source list and fill the port list with
	 * clients' ephemeral ports.
	 */
	readonly isLocalAddr: (addr: string) => boolean;
	readonly bucketSeconds: number;
	readonly limit: number;
};

export const defaultBucketSeconds = 60;
export const defaultAggregateLimit = 100;

export function aggregateContext(
	topology: Topology,
	options: AggregateOptions = {},
): AggregateContext {
	const index = indexTopology(topology);
	const localAddrs = new Set([...index.lbAddrs.keys(), ...index.targetAddrs]);
	return {
		whereOf(interfaceId) {
			if (index.lbInterfaces.has(interfaceId)) {
				return 'lb';
			}

			return index.targetInterfaces.has(interfaceId) ? 'target' : undefined;
		},
		zoneOf: (interfaceId) =>
			index.lbInterfaces.get(interfaceId)?.zone ?? index.targetInterfaces.get(interfaceId)?.zone,
		isLocalAddr: (addr) => localAddrs.has(addr),
		bucketSeconds: Math.max(1, Math.floor(options.bucketSeconds ?? defaultBucketSeconds)),
		limit: Math.max(0, Math.floor(options.limit ?? defaultAggregateLimit)),
	};
}
