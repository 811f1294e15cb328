// Loads the picker's list: the region's load balancers, or what went wrong in words a user can act on.
import {AwsClients, type AwsSettings} from '../aws/clients.js';
import {AwsCallError, describeAwsError} from '../aws/errors.js';
import {listLoadBalancers} from '../aws/load-balancers.js';
import type {PickEntry} from '../domain/picker/pick-list.js';
import type {SourceError} from '../domain/snapshot.js';

export type PickList =
	| {readonly ok: true; readonly region: string; readonly entries: readonly PickEntry[]}
	| {readonly ok: false; readonly error: SourceError};

export async function loadPickList(aws: AwsSettings): Promise<PickList> {
	const clients = new AwsClients(aws);
	try {
		const region = await clients.region();
		const found = await listLoadBalancers(clients);
		const entries = found.map((lb) => ({
			name: lb.LoadBalancerName ?? '?',
			arn: lb.LoadBalancerArn ?? '',
			type: lb.Type ?? '?',
			scheme: lb.Scheme ?? '?',
			state: lb.State?.Code ?? '?',
			dnsName: lb.DNSName ?? '',
		}));
		return {ok: true, region, entries};
	} catch (error) {
		const iamAction =
			error instanceof AwsCallError
				? error.iamAction
				: 'elasticloadbalancing:DescribeLoadBalancers';
		return {
			ok: false,
			error: describeAwsError(error instanceof AwsCallError ? error.cause : error, {
				iamAction,
				now: Date.now(),
				...(aws.profile === undefined ? {} : {profile: aws.profile}),
				...(aws.region === undefined ? {} : {region: aws.region}),
			}),
		};
	} finally {
		await clients.destroy();
	}
}
