// The demo NLB's access logs: its TLS listener (port 443) logs every TLS connection to a bucket of
// their own, with the Glue table the Athena user guide creates over them. The listener's policy
// (TLS 1.3 and 1.2 only) refuses TLS 1.0, so no client is on an old protocol, and every handshake
// completes: the demo's incidents are elsewhere. Its connections follow the traffic model's share
// of clients on 443.
import type {AccessLogFeed} from '../delivery/access-log-delivery.js';
import {nlbLine} from '../delivery/access-log-lines.js';
import {accessLogTable} from '../delivery/access-log-table.js';
import {metricIndex} from '../delivery/alb-requests.js';
import {tlsDestinations, tlsMinute} from '../delivery/nlb-connections.js';
import type {World} from '../world/types.js';

export const demoAccessLogBucket = 'lbtop-demo-elb-logs';
const prefix = 'edge';

export function demoAccessLogs(
	world: World,
	options: {readonly seed: number; readonly tlsPerMinute: number},
): AccessLogFeed[] {
	const lb = world.loadBalancers[0];
	const listener = world.listeners.find((item) => item.protocol === 'TLS');
	if (lb === undefined || listener === undefined) return [];
	const elb = lb.loadBalancerArn.split(':loadbalancer/')[1] ?? '';
	const [, name = '', id = ''] = elb.split('/');
	lb.attributes = {
		...lb.attributes,
		'access_logs.s3.enabled': 'true',
		'access_logs.s3.bucket': demoAccessLogBucket,
		'access_logs.s3.prefix': prefix,
	};
	const created = lb.createdTime;
	world.dataLake ??= {
		buckets: [],
		glueDatabases: [],
		glueTables: [],
		athenaWorkGroups: [{name: 'primary', managedQueryResults: true}],
	};
	const bucket = {name: demoAccessLogBucket, creationDate: created, objects: []};
	world.dataLake.buckets.push(bucket);
	world.dataLake.glueDatabases.push({name: 'elb_logs', createTime: created});
	world.dataLake.glueTables.push(
		accessLogTable({
			databaseName: 'elb_logs',
			name: 'demo_nlb_tls_logs',
			type: 'network',
			bucket: demoAccessLogBucket,
			prefix: `${prefix}/`,
			accountId: world.accountId,
			region: world.region,
			createTime: created,
		}),
	);
	const nodes = world.networkInterfaces.filter((item) => item.description === `ELB ${elb}`);
	const spec = {
		elb,
		listener: listener.listenerArn.split('/').at(-1) ?? '-',
		destinations: nodes.map((node) => `${node.privateIpAddress}:${listener.port}`),
		certArn: listener.certificates?.[0]?.certificateArn ?? '-',
		perMinute: options.tlsPerMinute,
		handshakeMs: 7,
		oldTlsShare: 0,
		failingShare: 0,
		alert: 46,
		sni: [`api.${name}.example.com`],
		seed: options.seed,
	};
	const index = metricIndex([]);
	const nodeOf = new Map(
		spec.destinations.map((destination, at) => [destination, nodes[at]?.privateIpAddress ?? '']),
	);
	return [
		{
			bucket,
			prefix: `${prefix}/`,
			account: world.accountId,
			region: world.region,
			type: 'network',
			name,
			id,
			seed: options.seed,
			minute: (minute) =>
				tlsMinute(spec, index, minute).map(({destination, connection}) => ({
					node: nodeOf.get(destination) ?? destination,
					line: nlbLine(connection),
				})),
			nodes: (from, to) => {
				const nodes = new Set<string>();
				for (let minute = from; minute < to; minute += 60_000) {
					for (const destination of tlsDestinations(spec, index, minute)) {
						nodes.add(nodeOf.get(destination) ?? destination);
					}
				}
				return [...nodes];
			},
		},
	];
}
