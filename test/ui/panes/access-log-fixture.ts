// Snapshots with access logs for the Requests and TLS panes: an ALB whose target 10.0.1.11 answers
// 500 to checkout requests (their query strings carry a token) and whose 10.0.2.12 is slow and
// sometimes never answers, and an NLB with a TLS listener whose clients fail handshakes. Built
// from hand-written entries through the domain's own aggregation, as the engine builds them.
import {aggregateRequests} from '../../../source/domain/access-logs/requests-accumulator.js';
import {aggregateTls} from '../../../source/domain/access-logs/tls-accumulator.js';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {
	AccessLogsSetup,
	RequestRecord,
	Snapshot,
	Topology,
} from '../../../source/domain/snapshot.js';
import {
	many,
	notDispatched,
	request,
	target5xx,
	timedOut,
	tls,
} from '../../domain/access-logs/request-builder.js';
import {hostile, now, snapshot, topology} from './fixture.js';

const minute = 60_000;
export const shopGroupArn =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-tg/73e2d6bc24d8a067';
const coverage = {start: now - 15 * minute, end: now - 2 * minute};

const albTopology: Topology = {
	...topology,
	arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188',
	name: 'shop-alb',
	type: 'application',
	metricDimension: 'app/shop-alb/50dc6c495c0c9188',
	listeners: [
		{arn: 'arn:listener/app', port: 443, protocol: 'HTTPS', targetGroupArns: [shopGroupArn]},
	],
	targetGroups: [
		{
			arn: shopGroupArn,
			name: 'shop-tg',
			protocol: 'HTTP',
			port: 8080,
			targetType: 'instance',
			preserveClientIp: true,
			proxyProtocolV2: false,
			targets: [
				{
					id: 'i-0aaa1111',
					port: 8080,
					ip: '10.0.1.10',
					securityGroups: [],
					health: {state: 'healthy'},
				},
				{
					id: 'i-0bbb2222',
					port: 8080,
					ip: '10.0.1.11',
					securityGroups: [],
					health: {state: 'healthy'},
				},
				{
					id: 'i-0ccc3333',
					port: 8080,
					ip: '10.0.2.12',
					securityGroups: [],
					health: {state: 'healthy'},
				},
			],
		},
	],
};

const at = (index: number) => now - 14 * minute + (index % 12) * minute + index * 7;
const onShop = {targetGroupArn: shopGroupArn};

export const albEntries: RequestRecord[] = [
	...many(60, (index) => request({...onShop, time: at(index), targetAddr: '10.0.1.10'})),
	...many(30, (index) => request({...onShop, time: at(index), targetAddr: '10.0.1.11'})),
	...many(12, (index) =>
		target5xx({
			...onShop,
			time: at(index) + 30_000,
			targetAddr: '10.0.1.11',
			method: 'POST',
			path: '/checkout',
			hasQuery: true,
		}),
	),
	...many(20, (index) =>
		request({
			...onShop,
			time: at(index),
			targetAddr: '10.0.2.12',
			targetProcessingTime: 2 + index / 10,
			path: '/search',
		}),
	),
	...many(3, (index) =>
		timedOut({
			...onShop,
			time: at(index) + 40_000,
			targetAddr: '10.0.2.12',
			errorReason: 'TargetResponseTimeout',
		}),
	),
	...many(4, (index) =>
		notDispatched({...onShop, time: at(index) + 50_000, errorReason: 'TargetNotFound'}),
	),
];

const albSetup: AccessLogsSetup = {
	access: {
		bucket: 'shop-logs',
		prefix: 'alb',
		location: 's3://shop-logs/alb/AWSLogs/123456789012/elasticloadbalancing/us-east-1/',
	},
	gaps: [],
};

/** The ALB's own snapshot: no flows or metrics of the NLB fixture; findings as the rules raise them. */
export function albSnapshot(entries: readonly RequestRecord[] = albEntries): Snapshot {
	const {flows: _flows, metrics: _metrics, ...rest} = snapshot;
	const shown: Snapshot = {
		...rest,
		target: 'shop-alb',
		sources: {...rest.sources, metrics: {status: 'pending'}},
		topology: albTopology,
		accessLogs: albSetup,
		requests: aggregateRequests(entries, {precision: 'provisional', coverage, malformedEntries: 2}),
	};
	return {...shown, findings: evaluateFindings(shown)};
}

/** An ALB whose access logs are off: no slice, the setup's gap says what to enable. */
export function albLogsOff(): Snapshot {
	const {requests: _requests, ...rest} = albSnapshot();
	return {
		...rest,
		accessLogs: {
			gaps: [
				{
					kind: 'access-logs-off',
					message: 'Access logs are off: lbtop cannot say which target fails or is slow.',
					attributes: ['access_logs.s3.enabled=true', 'access_logs.s3.bucket=<bucket>'],
					command:
						'aws elbv2 modify-load-balancer-attributes --load-balancer-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188 --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket>',
				},
			],
		},
	};
}

/** Attacker-controlled request fields, unsanitized, as if the domain had missed them. */
export function albHostile(): Snapshot {
	const evil = many(5, (index) =>
		target5xx({
			...onShop,
			time: at(index),
			targetAddr: '10.0.1.13',
			path: `/${hostile.csi}${hostile.osc52}`,
			userAgent: `${hostile.c1}${hostile.bidi}${hostile.newline}`,
			errorReason: hostile.csi,
			hasQuery: true,
		}),
	);
	return albSnapshot([...albEntries, ...evil]);
}

const tlsListener = 'g3d4b5e8bb8464cd';
const nlbTopology: Topology = {
	...topology,
	listeners: [
		...topology.listeners,
		{
			arn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/web-nlb/50dc6c495c0c9188/${tlsListener}`,
			port: 8443,
			protocol: 'TLS',
			targetGroupArns: [],
		},
	],
};

export function nlbTlsSnapshot(): Snapshot {
	const entries = [
		...many(50, (index) =>
			tls({listener: tlsListener, time: at(index), handshakeTimeMs: 5 + (index % 10)}),
		),
		...many(6, (index) => {
			const {
				tlsCipher: _c,
				tlsProtocolVersion: _p,
				handshakeTimeMs: _h,
				...failed
			} = tls({
				listener: tlsListener,
				time: at(index) + 20_000,
				incomingTlsAlert: 40,
			});
			return failed;
		}),
		...many(4, (index) =>
			tls({
				listener: tlsListener,
				time: at(index),
				tlsProtocolVersion: 'tlsv10',
				domainName: 'legacy.example.com',
			}),
		),
	];
	return {
		...snapshot,
		topology: nlbTopology,
		accessLogs: {
			access: {
				bucket: 'nlb-logs',
				prefix: '',
				location: 's3://nlb-logs/AWSLogs/123456789012/elasticloadbalancing/us-east-1/',
			},
			gaps: [],
		},
		tls: aggregateTls(entries, {precision: 'exact', coverage}),
	};
}

/** An NLB with only TCP listeners: the setup says access logs exist only for TLS listeners. */
export function nlbWithoutTls(): Snapshot {
	return {
		...snapshot,
		accessLogs: {
			gaps: [
				{
					kind: 'nlb-without-tls-listener',
					message: 'NLB access logs exist only for TLS listeners; this NLB has none.',
				},
			],
		},
	};
}
