// The pasted findings say where each stands in time, in UTC: since (or since before) when, last
// seen, and resolved at.
import {describe, expect, it} from 'vitest';
import type {Finding} from '../../source/domain/snapshot.js';
import {findingLines} from '../../source/report/text-sections.js';
import {buildSnapshot, minute, now} from '../domain/findings/snapshot-builder.js';

const finding: Finding = {
	id: 'target-sg-rejects:sg-1',
	rule: 'target-sg-rejects',
	severity: 'critical',
	confidence: 'high',
	title: 'Target SG (web-sg) rejects client IPs',
	since: now - 10 * minute,
	lastSeen: now - 2 * minute,
	evidence: [],
	next: 'Check web-sg',
};

const lines = (entry: Finding) => findingLines(buildSnapshot({findings: [entry]}))[1];

describe('findings in the text summary', () => {
	it.each<[string, Finding, string]>([
		[
			'active',
			finding,
			'  [CRITICAL] Target SG (web-sg) rejects client IPs (since 13:35:00Z, last seen 13:43:00Z) — confidence high',
		],
		[
			'begun before the data',
			{...finding, sinceBefore: true},
			'  [CRITICAL] Target SG (web-sg) rejects client IPs (since before 13:35:00Z, last seen 13:43:00Z) — confidence high',
		],
		[
			'resolved',
			{...finding, severity: 'info', resolvedAt: now - 2 * minute},
			'  [INFO] resolved at 13:43:00Z: Target SG (web-sg) rejects client IPs (since 13:35:00Z) — confidence high',
		],
	])('%s', (_name, entry, first) => {
		expect(lines(entry)?.split('\n')[0]).toBe(first);
	});
});
