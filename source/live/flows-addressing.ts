// How log groups are named in the calls. Read with the LB's own credentials, a log group is named
// by its name. Read from a CloudWatch monitoring account (`--logs-profile`), a log group of the LB's
// account must be named by its ARN: StartQuery takes `logGroupIdentifiers`, FilterLogEvents and
// DescribeLogStreams `logGroupIdentifier` (aws-facts-s3 §5).

import type {Config} from '../domain/config.js';
import type {FeedPlan} from '../domain/flows-window/index.js';
import type {Topology} from '../domain/types/topology.js';

export function logGroupArn(topology: Topology, name: string): string {
	// arn:aws:elasticloadbalancing:<region>:<account>:...: the flow logs' account and region.
	const [, partition = 'aws', , region = '', account = ''] = topology.arn.split(':');
	return `arn:${partition}:logs:${region}:${account}:log-group:${name}`;
}

export function addressedFeeds(plan: FeedPlan, topology: Topology, config: Config): FeedPlan {
	if (config.logsProfile === undefined) {
		return plan;
	}

	return {
		...plan,
		feeds: plan.feeds.map((feed) =>
			feed.s3 !== undefined || feed.logGroupName.startsWith('arn:')
				? feed
				: {...feed, logGroupName: logGroupArn(topology, feed.logGroupName)},
		),
	};
}
