// What a timed AWS call does in a scenario's model: its effect on the configuration, and what its
// CloudTrail record says.
import type {ConfigState} from '../model/config-state.js';
import type {TrailCall} from '../model/trail.js';

export type Effect = {
	readonly apply: (state: ConfigState, at: number) => ConfigState;
	readonly requestParameters: TrailCall['requestParameters'];
	readonly resources: TrailCall['resources'];
	readonly eventSource: string;
	readonly response?: TrailCall['responseElements'];
};

export const elb = 'elasticloadbalancing.amazonaws.com';
export const ec2 = 'ec2.amazonaws.com';
export const ok: TrailCall['responseElements'] = (requestId) => ({requestId, _return: true});
