// A pane is drawn again only when what it reads (PaneEntry.reads) changed: so whatever else a new
// snapshot changed, a pane whose reads are the same must draw exactly what it drew.
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {Snapshot, SourceName} from '../../../source/domain/snapshot.js';
import {sourceNames} from '../../../source/domain/snapshot.js';
import type {ShellPaneProperties} from '../../../source/ui/app-types.js';
import type {PaneId} from '../../../source/ui/pane-types.js';
import {panes} from '../../../source/ui/panes/index.js';
import {albSnapshot, nlbTlsSnapshot, nlbWithoutTls} from './access-log-fixture.js';
import {connections, hostileSnapshot, properties, snapshot} from './fixture.js';

const minute = 60_000;

function loading(): Snapshot {
	const {flows: _flows, metrics: _metrics, changes: _changes, ...rest} = snapshot;
	return {
		...rest,
		sources: Object.fromEntries(sourceNames.map((name) => [name, {status: 'pending'}])) as Record<
			SourceName,
			{status: 'pending'}
		>,
		findings: [],
	};
}

function later(): Snapshot {
	const failed = {
		status: 'stale' as const,
		fetchedAt: snapshot.generatedAt - 5 * minute,
		error: {
			kind: 'throttled' as const,
			message: 'logs:StartQuery was throttled',
			hint: 'wait',
			at: 1,
		},
	};
	return {
		...snapshot,
		generatedAt: snapshot.generatedAt + 7 * minute,
		window: {start: snapshot.window.start + 7 * minute, end: snapshot.window.end + 7 * minute},
		sources: {
			...snapshot.sources,
			flows: failed,
			metrics: {...failed, status: 'error'},
			changes: {status: 'unavailable', note: 'cloudtrail:LookupEvents was denied'},
		},
		findings: snapshot.findings.slice(1),
		...(snapshot.topology === undefined
			? {}
			: {topology: {...snapshot.topology, type: 'application' as const}}),
	};
}

/** A longer window ending at the same time; sources lbtop cannot read, each saying why. */
function wider(): Snapshot {
	return {
		...snapshot,
		window: {start: snapshot.window.end - 60 * minute, end: snapshot.window.end},
		sources: {
			...snapshot.sources,
			changes: {status: 'unavailable', note: 'no trail records management events'},
			flows: {status: 'unavailable', note: 'no flow log delivers to CloudWatch Logs'},
		},
	};
}

/** The same data written seconds later: the window slides by `seconds` (every write moves it). */
function slid(seconds: number): Snapshot {
	const by = seconds * 1000;
	return {
		...snapshot,
		generatedAt: snapshot.generatedAt + by,
		window: {start: snapshot.window.start + by, end: snapshot.window.end + by},
	};
}

const worlds: readonly Snapshot[] = [
	wider(),
	slid(30),
	slid(37),
	snapshot,
	hostileSnapshot(),
	loading(),
	later(),
	nlbTlsSnapshot(),
	nlbWithoutTls(),
	albSnapshot(),
];

// Each part of a snapshot, as the store's writes replace them: one source's state at a time.
type Part =
	| 'generatedAt'
	| 'window'
	| 'topology'
	| 'flows'
	| 'metrics'
	| 'changes'
	| 'accessLogs'
	| 'requests'
	| 'tls'
	| 'findings'
	| 'cost'
	| `sources.${SourceName}`;
const parts: readonly Part[] = [
	'generatedAt',
	'window',
	'topology',
	'flows',
	'metrics',
	'changes',
	'accessLogs',
	'requests',
	'tls',
	'findings',
	'cost',
	...sourceNames.map((name): Part => `sources.${name}`),
];

function mixed(from: Readonly<Record<Part, number>>): Snapshot {
	const pick = (part: Part) => worlds[from[part]] ?? snapshot;
	const top = Object.fromEntries(
		parts.flatMap((part) => {
			if (part.startsWith('sources.')) {
				return [];
			}
			const value = (pick(part) as Readonly<Record<string, unknown>>)[part];
			return value === undefined ? [] : [[part, value]];
		}),
	);
	const sources = Object.fromEntries(
		sourceNames.map((name) => [name, pick(`sources.${name}`).sources[name]]),
	) as Snapshot['sources'];
	const base: Snapshot = {
		schemaVersion: snapshot.schemaVersion,
		region: snapshot.region,
		target: snapshot.target,
		paused: false,
		generatedAt: snapshot.generatedAt,
		window: snapshot.window,
		sources,
		findings: [],
		cost: snapshot.cost,
	};
	return {...base, ...top, sources};
}

const choice = fc.record(
	Object.fromEntries(parts.map((part) => [part, fc.nat(worlds.length - 1)])) as Record<
		Part,
		fc.Arbitrary<number>
	>,
);
/** What part `part` of world `index` is. */
function partOf(part: Part, index: number): unknown {
	const world = worlds[index] ?? snapshot;
	return part.startsWith('sources.')
		? world.sources[part.slice('sources.'.length) as SourceName]
		: (world as Readonly<Record<string, unknown>>)[part];
}

/** A snapshot, and the same with one or two parts from worlds where they differ (another write). */
const pair = fc
	.tuple(choice, fc.subarray([...parts], {minLength: 1, maxLength: 2}), choice)
	.map(([first, replaced, other]) => {
		const second = {...first};
		for (const part of replaced) {
			const differing = worlds
				.map((_, index) => index)
				.filter((index) => partOf(part, index) !== partOf(part, first[part]));
			second[part] = differing[other[part] % Math.max(1, differing.length)] ?? first[part];
		}
		return [mixed(first), mixed(second)] as const;
	});

const ids = [
	undefined,
	connections[0]?.id,
	snapshot.findings[0]?.id,
	snapshot.metrics?.series[0]?.id,
	snapshot.changes?.events[0]?.id,
];

function frame(pane: PaneId, overrides: Partial<ShellPaneProperties>): string {
	const Pane = panes[pane].component;
	const {lastFrame, unmount} = render(<Pane {...properties(overrides)} />);
	const drawn = lastFrame() ?? '';
	unmount();
	return drawn;
}

const withReads = (Object.keys(panes) as PaneId[]).filter(
	(pane) => panes[pane].reads !== undefined,
);

describe('a pane’s reads', () => {
	it.each(withReads)('%s: equal reads draw the same frame', (pane) => {
		const reads = panes[pane].reads;
		let compared = 0;
		fc.assert(
			fc.property(
				pair,
				fc.constantFrom(...ids),
				fc.nat(3),
				fc.boolean(),
				([first, second], selectedId, selected, focused) => {
					const before = reads?.(first) ?? [];
					const after = reads?.(second) ?? [];
					fc.pre(before.every((value, index) => Object.is(value, after[index])));
					compared++;
					const shared = {
						selected,
						focused,
						...(selectedId === undefined ? {} : {selectedId}),
					};
					expect(frame(pane, {...shared, snapshot: second})).toBe(
						frame(pane, {...shared, snapshot: first}),
					);
				},
			),
			{numRuns: 30},
		);
		expect(compared).toBeGreaterThan(0);
	});
});
