// A call that never answers (a black-holed connection, a stuck proxy): the SDK waits 5 minutes of
// socket silence per attempt by default, and lbtop sets no timeout of its own. Until the call
// fails, the source's next run is not even scheduled, so the pane keeps saying "ok".
import {afterEach, describe, expect, it} from 'vitest';
import {expectAllOk, expectOthersCarryOn} from './support/expectations.js';
import {type Rig, startedRig} from './support/fault-rig.js';
import {startTamperingProxy, type TamperingProxy} from './support/tampering-proxy.js';

let rig: Rig | undefined;

afterEach(async () => {
	await rig?.close();
	rig = undefined;
});

async function rigWithProxy(): Promise<{current: Rig; proxy: TamperingProxy}> {
	let proxy: TamperingProxy | undefined;
	const current = await startedRig({
		async between(simUrl) {
			proxy = await startTamperingProxy(simUrl);
			return proxy;
		},
	});
	rig = current;
	if (proxy === undefined) {
		throw new Error('the proxy did not start');
	}
	expectAllOk(current);
	return {current, proxy};
}

// An on-call engineer glancing at the metrics pane must learn within half a minute that it is no
// longer being refreshed, not five (or, with the SDK's three attempts, fifteen) minutes later.
const noticeWithinMs = 30_000;

describe('GetMetricData never answers', () => {
	it(
		'the metrics pane shows a fault within 30 s, keeping its data; the rest carries on',
		async () => {
			const {current, proxy} = await rigWithProxy();
			const before = current.snapshot().metrics;
			proxy.set((request) => (request.operation === 'GetMetricData' ? {kind: 'hang'} : undefined));
			current.engine.refresh();
			await current.until(
				'the metrics source to show the hung call',
				() => current.state('metrics').status !== 'ok',
				noticeWithinMs,
			);
			expect(current.state('metrics').status).toBe('stale');
			expect(current.state('metrics').error?.kind).toBe('network');
			// Reached, then silent: a slow endpoint or link, not a wrong address.
			expect(current.state('metrics').error?.message).toMatch(
				/^cloudwatch:GetMetricData: the endpoint did not answer within 20 s /,
			);
			expect(current.snapshot().metrics).toEqual(before);
			expectOthersCarryOn(current, ['metrics']);

			proxy.set(undefined);
			await current.retry('metrics');
			expect(current.state('metrics').status).toBe('ok');
		},
		noticeWithinMs + 15_000,
	);

	it('stop() does not wait for it', async () => {
		const {current, proxy} = await rigWithProxy();
		proxy.set((request) => (request.operation === 'GetMetricData' ? {kind: 'hang'} : undefined));
		current.engine.refresh();
		await current.until('the hung call made', () => proxy.tampered() > 0);
		const stopping = performance.now();
		await current.engine.stop();
		expect(performance.now() - stopping).toBeLessThan(2000);
	});
});
