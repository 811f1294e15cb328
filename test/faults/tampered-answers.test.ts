// Answers the sim's fault injector cannot produce, made by a proxy in between: expired
// credentials, bodies that are not what the protocol promises, and error codes carrying terminal
// escape sequences. The engine never throws; the affected source shows the fault and keeps its
// data; it comes back at its next attempt once the answers are sound again.
import {afterEach, describe, expect, it} from 'vitest';
import type {SourceName} from '../../source/domain/snapshot.js';
import {textSummary} from '../../source/report/text-summary.js';
import {SimError} from '../../source/sim/context.js';
import type {HttpResponse} from '../../source/sim/protocol/http-response.js';
import {
	expectAllOk,
	expectFailed,
	expectOthersCarryOn,
	untilAllOk,
} from './support/expectations.js';
import {allSources, dataOf, type Rig, startedRig} from './support/fault-rig.js';
import {
	expiredToken,
	type Intercepted,
	protocolError,
	startTamperingProxy,
	type Tamper,
	type TamperingProxy,
} from './support/tampering-proxy.js';

let rig: Rig | undefined;

afterEach(async () => {
	await rig?.close();
	rig = undefined;
});

async function rigWithProxy(
	options: {readonly tamper?: Tamper; readonly profile?: string} = {},
): Promise<{current: Rig; proxy: TamperingProxy}> {
	let proxy: TamperingProxy | undefined;
	const current = await startedRig({
		...(options.profile === undefined ? {} : {profile: options.profile}),
		async between(simUrl) {
			proxy = await startTamperingProxy(simUrl);
			proxy.set(options.tamper);
			return proxy;
		},
	});
	rig = current;
	if (proxy === undefined) {
		throw new Error('the proxy did not start');
	}
	return {current, proxy};
}

const minute = 60_000;
const everyReadDue = 6 * minute;

describe('credentials expiring mid-run', () => {
	it('every source goes stale saying to log in again, and recovers once they are renewed', async () => {
		const {current, proxy} = await rigWithProxy({profile: 'prod'});
		expectAllOk(current);
		const before = current.snapshot();

		proxy.set((request) => ({kind: 'respond', response: expiredToken(request)}));
		current.timers.advance(everyReadDue);
		await current.nextRound();
		for (const name of allSources) {
			expectFailed(current, name, {kind: 'credentials'});
			expect(current.state(name).status).toBe('stale');
			expect(current.state(name).error?.hint).toContain('aws sso login --profile prod');
			expect(dataOf(current.snapshot(), name)).toEqual(dataOf(before, name));
		}

		proxy.set(undefined);
		for (const name of allSources) {
			if (current.state(name).status !== 'ok') {
				await current.retry(name);
			}
		}
		await untilAllOk(current);
	});

	it('expired before the start: identity and discovery say so', async () => {
		const {current} = await rigWithProxy({
			tamper: (request) => ({kind: 'respond', response: expiredToken(request)}),
		});
		for (const name of ['identity', 'discovery'] as const) {
			expectFailed(current, name, {kind: 'credentials'});
			expect(current.state(name).error?.hint).toContain('aws sso login');
		}
		expectOthersCarryOn(current, ['identity', 'discovery']);
	});
});

type Mangled = {
	readonly what: string;
	readonly operation: string;
	readonly source: SourceName;
	readonly tamper: Tamper;
};

const htmlPage = '<html><body><h1>502 Bad Gateway</h1></body></html>';

function only(operation: string, tamper: Tamper): Tamper {
	return (request) => (request.operation === operation ? tamper(request) : undefined);
}

const mangled: readonly Mangled[] = [
	{
		what: 'a 200 answer that is not XML',
		operation: 'DescribeLoadBalancers',
		source: 'discovery',
		tamper: () => ({kind: 'forward', body: () => 'this is not a response'}),
	},
	{
		what: 'XML cut off halfway',
		operation: 'DescribeNetworkInterfaces',
		source: 'discovery',
		tamper: () => ({kind: 'forward', body: (body) => body.slice(0, body.length / 2)}),
	},
	{
		what: 'an HTML error page from a proxy',
		operation: 'GetCallerIdentity',
		source: 'identity',
		tamper: () => ({
			kind: 'respond',
			response: {status: 502, headers: {'content-type': 'text/html'}, body: htmlPage},
		}),
	},
	{
		what: 'JSON cut off halfway',
		operation: 'GetMetricData',
		source: 'metrics',
		tamper: () => ({kind: 'forward', body: (body) => body.slice(0, body.length / 2)}),
	},
	{
		what: 'a 200 answer that is not JSON',
		operation: 'LookupEvents',
		source: 'changes',
		tamper: () => ({kind: 'forward', body: () => htmlPage}),
	},
	{
		what: 'JSON of the wrong shape',
		operation: 'FilterLogEvents',
		source: 'flows',
		tamper: () => ({
			kind: 'forward',
			body: () => JSON.stringify({events: 'none', searchedLogStreams: 7, nextToken: 12}),
		}),
	},
	{
		what: 'query results of the wrong shape',
		operation: 'GetQueryResults',
		source: 'flows',
		tamper: () => ({
			kind: 'forward',
			body: () =>
				JSON.stringify({
					status: 'Complete',
					results: [[{field: 7}], 'x', null],
					statistics: 'lots',
				}),
		}),
	},
];

describe.each(mangled)('$what for $operation', ({operation, source, tamper}) => {
	it(`${source} shows the fault, keeps its data, the rest carries on, and it recovers`, async () => {
		const {current, proxy} = await rigWithProxy();
		expectAllOk(current);
		proxy.set(only(operation, tamper));
		current.timers.advance(everyReadDue);
		await current.nextRound();
		expect(proxy.tampered(), 'lbtop made the call').toBeGreaterThan(0);

		const state = current.state(source);
		expect(state.status).toBe('stale');
		expect(state.error?.message.length ?? 0).toBeGreaterThan(0);
		expect(dataOf(current.snapshot(), source)).toBeDefined();
		expectOthersCarryOn(current, [source]);

		proxy.set(undefined);
		await current.retry(source);
		expect(current.state(source).status).toBe('ok');
		await untilAllOk(current);
	});
});

const controls = /[\u0000-\u001F\u007F-\u009F]/;

/** The code travels in the body (`__type`, `<Code>`): a header could not carry the escapes. */
function hostileError(request: Intercepted, hostile: string): HttpResponse {
	if (request.style !== 'json') {
		return protocolError(request, new SimError(`Bad${hostile}`, `boom ${hostile}`, 400));
	}
	return {
		status: 400,
		headers: {'content-type': `application/x-amz-json-${request.jsonVersion}`},
		body: JSON.stringify({__type: `Bad${hostile}`, message: `boom ${hostile}`}),
	};
}

describe('an error whose code and message carry terminal escape sequences', () => {
	it.each([
		['LookupEvents', 'changes'],
		['DescribeTargetHealth', 'discovery'],
	] as const)(
		'%s: the error lbtop keeps, and --once prints, has no control characters',
		async (operation, source) => {
			const hostile = '\u001B]52;c;cm0gLXJmIH4=\u0007\u001B[2JEvil\u009B31m';
			const {current, proxy} = await rigWithProxy();
			proxy.set(
				only(operation, (request) => ({kind: 'respond', response: hostileError(request, hostile)})),
			);
			current.timers.advance(everyReadDue);
			await current.nextRound();
			const error = current.state(source).error;
			expect(error?.kind).toBe('unknown');
			expect(error?.message).not.toMatch(controls);
			expect(error?.hint).not.toMatch(controls);
			// The text summary prints the message as it is; only its own line breaks may be in it.
			const printed = textSummary(current.snapshot(), current.timers.now());
			expect(printed).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
		},
	);
});
