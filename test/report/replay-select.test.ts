import {describe, expect, it} from 'vitest';
import type {ReplayTime} from '../../source/domain/replay-config.js';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {
	nearestSnapshotIndex,
	replayIndex,
	resolveReplayTime,
} from '../../source/report/replay-select.js';
import {fixtureSnapshot} from '../helpers/snapshot-fixture.js';

const utc = (text: string) => Date.parse(text);
const recorded = (...times: string[]): Snapshot[] =>
	times.map((time) => fixtureSnapshot({generatedAt: utc(time)}));
const clock = (hours: number, minutes: number): ReplayTime => ({
	kind: 'time-of-day',
	ms: (hours * 60 + minutes) * 60_000,
});

describe('resolveReplayTime', () => {
	const sameDay = recorded('2025-03-14T13:00:00Z', '2025-03-14T14:00:00Z');
	const overMidnight = recorded('2025-03-14T23:30:00Z', '2025-03-15T00:30:00Z');
	it.each([
		{
			name: 'an instant is itself',
			at: {kind: 'instant', ms: utc('2020-01-01T00:00:00Z')} as const,
			snapshots: sameDay,
			expected: '2020-01-01T00:00:00.000Z',
		},
		{
			name: 'a time of day on the recording day',
			at: clock(13, 42),
			snapshots: sameDay,
			expected: '2025-03-14T13:42:00.000Z',
		},
		{
			name: 'after midnight in a recording that spans it',
			at: clock(0, 10),
			snapshots: overMidnight,
			expected: '2025-03-15T00:10:00.000Z',
		},
		{
			name: 'before midnight in a recording that spans it',
			at: clock(23, 45),
			snapshots: overMidnight,
			expected: '2025-03-14T23:45:00.000Z',
		},
		{
			name: 'outside the recording: the nearest day',
			at: clock(18, 0),
			snapshots: sameDay,
			expected: '2025-03-14T18:00:00.000Z',
		},
	])('$name', ({at, snapshots, expected}) => {
		expect(new Date(resolveReplayTime(at, snapshots)).toISOString()).toBe(expected);
	});
});

describe('nearestSnapshotIndex and replayIndex', () => {
	const snapshots = recorded(
		'2025-03-14T13:00:00Z',
		'2025-03-14T13:00:10Z',
		'2025-03-14T13:00:30Z',
	);
	it.each([
		{name: 'before the first', at: '2025-03-14T12:00:00Z', index: 0},
		{name: 'exactly on one', at: '2025-03-14T13:00:10Z', index: 1},
		{name: 'nearer the later', at: '2025-03-14T13:00:25Z', index: 2},
		{name: 'a tie goes to the earlier', at: '2025-03-14T13:00:20Z', index: 1},
		{name: 'after the last', at: '2025-03-15T00:00:00Z', index: 2},
	])('$name -> snapshot $index', ({at, index}) => {
		expect(nearestSnapshotIndex(snapshots, utc(at))).toBe(index);
		expect(replayIndex(snapshots, {kind: 'instant', ms: utc(at)})).toBe(index);
	});

	it('without --at: the last snapshot', () => {
		expect(replayIndex(snapshots, undefined)).toBe(2);
	});
});
