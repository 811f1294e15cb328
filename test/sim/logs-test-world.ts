// A small world and a hand-driven clock for calling the Logs and CloudTrail operations directly.
import type {JsonObject, JsonValue, SimContext} from '../../source/sim/context.js';
import type {JsonService} from '../../source/sim/services/json-service.js';
import type {LogEvent, LogGroup, World} from '../../source/sim/world/types.js';

export const accountId = '123456789012';
export const t0 = Date.UTC(2026, 10, 20, 12, 0, 0);

export function emptyWorld(overrides: Partial<World> = {}): World {
	return {
		region: 'us-east-1',
		accountId,
		identity: {account: accountId, arn: `arn:aws:iam::${accountId}:user/test`, userId: 'AIDATEST'},
		vpcs: [],
		subnets: [],
		securityGroups: [],
		networkAcls: [],
		instances: [],
		networkInterfaces: [],
		loadBalancers: [],
		listeners: [],
		targetGroups: [],
		targets: [],
		flowLogs: [],
		logGroups: [],
		metrics: [],
		alarms: [],
		cloudTrailEvents: [],
		...overrides,
	};
}

export type TestContext = SimContext & {
	/** Moves the sim clock. */
	setNow(ms: number): void;
	readonly advanceCalls: () => number;
};

export function testContext(world: World, now = t0): TestContext {
	let current = now;
	let calls = 0;
	return {
		world,
		clock: {now: () => current},
		advance: () => {
			calls += 1;
		},
		setNow(ms) {
			current = ms;
		},
		advanceCalls: () => calls,
	};
}

/** A default-format (v2) flow log record. */
export function flowLine(fields: {
	eni?: string;
	src?: string;
	dst?: string;
	srcPort?: number;
	dstPort?: number;
	bytes?: number;
	start: number;
	action?: 'ACCEPT' | 'REJECT';
}): string {
	const start = Math.floor(fields.start / 1000);
	return [
		2,
		accountId,
		fields.eni ?? 'eni-0aaa',
		fields.src ?? '198.51.100.7',
		fields.dst ?? '10.0.1.10',
		fields.srcPort ?? 50_000,
		fields.dstPort ?? 443,
		6,
		10,
		fields.bytes ?? 840,
		start,
		start + 60,
		fields.action ?? 'ACCEPT',
		'OK',
	].join(' ');
}

export function event(timestamp: number, message: string, delayMs = 0): LogEvent {
	return {timestamp, ingestionTime: timestamp + delayMs, message};
}

export function group(name: string, streams: Record<string, LogEvent[]>): LogGroup {
	return {
		logGroupName: name,
		creationTime: t0 - 86_400_000,
		streams: Object.entries(streams).map(([logStreamName, events]) => ({
			logStreamName,
			creationTime: t0 - 86_400_000,
			events,
		})),
	};
}

/** Calls one operation as the server would, awaiting a promise if the operation returns one. */
export async function call(
	service: JsonService,
	operation: string,
	input: JsonObject,
	context: SimContext,
): Promise<JsonValue> {
	const handler = service.operations[operation];
	if (!handler) throw new Error(`no operation ${operation}`);
	return handler(input, context);
}

function isJsonObject(value: JsonValue): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: JsonValue): Record<string, JsonValue> {
	if (!isJsonObject(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
	return {...value};
}

export function asList(value: JsonValue | undefined): JsonValue[] {
	if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)}`);
	return [...value];
}
