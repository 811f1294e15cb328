// A finding's row says where it stands in time: resolved when, since (or since before) when, and
// when its evidence was last seen.
import {describe, expect, it} from 'vitest';
import type {Finding} from '../../../source/domain/snapshot.js';
import {findingLine} from '../../../source/ui/panes/findings-rows.js';
import {findingsInOrder} from '../../../source/ui/panes/findings-view.js';
import {lineText} from '../../../source/ui/panes/line.js';
import {context, snapshot} from './fixture.js';

const [critical] = findingsInOrder(snapshot.findings);
const base = critical as Finding;
const minute = 60_000;
const since = base.since ?? 0;

describe('a finding row in time', () => {
	it.each<[string, Partial<Finding>, string]>([
		[
			'active, with its last evidence',
			{lastSeen: since + 2 * minute},
			' · since 13:41Z (4m) · last seen 13:43Z · confidence high',
		],
		[
			'begun before what lbtop read',
			{sinceBefore: true, lastSeen: since + 2 * minute},
			' · since before 13:41Z · last seen 13:43Z · confidence high',
		],
		[
			'resolved',
			{severity: 'info', resolvedAt: since + 3 * minute, lastSeen: since + 3 * minute},
			' · resolved 13:44Z · since 13:41Z (4m) · confidence high',
		],
	])('%s', (_name, changes, tail) => {
		const text = lineText(findingLine({...base, ...changes}, context({width: 200})));
		expect(text.endsWith(tail), text).toBe(true);
	});

	it('keeps the resolution before the start when the row is narrow', () => {
		const resolved = {...base, severity: 'info' as const, resolvedAt: since + 3 * minute};
		const text = lineText(findingLine(resolved, context({width: 120})));
		expect(text).toContain('resolved 13:44Z');
		expect(text).not.toContain('confidence');
	});
});
