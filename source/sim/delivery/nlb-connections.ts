// An NLB's TLS connections of one minute on one TLS listener, as its access logs show them: the
// handshake times around the listener's usual (a few milliseconds, a slow tail), a share of
// clients still on TLS 1.0, and clients whose handshake fails with an alert they send. When the
// world has NewFlowCount_TLS and ClientTLSNegotiationErrorCount for the LB, the counts are theirs.
import {createRandom, hashSeed} from '../demo/prng.js';
import type {SimTlsConnection} from './access-log-lines.js';
import {type metricIndex, sumOf} from './alb-requests.js';

export type TlsListenerSpec = {
	readonly elb: string;
	/** The listener's id, the end of its ARN. */
	readonly listener: string;
	/** `ip:port` the connections reach: the LB node's address on the listener's port. */
	readonly destinations: readonly string[];
	readonly certArn: string;
	readonly perMinute: number;
	/** Milliseconds. */
	readonly handshakeMs: number;
	/** Share of clients on TLS 1.0. */
	readonly oldTlsShare: number;
	/** Share of clients whose handshake fails with an alert. */
	readonly failingShare: number;
	/** The alert they send (RFC 8446 AlertDescription): 48 unknown_ca by default. */
	readonly alert: number;
	readonly sni: readonly string[];
	readonly seed: number;
};

const modern = ['TLS_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256'];

const minuteRandom = (spec: TlsListenerSpec, minute: number) =>
	createRandom(hashSeed(spec.seed, 'tls-minute', spec.listener, minute));

/** The minute's connection count: the first thing drawn for the minute. */
function countOf(
	spec: TlsListenerSpec,
	index: ReturnType<typeof metricIndex>,
	minute: number,
	random: ReturnType<typeof createRandom>,
): number {
	const fromMetrics = sumOf(index, 'NewFlowCount_TLS', {LoadBalancer: spec.elb}, minute);
	return fromMetrics ?? Math.round(spec.perMinute * (0.9 + random.next() * 0.2));
}

/** The destinations tlsMinute gives connections to in the minute, without making them. */
export function tlsDestinations(
	spec: TlsListenerSpec,
	index: ReturnType<typeof metricIndex>,
	minute: number,
): readonly string[] {
	const count = countOf(spec, index, minute, minuteRandom(spec, minute));
	if (count <= 0) return [];
	return spec.destinations.length === 0 ? ['-'] : spec.destinations.slice(0, count);
}

export function tlsMinute(
	spec: TlsListenerSpec,
	index: ReturnType<typeof metricIndex>,
	minute: number,
): {readonly destination: string; readonly connection: SimTlsConnection}[] {
	const random = minuteRandom(spec, minute);
	const count = countOf(spec, index, minute, random);
	const failing = Math.min(
		count,
		sumOf(index, 'ClientTLSNegotiationErrorCount', {LoadBalancer: spec.elb}, minute) ??
			Math.round(count * spec.failingShare),
	);
	return Array.from({length: count}, (_, at) => {
		const fails = at < failing;
		const old = !fails && random.chance(spec.oldTlsShare);
		const time = minute + random.int(0, 59_999);
		const connectionMs = random.int(40, 30_000);
		const handshake = Math.round(
			spec.handshakeMs * (0.6 + random.next() * 0.8 + (random.chance(0.02) ? 8 : 0)),
		);
		const destination = spec.destinations[at % spec.destinations.length] ?? '-';
		return {
			destination,
			connection: {
				time,
				elb: spec.elb,
				listener: spec.listener,
				client: `203.0.113.${random.int(2, 250)}`,
				clientPort: random.int(1024, 65_535),
				destination,
				connectionMs: fails ? random.int(2, 40) : connectionMs,
				...(fails ? {incomingTlsAlert: spec.alert} : {handshakeMs: handshake}),
				receivedBytes: fails ? random.int(200, 600) : random.int(800, 40_000),
				sentBytes: fails ? random.int(2000, 5000) : random.int(4000, 200_000),
				certArn: spec.certArn,
				...(fails
					? {}
					: {
							cipher: old ? 'ECDHE-RSA-AES128-SHA' : random.pick(modern),
							protocol: old ? 'tlsv10' : random.chance(0.7) ? 'tlsv13' : 'tlsv12',
						}),
				...(spec.sni.length === 0 ? {} : {sni: random.pick(spec.sni)}),
				createdAt: time - (fails ? 20 : connectionMs),
			},
		};
	});
}
