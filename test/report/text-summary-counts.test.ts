// The text summary (`--once`, `y`) says what its flow figures count: records, not connections, and
// how many of them the clients sent (what the source lists count) against the LB's and targets' own.
import {describe, expect, it} from 'vitest';
import type {FlowsView, Snapshot} from '../../source/domain/snapshot.js';
import {textSummary} from '../../source/report/text-summary.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';

function withFlows(change: (flows: FlowsView) => FlowsView): Snapshot {
	const snapshot = fixtureSnapshot();
	if (snapshot.flows === undefined) {
		throw new Error('the fixture snapshot has flows');
	}

	return {...snapshot, flows: change(snapshot.flows)};
}

/** The flow figures' line, its wrapped continuation rows (indented) joined back on. */
function flowLine(snapshot: Snapshot): string | undefined {
	const rows = textSummary(snapshot, fixtureNow).split('\n');
	const first = rows.findIndex((line) => line.startsWith('Flow records'));
	if (first < 0) {
		return undefined;
	}

	const rest = rows.slice(first + 1);
	const continued = rest.slice(
		0,
		Math.max(
			0,
			rest.findIndex((line) => !line.startsWith('    ')),
		),
	);
	return [rows[first], ...continued.map((line) => line.trim())].join(' ');
}

describe('the flow figures of the text summary', () => {
	it("say they count records, and split them into the clients' and the path's own", () => {
		const snapshot = withFlows((flows) => ({
			...flows,
			aggregates: {
				...flows.aggregates,
				accepted: {flows: 3400, packets: 100_000, bytes: 40_000_000},
				acceptedFromClients: {flows: 1190, packets: 48_200, bytes: 31_400_000},
				rejectedFromClients: flows.aggregates.rejected,
			},
		}));
		expect(flowLine(snapshot)).toMatch(
			/^Flow records \(\w+; not connections: each record is one direction on one interface\): accepted 3400 \/ 38\.1MB \(1190 from clients, 2210 the LB's and targets' own\), rejected 94 \/ 12\.4KB \(94 from clients, 0 the LB's and targets' own\)/,
		);
	});

	it('leave the split out when it is not known', () => {
		expect(flowLine(fixtureSnapshot())).toMatch(/: accepted 1190 \/ 29\.9MB, rejected 94 \/ /);
	});
});
