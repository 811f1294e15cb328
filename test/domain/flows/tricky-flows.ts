// Flow record sets with the awkward cases pairing has to get right: port reuse, records out of
// order, preservation on and off, UDP, two AZs, competing candidates, heuristics, absent fields.
// Each scenario is lines in a flow log format, so it goes through the parser too.
import {type FlowFormat, flowFormatOf} from '../../../source/domain/flows/flow-format.js';
import type {LegOptions} from '../../../source/domain/flows/legs.js';
import type {Connection} from '../../../source/domain/types/flows.js';
import type {Topology} from '../../../source/domain/types/topology.js';
import {
	client,
	dnsA,
	exchange,
	type LineSpec,
	lbA,
	lbB,
	line,
	nlbTopology,
	otherClient,
	t0,
	webA,
	webB,
} from './fixtures.js';

export type Scenario = {
	readonly name: string;
	readonly topology: Topology;
	readonly lines: readonly string[];
	readonly format?: FlowFormat;
	readonly options?: LegOptions;
};

const preserving = nlbTopology({preserveClientIp: true});
const translating = nlbTopology({preserveClientIp: false});

/** The six records of one connection with client IP preservation on. */
function preserved(spec: {
	lb: typeof lbA;
	target: typeof webA;
	sport: number;
	start: number;
	end?: number;
	listener?: number;
	protocol?: number;
	targetAction?: 'ACCEPT' | 'REJECT';
}): string[] {
	const common = {
		start: spec.start,
		protocol: spec.protocol ?? 6,
		end: spec.end ?? spec.start + 60,
	};
	const backend = {src: client, sport: spec.sport, dst: spec.target.ip, dport: spec.target.port};
	return [
		...exchange({
			...common,
			eni: spec.lb.interfaceId,
			src: client,
			sport: spec.sport,
			dst: spec.lb.ip,
			dport: spec.listener ?? 80,
		}),
		...exchange({...common, ...backend, eni: spec.lb.interfaceId}),
		...exchange({
			...common,
			...backend,
			eni: spec.target.interfaceId,
			action: spec.targetAction ?? 'ACCEPT',
		}),
	];
}

// A custom format: the LB interface's address as srcaddr, the client's as pkt-srcaddr.
const packetFormat = flowFormatOf([
	'version',
	'interface-id',
	'srcaddr',
	'pkt-srcaddr',
	'dstaddr',
	'srcport',
	'dstport',
	'protocol',
	'packets',
	'bytes',
	'start',
	'end',
	'action',
	'log-status',
	'tcp-flags',
]);

type PacketSpec = LineSpec & {readonly pktSrc?: string; readonly flags?: number};

function packetLine(spec: PacketSpec): string {
	return [
		5,
		spec.eni,
		spec.src,
		spec.pktSrc ?? spec.src,
		spec.dst,
		spec.sport,
		spec.dport,
		spec.protocol ?? 6,
		spec.packets ?? 10,
		spec.bytes ?? 1000,
		spec.start,
		spec.end ?? spec.start + 60,
		spec.action ?? 'ACCEPT',
		'OK',
		spec.flags ?? '-',
	].join(' ');
}

export const scenarios: readonly Scenario[] = [
	{
		name: 'a client port reused after a long silence is a new connection',
		topology: preserving,
		lines: [
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0}),
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0 + 600}),
		],
	},
	{
		name: 'a client port seen again within the gap is the same connection',
		topology: preserving,
		lines: [
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0}),
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0 + 120}),
		],
	},
	{
		name: 'records in reverse order pair as in order',
		topology: preserving,
		lines: [
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0}),
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0 + 600}),
			...preserved({lb: lbB, target: webB, sport: 40_001, start: t0 + 30, end: t0 + 40}),
		].reverse(),
	},
	{
		name: 'a shorter gap setting splits sessions sooner',
		topology: preserving,
		options: {aggregationSeconds: 60, newConnectionAfterIntervals: 1},
		lines: [
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0}),
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0 + 130}),
		],
	},
	{
		name: 'the same client port in both AZs at once is two connections',
		topology: preserving,
		lines: [
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0}),
			...preserved({lb: lbB, target: webB, sport: 40_000, start: t0}),
		],
	},
	{
		name: 'UDP to the DNS listener pairs exactly',
		topology: preserving,
		lines: preserved({lb: lbA, target: dnsA, sport: 53_000, start: t0, listener: 53, protocol: 17}),
	},
	{
		name: 'a rejecting target sorts first',
		topology: preserving,
		lines: [
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0 + 300}),
			...preserved({lb: lbA, target: webA, sport: 40_001, start: t0, targetAction: 'REJECT'}),
		],
	},
	{
		name: 'competing frontends of one client: records a minute late make time no tie-break, so none is claimed',
		topology: preserving,
		lines: [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_001,
				dst: lbA.ip,
				dport: 80,
				start: t0 + 20,
			}),
			// The backend's source port matches neither frontend: only the client address relates them.
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 41_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0 + 20,
			}),
			...exchange({
				eni: webA.interfaceId,
				src: client,
				sport: 41_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0 + 20,
			}),
		],
	},
	{
		name: 'alike frontends and backends of one client: no join is claimed, whatever the record order',
		topology: preserving,
		lines: [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_001,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 41_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 41_001,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
		],
	},
	{
		name: 'preservation off: two clients at once, told apart by traffic shape',
		topology: translating,
		lines: [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0,
				packets: 5,
				bytes: 500,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: otherClient,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0,
				packets: 50,
				bytes: 50_000,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: lbA.ip,
				sport: 51_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
				packets: 50,
				bytes: 50_000,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: lbA.ip,
				sport: 51_001,
				dst: webB.ip,
				dport: webB.port,
				start: t0,
				packets: 5,
				bytes: 500,
			}),
		],
	},
	{
		name: 'preservation off with pkt-srcaddr: the target view names the client',
		topology: translating,
		format: packetFormat,
		lines: [
			packetLine({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
			packetLine({
				eni: lbA.interfaceId,
				src: lbA.ip,
				sport: 80,
				dst: client,
				dport: 40_000,
				start: t0,
			}),
			packetLine({
				eni: lbA.interfaceId,
				src: lbA.ip,
				pktSrc: client,
				sport: 51_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
			packetLine({
				eni: webA.interfaceId,
				src: lbA.ip,
				pktSrc: client,
				sport: 51_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
		],
	},
	{
		name: 'an unknown server behind the LB: the SYN says who opened, then the lower port',
		topology: preserving,
		format: packetFormat,
		lines: [
			packetLine({
				eni: lbA.interfaceId,
				src: '10.0.9.9',
				sport: 7000,
				dst: '10.0.9.8',
				dport: 7000,
				start: t0,
				flags: 18,
			}),
			packetLine({
				eni: lbA.interfaceId,
				src: '10.0.9.8',
				sport: 7000,
				dst: '10.0.9.9',
				dport: 7000,
				start: t0,
				flags: 2,
			}),
			packetLine({
				eni: lbA.interfaceId,
				src: '10.0.9.7',
				sport: 9000,
				dst: '10.0.9.6',
				dport: 30_000,
				start: t0,
			}),
			packetLine({
				eni: lbA.interfaceId,
				src: '10.0.9.5',
				sport: 6000,
				dst: '10.0.9.4',
				dport: 6000,
				start: t0,
			}),
		],
	},
	{
		name: "a target's other traffic shows with the target as server; an unknown interface's is left out",
		topology: preserving,
		lines: [
			...exchange({
				eni: webA.interfaceId,
				src: webA.ip,
				sport: 33_000,
				dst: '52.94.0.1',
				dport: 443,
				start: t0,
			}),
			...exchange({
				eni: 'eni-0unknown00000000',
				src: '10.0.5.5',
				sport: 33_000,
				dst: '10.0.5.6',
				dport: 443,
				start: t0,
			}),
		],
	},
	{
		name: 'NODATA, SKIPDATA and records without a protocol stay out; a port of - is 0',
		topology: preserving,
		lines: [
			...preserved({lb: lbA, target: webA, sport: 40_000, start: t0}),
			`2 123456789012 ${lbA.interfaceId} - - - - - - - ${t0} ${t0 + 60} - NODATA`,
			`2 123456789012 ${webA.interfaceId} - - - - - - - ${t0} ${t0 + 60} - SKIPDATA`,
			line({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_002,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}).replace(' 6 10 ', ' - 10 '),
			line({
				eni: lbA.interfaceId,
				src: otherClient,
				sport: 1,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}).replace(` ${otherClient} ${lbA.ip} 1 80 `, ` ${otherClient} ${lbA.ip} - 80 `),
		],
	},
	{
		name: 'ICMP has no ports and still forms one conversation per address pair',
		topology: preserving,
		lines: exchange({
			eni: lbA.interfaceId,
			src: client,
			sport: 0,
			dst: lbA.ip,
			dport: 0,
			protocol: 1,
			start: t0,
		}),
	},
];

/** A connection row in one line: what the tables below pin down. */
export function summary(connection: Connection): string {
	const legs = [connection.frontend, connection.backend, connection.targetView]
		.map((leg) => (leg === undefined ? '-' : `${leg.role[0]}${leg.action[0]}${leg.packets}`))
		.join(',');
	const target = `${connection.targetAddr ?? '-'}:${connection.targetPort ?? '-'}`;
	return [
		connection.kind,
		`${connection.clientAddr}:${connection.clientPort}`,
		`${connection.listenerPort ?? '-'}>${target}`,
		`p${connection.protocol}`,
		legs,
		`${connection.start}-${connection.end}`,
		`${connection.packets}/${connection.bytes}`,
		connection.id,
	].join(' ');
}
