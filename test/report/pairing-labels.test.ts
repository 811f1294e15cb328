// One set of labels for every output: the kind of each connection row is decided once, when the
// flows view is built (at the snapshot's time, for `arriving`), and the screen, the text summary
// (`--once` and `y`) and `--json` all say the same of the same row.
import {describe, expect, it} from 'vitest';
import {emptyRawHold} from '../../source/domain/flows-window/raw-records.js';
import {buildFlowsView} from '../../source/domain/flows-window/view.js';
import type {Connection, FlowRecord, Snapshot} from '../../source/domain/snapshot.js';
import {jsonSnapshot} from '../../source/report/json-snapshot.js';
import {textSummary} from '../../source/report/text-summary.js';
import {connectionsLines} from '../../source/ui/panes/connections-rows.js';
import {lineText} from '../../source/ui/panes/line.js';
import {exchange, lbA, line, nlbTopology, records, webA} from '../domain/flows/fixtures.js';
import {fixtureSnapshot} from '../helpers/snapshot-fixture.js';
import {context} from '../ui/panes/fixture.js';

const topology = nlbTopology({preserveClientIp: true});
const now = Date.UTC(2025, 5, 3, 13, 45, 0);
const nowSeconds = now / 1000;
const young = nowSeconds - 120;
const old = nowSeconds - 900;

const rows = {
	// A client's frontend and backend, joined on its address and port.
	paired: '198.51.100.1',
	// The LB's health check of a target whose group preserves client IPs.
	healthCheck: lbA.ip,
	// A frontend two minutes old whose backend has not been delivered yet.
	arriving: '198.51.100.3',
	// The same, a quarter of an hour old: its backend is not coming.
	unpaired: '198.51.100.4',
	// A probe the LB rejected, to a port with no listener: never forwarded, so never arriving.
	probe: '198.51.100.5',
} as const;

function flowRecords(): readonly FlowRecord[] {
	const frontend = (src: string, start: number) =>
		exchange({eni: lbA.interfaceId, src, sport: 40_000, dst: lbA.ip, dport: 80, start});
	return records([
		...frontend(rows.paired, young),
		...exchange({
			eni: lbA.interfaceId,
			src: rows.paired,
			sport: 40_000,
			dst: webA.ip,
			dport: webA.port,
			start: young,
		}),
		...exchange({
			eni: lbA.interfaceId,
			src: lbA.ip,
			sport: 33_000,
			dst: webA.ip,
			dport: webA.port,
			start: young,
		}),
		...frontend(rows.arriving, young),
		...frontend(rows.unpaired, old),
		line({
			eni: lbA.interfaceId,
			src: rows.probe,
			sport: 50_000,
			dst: lbA.ip,
			dport: 22,
			packets: 1,
			bytes: 44,
			start: young,
			action: 'REJECT',
		}),
	]);
}

function snapshotAt(time: number): Snapshot {
	const held = flowRecords().map((record, index) => ({
		eventId: `e${index}`,
		timestamp: record.start * 1000,
		record,
	}));
	const flows = buildFlowsView({
		topology,
		slices: [],
		windowStart: nowSeconds - 1800,
		edge: [],
		raw: {...emptyRawHold, records: held},
		aggregationSeconds: 60,
		bucketSeconds: 60,
		now: time,
	});
	return {...fixtureSnapshot(), topology, flows};
}

function rowOf(snapshot: Snapshot, clientAddr: string): Connection {
	const row = snapshot.flows?.connections.find((entry) => entry.clientAddr === clientAddr);
	if (row === undefined) {
		throw new Error(`no row for ${clientAddr}`);
	}

	return row;
}

describe('the pairing label of a row', () => {
	const snapshot = snapshotAt(now);
	const screen = connectionsLines(
		{
			...(snapshot.flows === undefined ? {} : {flows: snapshot.flows}),
			state: snapshot.sources.flows,
			topology,
		},
		context({width: 200, height: 30, now}),
	).map(lineText);
	const text = textSummary(snapshot, now).split('\n');
	const json = JSON.parse(jsonSnapshot(snapshot)) as Snapshot;

	it.each([
		['paired', 'exact', 'exact'],
		['healthCheck', 'health-check', 'health chk'],
		['arriving', 'arriving', 'arriving'],
		['unpaired', 'unpaired', 'unpaired'],
		['probe', 'unpaired', 'unpaired'],
	] as const)('%s: kind %s, shown as %j on the screen, in --once and y', (name, kind, word) => {
		const clientAddr = rows[name];
		const row = rowOf(snapshot, clientAddr);
		expect(row.kind).toBe(kind);
		expect(json.flows?.connections.find((entry) => entry.id === row.id)?.kind).toBe(kind);
		const onScreen = screen.find((entry) => entry.startsWith(`${clientAddr}:${row.clientPort} `));
		expect(onScreen).toMatch(new RegExp(` ${word} +tcp *$`));
		const inText = text.find((entry) => entry.startsWith(`  ${clientAddr}:${row.clientPort} `));
		expect(inText).toMatch(new RegExp(`\\] ${word} · `));
	});

	it('counts the rows per kind in the text summary, as the screen words them', () => {
		expect(text).toContain(
			'Connections (5 rows: 1 exact, 2 unpaired, 1 arriving, 1 health chk; first 5):',
		);
	});

	it('is arriving only while the partner may still be in delivery', () => {
		const later = snapshotAt(now + 10 * 60_000);
		expect(rowOf(later, rows.arriving).kind).toBe('unpaired');
		expect(rowOf(later, rows.healthCheck).kind).toBe('health-check');
	});
});
