// A failing access-log read (S3 or Athena denied, throttled, unreachable) is said in the Requests
// and TLS panes, with what to do and when lbtop tries again, as every other pane says its
// source's failure; the figures read earlier stay, marked as such.
import {describe, expect, it} from 'vitest';
import type {Snapshot, SourceState} from '../../../source/domain/snapshot.js';
import {albSnapshot, nlbTlsSnapshot} from './access-log-fixture.js';
import {now} from './fixture.js';
import {renderPane} from './render-pane.js';

const size = {width: 78, height: 16};

const failed: SourceState = {
	status: 'error',
	fetchedAt: now - 120_000,
	error: {
		kind: 'access-denied',
		at: now - 10_000,
		iamAction: 's3:GetObject',
		message: 'S3 GetObject denied (AccessDenied)',
		hint: 'allow s3:GetObject on the log bucket, or read it with --logs-profile NAME',
	},
	retryAt: now + 30_000,
};

function withReads(snapshot: Snapshot, state: SourceState): Snapshot {
	const setup = snapshot.accessLogs ?? {gaps: []};
	return {
		...snapshot,
		accessLogs: {...setup, reads: {basis: 'objects', state, objectsRead: 3, objectsUnread: 0}},
	};
}

const flowing = (lines: readonly string[]) => lines.join(' ').replaceAll(/\s+/g, ' ');

describe.each([
	['requests', albSnapshot],
	['tls', nlbTlsSnapshot],
] as const)('the %s pane when the access logs cannot be read', (pane, make) => {
	it('says what failed, what to do and when it retries, above the figures read before', () => {
		const lines = renderPane(pane, {snapshot: withReads(make(), failed), ...size, focused: true});
		const text = flowing(lines);
		expect(text).toContain('stale: S3 GetObject denied (AccessDenied)');
		expect(text).toContain(
			'allow s3:GetObject on the log bucket, or read it with --logs-profile NAME',
		);
		expect(text).toMatch(/retry in 30s/);
		expect(text).toMatch(/logs through/);
	});

	it('says nothing more while the reads succeed', () => {
		const lines = renderPane(pane, {
			snapshot: withReads(make(), {status: 'ok', fetchedAt: now}),
			...size,
			focused: true,
		});
		expect(flowing(lines)).not.toMatch(/stale:|error:/);
	});
});
