import {describe, expect, it} from 'vitest';
import type {ErrorKind, Snapshot, SourceState} from '../../source/domain/snapshot.js';
import {startupFailure, startupFailureText} from '../../source/domain/startup-failure.js';
import {fixtureSnapshot} from '../helpers/snapshot-fixture.js';

function failing(
	kind: ErrorKind,
	topology: boolean,
	status: SourceState['status'] = 'error',
): Snapshot {
	const base = fixtureSnapshot();
	const {topology: _topology, ...withoutTopology} = base;
	return {
		...(topology ? base : withoutTopology),
		sources: {
			...base.sources,
			discovery: {
				status,
				error: {kind, message: `${kind} happened`, hint: 'do this', at: 1},
				retryAt: 5000,
			},
		},
	};
}

describe('startupFailure', () => {
	it.each([
		['not-found', true],
		['credentials', true],
		['access-denied', true],
		['invalid', true],
		['network', false],
		['throttled', false],
		['unknown', false],
	] as const)('%s before the load balancer is found: ends the run = %s', (kind, ends) => {
		expect(startupFailure(failing(kind, false))).toEqual({
			error: expect.objectContaining({kind}),
			ends,
			retryAt: 5000,
		});
	});

	it('once the load balancer has been found, a failing discovery is a stale source, not a start-up failure', () => {
		expect(startupFailure(failing('not-found', true, 'stale'))).toBeUndefined();
		expect(startupFailure(failing('network', true))).toBeUndefined();
	});

	it('says what failed, then what to do', () => {
		const failure = startupFailure(failing('network', false));
		expect(failure && startupFailureText(failure.error)).toBe('network happened\n  do this');
	});
});
