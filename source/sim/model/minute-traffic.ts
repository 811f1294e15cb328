// Every connection that starts in one minute: each client population's, each probe source's and
// the health checks. A minute's content depends only on the seed, the minute and the model, never
// on when or in which order it is built; each population draws from its own generator, so
// adding one (or changing the configuration) leaves the others' connections as they were.
import {createRandom, hashSeed, type Random} from '../demo/prng.js';
import {clientEphemeralPort} from './address-pool.js';
import {type Attempt, clientFlow, type Shape} from './client-flow.js';
import {type Connection, minuteMs, tcpFlags} from './connection.js';
import type {ModelContext} from './context.js';
import {healthChecks} from './health-checks.js';
import type {Active, ClientPopulation, ProbeSource, Span} from './spec.js';
import type {LbNode} from './topology.js';

function drawSpan(random: Random, span: Span): number {
	return random.int(Math.round(span.min), Math.round(span.max));
}

function isActive(context: ModelContext, active: Active | undefined, time: number): boolean {
	if (active === undefined) return true;
	const {offset} = context.timeline.locate(time);
	return offset >= active.from && offset < active.until;
}

/** Whether any moment of the minute is active (a minute never spans more than two cycles). */
function activeInMinute(
	context: ModelContext,
	active: Active | undefined,
	minuteStart: number,
): boolean {
	if (active === undefined) return true;
	const {offset} = context.timeline.locate(minuteStart);
	const every = context.timeline.cycle?.every;
	const overlaps = (from: number) => from < active.until && from + minuteMs > active.from;
	return overlaps(offset) || (every !== undefined && overlaps(offset - every));
}

/** How many of something that happens `rate` times a minute on average happen in this minute. */
function countIn(random: Random, rate: number): number {
	const whole = Math.floor(rate);
	return whole + (random.next() < rate - whole ? 1 : 0);
}

const lateFlags = [tcpFlags.fin, tcpFlags.rst, 0];

function drawShape(context: ModelContext, random: Random, population: ClientPopulation): Shape {
	const {spec} = context;
	const roll = random.next();
	const reset =
		roll < spec.resets.target
			? 'target'
			: roll < spec.resets.target + spec.resets.client
				? 'client'
				: roll < spec.resets.target + spec.resets.client + spec.resets.elb
					? 'elb'
					: undefined;
	const longLived = random.next() < population.longLived.share;
	const short = drawSpan(random, population.durationMs);
	const long = drawSpan(random, population.longLived.durationMs);
	const requestBytes = drawSpan(random, population.requestBytes);
	// Responses are long-tailed: most small, a few large.
	const responseBytes = Math.round(
		population.responseBytes.min +
			random.next() ** 3 * (population.responseBytes.max - population.responseBytes.min),
	);
	const extraPackets = random.int(0, 3);
	const hostResetRoll = random.next();
	const resetDurationMs = random.int(80, 1500);
	const lateRoll = random.next();
	const lateDelayMs = random.int(500, 5000);
	const lateFlag = random.pick(lateFlags);
	return {
		durationMs: longLived && reset === undefined ? long : short,
		requestBytes,
		responseBytes,
		extraPackets,
		reset,
		hostResetRoll,
		resetDurationMs,
		late: lateRoll < spec.lateRejects ? {delayMs: lateDelayMs, flags: lateFlag} : undefined,
	};
}

const listenerPorts = new WeakMap<ModelContext, readonly number[]>();

function pickPort(context: ModelContext, random: Random, population: ClientPopulation): number {
	const weighted = population.listeners;
	if (weighted === undefined || weighted.length === 0) {
		let ports = listenerPorts.get(context);
		if (ports === undefined) {
			ports = [...new Set(context.timeline.epochs[0]?.state.listeners.map((item) => item.port))];
			listenerPorts.set(context, ports);
		}
		return ports.length === 0 ? 80 : random.pick(ports);
	}
	const total = weighted.reduce((sum, item) => sum + item.weight, 0);
	let target = random.next() * total;
	for (const item of weighted) {
		target -= item.weight;
		if (target < 0) return item.port;
	}
	return weighted.at(-1)?.port ?? 80;
}

function nodesFor(context: ModelContext, zones: readonly string[] | undefined): readonly LbNode[] {
	const nodes = context.topology.nodes;
	if (zones === undefined) return nodes;
	const chosen = nodes.filter((node) => zones.includes(node.zone));
	return chosen.length > 0 ? chosen : nodes;
}

type Visit = (connection: Connection) => void;

function populationMinute(
	context: ModelContext,
	population: ClientPopulation,
	minuteStart: number,
	visit: Visit,
): void {
	const random = createRandom(hashSeed(context.spec.seed, 'clients', population.name, minuteStart));
	const pool = context.clientPools.get(population.name);
	const nodes = nodesFor(context, population.zones);
	if (
		pool === undefined ||
		nodes.length === 0 ||
		!activeInMinute(context, population.active, minuteStart)
	) {
		return;
	}
	// A gentle 4-hour swell so the sparklines are not flat.
	const swell = 1 + 0.2 * Math.sin((2 * Math.PI * minuteStart) / (4 * 60 * minuteMs));
	const count = Math.max(
		0,
		Math.round(population.connectionsPerMinute * swell * (0.85 + 0.3 * random.next())),
	);
	for (let index = 0; index < count; index++) {
		const start = minuteStart + random.int(0, minuteMs - 1);
		const source = pool.pick(random);
		const attempt: Attempt = {
			kind: 'client',
			start,
			node: random.pick(nodes),
			client: {ip: source.ip, address: source.address, port: clientEphemeralPort(random)},
			port: pickPort(context, random, population),
			pick: random.next(),
			lbPort: random.int(1024, 65_535),
			shape: drawShape(context, random, population),
		};
		if (isActive(context, population.active, start)) {
			for (const connection of clientFlow(context, attempt)) visit(connection);
		}
	}
}

const probeShape: Shape = {
	durationMs: 40,
	requestBytes: 0,
	responseBytes: 0,
	extraPackets: 0,
	reset: 'client',
	hostResetRoll: 1,
	resetDurationMs: 40,
	late: undefined,
};

function probeMinute(
	context: ModelContext,
	probe: ProbeSource,
	minuteStart: number,
	visit: Visit,
): void {
	const random = createRandom(hashSeed(context.spec.seed, 'probes', probe.name, minuteStart));
	const pool = context.probePools.get(probe.name);
	if (pool === undefined || !activeInMinute(context, probe.active, minuteStart)) return;
	for (const node of context.topology.nodes) {
		const count = countIn(random, probe.perMinute);
		for (let index = 0; index < count; index++) {
			const start = minuteStart + random.int(0, minuteMs - 1);
			const source = pool.pick(random);
			const randomPorts = probe.randomPorts;
			const port =
				randomPorts !== undefined && (probe.ports.length === 0 || random.next() < randomPorts.share)
					? drawSpan(random, randomPorts.range)
					: random.pick(probe.ports);
			const packets = drawSpan(random, probe.packets);
			const attempt: Attempt = {
				kind: 'probe',
				start,
				node,
				client: {ip: source.ip, address: source.address, port: random.int(32_768, 65_000)},
				port,
				pick: random.next(),
				lbPort: random.int(1024, 65_535),
				shape: probeShape,
			};
			if (!isActive(context, probe.active, start)) continue;
			for (const connection of clientFlow(context, attempt)) {
				visit(connection.counted ? connection : withPackets(connection, packets));
			}
		}
	}
}

/** A rejected probe's SYN count is the probe's own (scanners rarely retransmit). */
function withPackets(connection: Connection, packets: number): Connection {
	return {
		...connection,
		end: connection.start,
		legs: connection.legs.map((leg) => ({
			...leg,
			forward: {...leg.forward, packets, bytes: 44 * packets},
		})),
	};
}

/**
 * Visits every connection that starts in the minute beginning at `minuteStart` (Unix ms,
 * minute-aligned), one at a time: nothing holds the minute whole, so a busy minute's connections
 * are short-lived garbage rather than a heap to trace.
 */
export function forEachConnection(context: ModelContext, minuteStart: number, visit: Visit): void {
	for (const population of context.spec.clients)
		populationMinute(context, population, minuteStart, visit);
	for (const probe of context.spec.probes) probeMinute(context, probe, minuteStart, visit);
	const random = createRandom(hashSeed(context.spec.seed, 'health-checks', minuteStart));
	for (const check of healthChecks(context, random, minuteStart)) visit(check);
}
