// One client connection attempt through the modelled LB, its outcome derived step by step from
// the configuration in force when it starts (paths.ts), its records shaped by that outcome: SYNs
// that stop where a rule stops them, replies rejected where a stateless ACL rejects them, a
// reset from a host that does not serve the port, a complete exchange otherwise.
import type {Registration} from './config-state.js';
import {
	type Connection,
	connection as connectionOf,
	handshake,
	type LegSpec,
	type ResetSource,
	resetPacket,
	tcpFlags,
} from './connection.js';
import type {ModelContext} from './context.js';
import {behaviourOf} from './health.js';
import {
	type BackendLegs,
	backendLegs,
	established,
	failedBackend,
	frontendLeg,
	synAckRetransmissions,
	synRetransmissions,
} from './legs.js';
import {
	aclsStillPass,
	backendFate,
	type Endpoint,
	frontendFate,
	frontendReplyAllowed,
} from './paths.js';
import {chooseTarget, interruption} from './targets.js';
import type {LbNode} from './topology.js';

/** What the attempt would carry if it opened: drawn before its outcome is known. */
export type Shape = {
	readonly durationMs: number;
	readonly requestBytes: number;
	readonly responseBytes: number;
	readonly extraPackets: number;
	/** Drawn from the world's reset shares. */
	readonly reset: ResetSource | undefined;
	/** Below the host's reset share: the application resets it. */
	readonly hostResetRoll: number;
	readonly resetDurationMs: number;
	/** A late packet after the close, if this connection leaves one. */
	readonly late: {readonly delayMs: number; readonly flags: number} | undefined;
};

export type Attempt = {
	readonly kind: 'client' | 'probe';
	readonly start: number;
	readonly node: LbNode;
	readonly client: Endpoint;
	readonly port: number;
	/** Uniform in [0, 1): which of the eligible targets. */
	readonly pick: number;
	/** The LB's own source port toward the target when it does not preserve the client's. */
	readonly lbPort: number;
	readonly shape: Shape;
};

const handshakeMs = 3000;

function rejectedAtLb(attempt: Attempt): Connection {
	const forward = {...handshake(3, 'REJECT'), bytes: 44 * 3};
	const legs = [
		frontendLeg(attempt.node.interfaceId, attempt.client, attempt.node, attempt.port, forward),
	];
	return connectionOf(
		attempt.kind,
		attempt.start,
		attempt.start + handshakeMs,
		attempt.node.zone,
		undefined,
		false,
		undefined,
		legs,
	);
}

function backendHops(
	context: ModelContext,
	attempt: Attempt,
	registration: Registration,
	preserve: boolean,
): {hops: BackendLegs; source: Endpoint} | undefined {
	const host = context.topology.hostOf(registration.id);
	if (host === undefined) return undefined;
	const {node, client} = attempt;
	const source = preserve ? client : {ip: node.ip, address: node.address, port: attempt.lbPort};
	const shownByLb =
		preserve && context.spec.preservedBackendSource === 'load-balancer' ? node.ip : source.ip;
	const target = {
		srcAddr: source.ip,
		srcPort: source.port,
		dstAddr: host.ip,
		dstPort: registration.port,
		pktSrcAddr: undefined,
	};
	return {
		source,
		hops: {
			lbInterfaceId: node.interfaceId,
			lbHop: {
				...target,
				srcAddr: shownByLb,
				pktSrcAddr: shownByLb === source.ip ? undefined : source.ip,
			},
			targetInterfaceId: host.interfaceId,
			targetHop: target,
		},
	};
}

/** Every record an attempt leaves, plus the late packet it may leave after closing. */
export function clientFlow(context: ModelContext, attempt: Attempt): Connection[] {
	const {topology, spec} = context;
	const {node, client, start} = attempt;
	const {state} = context.timeline.at(start).epoch;
	if (frontendFate(topology, state, node, client, attempt.port) !== 'accepted') {
		return [rejectedAtLb(attempt)];
	}
	const listener = state.listeners.find((item) => item.port === attempt.port);
	const groupArn = listener?.defaultActions[0]?.targetGroupArn ?? '';
	const group = state.targetGroups.get(groupArn);
	const registration = chooseTarget(context, state, groupArn, node, start, attempt.pick);
	const resolved =
		registration === undefined || group === undefined
			? undefined
			: backendHops(
					context,
					attempt,
					registration,
					group.attributes['preserve_client_ip.enabled'] === 'true',
				);
	const made = (
		end: number,
		counted: boolean,
		reset: ResetSource | undefined,
		legs: readonly LegSpec[],
	) => connectionOf(attempt.kind, start, end, node.zone, groupArn, counted, reset, legs);
	const front = (
		forward: Parameters<typeof frontendLeg>[4],
		reverse?: Parameters<typeof frontendLeg>[5],
	) => frontendLeg(node.interfaceId, client, node, attempt.port, forward, reverse);
	if (registration === undefined || resolved === undefined) {
		// Nowhere to send it (no target in the zone): the SYNs go unanswered. UNVERIFIED.
		return [made(start + handshakeMs, false, undefined, [front(synRetransmissions())])];
	}
	const replyOut = frontendReplyAllowed(topology, state, node, client);
	const tls = listener?.protocol === 'TLS';
	if (tls && !replyOut) {
		return [
			made(start + handshakeMs, true, undefined, [
				front(synRetransmissions(), synAckRetransmissions('REJECT')),
			]),
		];
	}
	const host = topology.hostOf(registration.id);
	const behaviourAt = (at: typeof state) =>
		behaviourOf(at, spec.defaultHost, registration.id, host);
	const behaviour = behaviourAt(state);
	const fate =
		host === undefined
			? 'silent'
			: backendFate(topology, state, node, {host, behaviour}, resolved.source, registration.port);
	if (fate !== 'open' || !replyOut) {
		const backend = failedBackend(resolved.hops, fate === 'open' ? 'unreachable-client' : fate);
		if (tls) {
			// The LB finished the client's handshake itself, then gives up on the target: it resets.
			const frontend = front(established(4, 600, false, false), {
				...established(4, 5000, true, true),
				close: tcpFlags.rst,
			});
			return [made(start + handshakeMs + 50, true, 'elb', [frontend, ...backend])];
		}
		const answer =
			fate === 'refused'
				? resetPacket(replyOut ? 'ACCEPT' : 'REJECT')
				: fate === 'open'
					? synAckRetransmissions('REJECT')
					: undefined;
		const forward = fate === 'refused' ? handshake(1, 'ACCEPT') : synRetransmissions();
		const refused = fate === 'refused';
		return [
			made(start + (refused ? 5 : handshakeMs), true, refused ? 'target' : undefined, [
				front(forward, answer),
				...backend,
			]),
		];
	}
	const backend =
		host === undefined ? undefined : {host, source: resolved.source, port: registration.port};
	const passes = (at: typeof state) =>
		backend === undefined || aclsStillPass(topology, at, node, client, attempt.port, backend);
	return openConnection(context, attempt, {
		registration,
		hops: resolved.hops,
		tls,
		behaviourAt,
		passes,
	});
}

function openConnection(
	context: ModelContext,
	attempt: Attempt,
	opened: {
		readonly registration: Registration;
		readonly hops: BackendLegs;
		readonly tls: boolean;
		readonly behaviourAt: Parameters<typeof interruption>[3];
		readonly passes: Parameters<typeof interruption>[4];
	},
): Connection[] {
	const {shape, start, node} = attempt;
	const behaviour = opened.behaviourAt(context.timeline.at(start).epoch.state);
	let reset: ResetSource | undefined =
		shape.hostResetRoll < behaviour.resets ? 'target' : shape.reset;
	let end = start + (reset === 'target' ? shape.resetDurationMs : shape.durationMs);
	const cut = interruption(
		context,
		opened.registration,
		opened.registration.port,
		opened.behaviourAt,
		opened.passes,
		start,
		end,
	);
	if (cut !== undefined) {
		end = cut.at;
		reset = cut.by === 'none' ? undefined : cut.by;
	}
	const responseBytes =
		reset === 'target' ? Math.min(shape.responseBytes, 900) : shape.responseBytes;
	const forward = established(
		3 + Math.ceil(shape.requestBytes / 1400) + shape.extraPackets,
		shape.requestBytes,
		false,
		reset === 'client' || reset === 'elb',
	);
	const reverse = established(
		2 + Math.ceil(responseBytes / 1448),
		responseBytes,
		true,
		reset === 'target' || reset === 'elb',
	);
	// A TLS listener terminates TLS: the client side also carries the handshake and record overhead.
	const frontForward = opened.tls
		? {...forward, packets: forward.packets + 3, bytes: forward.bytes + 690}
		: forward;
	const frontReverse = opened.tls
		? {...reverse, packets: reverse.packets + 4, bytes: reverse.bytes + 4350}
		: reverse;
	const legs: LegSpec[] = [
		frontendLeg(node.interfaceId, attempt.client, node, attempt.port, frontForward, frontReverse),
		...backendLegs(opened.hops, {forward, reverse}, {forward, reverse}),
	];
	const connection = connectionOf(
		attempt.kind,
		start,
		end,
		node.zone,
		opened.registration.targetGroupArn,
		true,
		reset,
		legs,
	);
	const late = shape.late;
	if (late === undefined || reset !== undefined) return [connection];
	const at = end + late.delayMs;
	const packet = {
		packets: 1,
		bytes: 40,
		action: 'REJECT' as const,
		open: late.flags,
		close: late.flags,
	};
	const legsAfter = [frontendLeg(node.interfaceId, attempt.client, node, attempt.port, packet)];
	return [
		connection,
		connectionOf('late', at, at, node.zone, undefined, false, undefined, legsAfter),
	];
}
