// What reading logs in S3 costs, counted into the snapshot's `cost` for every reader of S3 and
// Athena (the flow logs' and the access logs'): S3 requests are held and added once per read, not
// once per request; each Athena query is added as it ends, however it ends.

import type {AthenaRunnerOptions} from '../aws/athena-runner.js';
import type {S3Requests} from '../aws/s3-objects.js';
import {withAthenaQuery, withS3Requests} from '../domain/data-lake-cost.js';
import type {SnapshotStore} from './store.js';

export type RequestCounter = {
	/** Hand to the S3 reader: it counts each LIST and GET. */
	readonly requests: S3Requests;
	/** Adds what was counted since the last flush to the snapshot's cost. */
	readonly flush: () => void;
};

export function s3RequestCounter(store: SnapshotStore): RequestCounter {
	const pending = {listRequests: 0, getRequests: 0, bytesRead: 0};
	return {
		requests: {
			onList: () => {
				pending.listRequests++;
			},
			onGet: (bytes: number) => {
				pending.getRequests++;
				pending.bytesRead += bytes;
			},
		},
		flush: () => {
			const delta = {...pending};
			pending.listRequests = 0;
			pending.getRequests = 0;
			pending.bytesRead = 0;
			store.update((snapshot) => {
				const cost = withS3Requests(snapshot.cost, delta);
				return cost === snapshot.cost ? snapshot : {...snapshot, cost};
			});
		},
	};
}

/** The Athena runner's `onEnd`: each query's scanned and billed bytes into the cost. */
export function athenaCosting(store: SnapshotStore): Required<Pick<AthenaRunnerOptions, 'onEnd'>> {
	return {
		onEnd: (bytes, end) =>
			store.update((snapshot) => ({...snapshot, cost: withAthenaQuery(snapshot.cost, bytes, end)})),
	};
}
