import {describe, expect, it} from 'vitest';
import type {ChangeEvent} from '../../../../source/domain/snapshot.js';
import {
	changeDetailLines,
	eventDetailLines,
} from '../../../../source/ui/panes/detail/change-detail.js';
import {lineText} from '../../../../source/ui/panes/line.js';
import {changeEvents, context, hostile} from '../fixture.js';

const [revoke, denied] = changeEvents as [ChangeEvent, ChangeEvent];

describe('eventDetailLines', () => {
	it.each([
		['{\n  "a": 1\n}\n\n', ['{', '  "a": 1', '}']],
		['one\r\ntwo', ['one', 'two']],
		[`${hostile.csi}\n${hostile.osc52}`, ['evilred', 'copyme']],
		['tab\there', ['tab here']],
		['', []],
	])('%j reads as %j', (detail, expected) => {
		expect(eventDetailLines(detail)).toEqual(expected);
	});
});

describe('changeDetailLines', () => {
	it('shows who, when, from where, what, then the event JSON as far as it fits', () => {
		const lines = changeDetailLines(revoke, context({width: 100, height: 14})).map(lineText);
		expect(lines).toEqual([
			'RevokeSecurityGroupIngress · ec2.amazonaws.com',
			'13:38:12Z · 6m ago · by AssumedRole ops-admin/alice · from 198.51.100.77',
			'what sg-0target tcp/8443 from 203.0.113.0/24',
			'resources sg-0target',
			'agent aws-cli/2.15.0',
			'event:',
			'{',
			'  "eventVersion": "1.08",',
			'  "eventTime": "2025-06-03T13:38:12Z",',
			'  "eventSource": "ec2.amazonaws.com",',
			'  "eventName": "RevokeSecurityGroupIngress",',
			'  "awsRegion": "us-east-1",',
			'  "sourceIPAddress": "198.51.100.77",',
			'… 24 more lines',
		]);
	});

	it('shows the whole event when it fits', () => {
		const lines = changeDetailLines(revoke, context({width: 100, height: 60})).map(lineText);
		expect(lines.at(-1)).toBe('}');
		expect(lines.join('\n')).not.toContain('more lines');
	});

	it('names a failed call in red and says when nothing more was kept', () => {
		const lines = changeDetailLines(denied, context({width: 100, height: 14}));
		const failed = lines.find((entry) => lineText(entry).startsWith('failed:'));
		expect(failed?.map((segment) => segment.tone)).toEqual(['red', 'red']);
		expect(lineText(lines.at(-1) ?? [])).toBe('no further event detail kept');
	});
});
