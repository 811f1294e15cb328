import {describe, expect, it} from 'vitest';
import type {ChangeEvent, ChangesView} from '../../../source/domain/snapshot.js';
import {actorText, changesLines} from '../../../source/ui/panes/changes-rows.js';
import {lineText, lineWidth} from '../../../source/ui/panes/line.js';
import {changeEvents, context, hostile, hostileText, now, snapshot} from './fixture.js';

const changes = snapshot.changes as ChangesView;
const input = {changes, state: snapshot.sources.changes};
const [revoke] = changeEvents as [ChangeEvent];

describe('actorText', () => {
	it.each([
		[{type: 'AssumedRole', name: 'ops-admin', session: 'alice'}, 'ops-admin/alice'],
		[{type: 'IAMUser', name: 'bob'}, 'bob'],
		[{type: 'AssumedRole', name: 'role', session: ''}, 'role'],
	])('%j reads %j', (actor, expected) => {
		expect(actorText({...revoke, actor})).toBe(expected);
	});
});

describe('changesLines', () => {
	it('shows time, age, who, what, error and from on a wide pane', () => {
		const lines = changesLines(input, context({width: 196, height: 10})).map(lineText);
		expect(lines[0]).toBe(
			'3 changes · events through 13:42:00Z (3m ago) · CloudTrail lists events about 5 min late · sort: newest',
		);
		expect(lines[1]).toMatch(/^time\s+age\s+who\s+what\s+error\s+from\s*$/);
		expect(lines[2]).toMatch(
			/^13:40:03Z\s+4m ago bob\s+ModifyTargetGroupAttributes preserve_client_ip\.enabled=false\s+AccessDenied 192\.0\.2\.10/,
		);
		expect(lines[3]).toMatch(
			/^13:38:12Z\s+6m ago ops-admin\/alice\s+RevokeSecurityGroupIngress sg-0target tcp\/8443 from 203\.0\.113\.0\/24\s+198\.51\.100\.77/,
		);
		expect(lines[4]).toMatch(/^06-02 09:05Z\s+1d ago deployer\/ci-1234\s+RegisterTargets/);
	});

	it('keeps time, what and the error on a narrow pane', () => {
		const lines = changesLines(input, context({width: 38, height: 10})).map(lineText);
		expect(lines[1]?.trimEnd()).toMatch(/^time\s+what\s+error$/);
		expect(lines[2]).toMatch(/^13:40:03Z\s+ModifyTarge…\s+AccessDenied$/);
	});

	it('shows local times without the Z', () => {
		const lines = changesLines(input, context({width: 120, timeZone: 'local'})).map(lineText);
		expect(lines.slice(2).join('\n')).not.toMatch(/\d\dZ/);
	});

	it('does not let hostile strings reach the pane raw or break its width', () => {
		const evil: ChangeEvent = {
			...revoke,
			name: hostile.csi,
			summary: hostileText,
			actor: {type: 'IAMUser', name: hostile.cjk, session: hostile.osc52},
			sourceIp: hostile.c1,
			errorCode: hostile.newline,
		};
		for (const width of [38, 78, 196]) {
			const lines = changesLines({...input, changes: {events: [evil]}}, context({width}));
			for (const entry of lines) {
				expect(lineWidth(entry)).toBeLessThanOrEqual(width);
				expect(lineText(entry)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
			}
		}
	});

	it('says so when nothing changed', () => {
		const lines = changesLines({...input, changes: {events: []}}, context()).map(lineText);
		expect(lines).toEqual([
			'0 changes · CloudTrail lists events about 5 min late',
			'No changes to this load balancer or its path in the window',
		]);
	});

	it('highlights the selected (newest-first) event while focused', () => {
		const lines = changesLines(input, context({width: 120, focused: true, selected: 1}));
		const lit = lines.filter((entry) => entry.some((segment) => segment.inverse === true));
		expect(lit.map(lineText).join('')).toContain('RevokeSecurityGroupIngress');
		expect(now).toBeGreaterThan(revoke.time);
	});
});
