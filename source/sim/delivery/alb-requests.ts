// An ALB's requests of one minute, made from the world's own metrics so the access logs and
// CloudWatch tell the same story: as many requests as RequestCount (per zone's node when the world
// has per-zone counts), as many target 5XX as HTTPCode_Target_5XX_Count, as many LB 5XX as
// HTTPCode_ELB_5XX_Count (504, 503 and 502 as their own counts say), and target processing times
// drawn from TargetResponseTime's samples of the minute. Failing requests take the slowest times
// (a pool timing out answers late) and go to the targets by the scenario's failure weights.
import {createRandom, hashSeed, type Random} from '../demo/prng.js';
import type {MetricDatum} from '../world/types.js';
import type {SimRequest} from './access-log-lines.js';

export type AlbNode = {readonly zone: string; readonly ip: string};
export type AlbTarget = {
	/** `ip:port`. */
	readonly endpoint: string;
	readonly targetGroupArn: string;
	/** Share of the failing requests this target answers (weights, any scale). */
	readonly failureWeight: number;
};

export type AlbTrafficSpec = {
	readonly elb: string;
	readonly host: string;
	readonly nodes: readonly AlbNode[];
	readonly targets: readonly AlbTarget[];
	readonly seed: number;
};

type Index = ReadonlyMap<string, ReadonlyMap<number, MetricDatum>>;

const keyOf = (name: string, dimensions: Readonly<Record<string, string>>) =>
	`${name}|${Object.entries(dimensions)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, value]) => `${key}=${value}`)
		.join(',')}`;

export function metricIndex(metrics: readonly MetricDatum[]): Index {
	const index = new Map<string, Map<number, MetricDatum>>();
	for (const datum of metrics) {
		const key = keyOf(
			datum.metricName,
			Object.fromEntries(datum.dimensions.map((dimension) => [dimension.name, dimension.value])),
		);
		const series = index.get(key) ?? new Map<number, MetricDatum>();
		series.set(Math.floor(datum.timestamp / 60_000) * 60_000, datum);
		index.set(key, series);
	}
	return index;
}

/** The minutes the world's RequestCount covers for this LB. */
export function requestMinutes(index: Index, elb: string): number[] {
	return [...(index.get(keyOf('RequestCount', {LoadBalancer: elb}))?.keys() ?? [])].sort(
		(a, b) => a - b,
	);
}

/** The metric's sum in the minute; undefined when the world has no datum for it. */
export function sumOf(
	index: Index,
	name: string,
	dimensions: Record<string, string>,
	minute: number,
): number | undefined {
	const datum = index.get(keyOf(name, dimensions))?.get(minute);
	return datum === undefined
		? undefined
		: Math.max(0, Math.round(datum.values.reduce((total, value) => total + value, 0)));
}

const sum = (index: Index, name: string, dimensions: Record<string, string>, minute: number) =>
	sumOf(index, name, dimensions, minute) ?? 0;

/** `count` times spread over the minute's TargetResponseTime samples by their weights. */
function responseTimes(index: Index, elb: string, minute: number, count: number): number[] {
	const datum = index.get(keyOf('TargetResponseTime', {LoadBalancer: elb}))?.get(minute);
	const samples = (datum?.values ?? [0.05]).map((value, at) => ({
		value,
		weight: datum?.counts?.[at] ?? 1,
	}));
	samples.sort((a, b) => a.value - b.value);
	const total = samples.reduce((all, sample) => all + sample.weight, 0);
	return Array.from({length: count}, (_, at) => {
		let rank = ((at + 0.5) / count) * total;
		for (const sample of samples) {
			rank -= sample.weight;
			if (rank <= 0) return sample.value;
		}
		return samples.at(-1)?.value ?? 0.05;
	}).sort((a, b) => b - a);
}

function weighted<T extends {readonly failureWeight: number}>(
	items: readonly T[],
	random: Random,
): T | undefined {
	const total = items.reduce((all, item) => all + Math.max(0, item.failureWeight), 0);
	let draw = random.next() * total;
	for (const item of items) {
		draw -= Math.max(0, item.failureWeight);
		if (draw < 0) return item;
	}
	return items[0];
}

const paths = ['/', '/cart', '/checkout', '/api/products', '/api/cart/items', '/static/app.js'];
const agents = ['Mozilla/5.0 (X11; Linux x86_64)', 'curl/8.5.0', 'okhttp/4.12.0'];

/** The minute's requests, each with the node that logged it. */
export function albMinute(
	spec: AlbTrafficSpec,
	index: Index,
	minute: number,
): {readonly node: AlbNode; readonly request: SimRequest}[] {
	const total = sum(index, 'RequestCount', {LoadBalancer: spec.elb}, minute);
	if (total === 0 || spec.targets.length === 0 || spec.nodes.length === 0) return [];
	const random = createRandom(hashSeed(spec.seed, 'alb-minute', minute));
	const target5xx = Math.min(
		total,
		sum(index, 'HTTPCode_Target_5XX_Count', {LoadBalancer: spec.elb}, minute),
	);
	const lb5xx = Math.min(
		total - target5xx,
		sum(index, 'HTTPCode_ELB_5XX_Count', {LoadBalancer: spec.elb}, minute),
	);
	const lbCodes = [504, 503, 502].flatMap((code) =>
		Array<number>(sum(index, `HTTPCode_ELB_${code}_Count`, {LoadBalancer: spec.elb}, minute)).fill(
			code,
		),
	);
	const times = responseTimes(index, spec.elb, minute, total - lb5xx);
	const perZone = spec.nodes.map((node) =>
		sum(index, 'RequestCount', {AvailabilityZone: node.zone, LoadBalancer: spec.elb}, minute),
	);
	const zoned = perZone.reduce((all, count) => all + count, 0) === total;
	const requests: {node: AlbNode; request: SimRequest}[] = [];
	for (let at = 0; at < total; at++) {
		const failing = at < target5xx;
		const lbFailing = !failing && at < target5xx + lb5xx;
		const target =
			failing || lbFailing
				? weighted(spec.targets, random)
				: spec.targets[at % spec.targets.length];
		const node = zoned
			? nodeAt(spec.nodes, perZone, at, total, random)
			: (spec.nodes[at % spec.nodes.length] as AlbNode);
		const targetTime = lbFailing ? undefined : times[failing ? at : at - lb5xx];
		const status = failing ? 500 : lbFailing ? (lbCodes[at - target5xx] ?? 502) : 200;
		const path = random.pick(paths);
		requests.push({
			node,
			request: {
				time: minute + random.int(0, 59_999),
				elb: spec.elb,
				client: `198.51.100.${random.int(2, 250)}`,
				clientPort: random.int(1024, 65_535),
				...(target === undefined ? {} : {target: target.endpoint}),
				...(targetTime === undefined ? {} : {targetTime}),
				elbStatus: status,
				...(lbFailing ? {} : {targetStatus: status}),
				method: path.startsWith('/api/cart') ? 'POST' : 'GET',
				url: `http://${spec.host}:80${path}${path === '/api/products' ? `?id=${random.int(1, 999)}&session=${random.hex(12)}` : ''}`,
				userAgent: random.pick(agents),
				targetGroupArn: target?.targetGroupArn ?? '-',
				traceId: `Root=1-${(minute / 1000).toString(16)}-${random.hex(24)}`,
				receivedBytes: random.int(200, 900),
				sentBytes: failing || lbFailing ? random.int(150, 400) : random.int(2000, 60_000),
				connTraceId: `TID_${random.hex(16)}`,
			},
		});
	}
	return requests;
}

/** The node of the at-th request when the zones' counts are known: zones take their share in turn. */
function nodeAt(
	nodes: readonly AlbNode[],
	perZone: readonly number[],
	at: number,
	total: number,
	random: Random,
): AlbNode {
	let draw = random.next() * total;
	for (const [index, count] of perZone.entries()) {
		draw -= count;
		if (draw < 0) return nodes[index] as AlbNode;
	}
	return nodes[at % nodes.length] as AlbNode;
}
