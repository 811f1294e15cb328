import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {mergeAggregateRows} from '../../../source/domain/flows/aggregate-rows.js';
import {defaultFlowFormat, parseLogFormat} from '../../../source/domain/flows/flow-format.js';
import {buildCombinedQuery, splitCombinedRows} from '../../../source/domain/flows-window/index.js';
import {client, lbA, lbB, nlbTopology, otherClient, webA} from '../flows/fixtures.js';

const topology = nlbTopology({preserveClientIp: true});
const locals = [lbA.ip, lbB.ip, webA.ip];

function cells(values: Record<string, string>) {
	return Object.entries(values).map(([field, value]) => ({field, value}));
}

function customFormat(fields: readonly string[]) {
	const parsed = parseLogFormat(fields.map((field) => `\${${field}}`).join(' '));
	if (!parsed.ok) {
		throw new Error(parsed.reason);
	}

	return parsed.format;
}

describe('buildCombinedQuery', () => {
	it.each([
		{
			name: 'the default format, by the fields Insights discovers',
			format: defaultFlowFormat,
			interfaceIds: [lbA.interfaceId],
			query:
				'filter action = "ACCEPT" or action = "REJECT" | filter interfaceId = "eni-0aaa000000000000a" | stats count(*) as flows, sum(packets) as packets, sum(bytes) as bytes by bin(60s) as bucket, action, interfaceId, srcAddr, dstPort',
		},
		{
			name: 'a custom format, parsed from the message',
			format: customFormat(['action', 'interface-id', 'srcaddr', 'dstport', 'start', 'end']),
			interfaceIds: [],
			query:
				'parse @message "* * * * * *" as flow_action, flow_interface_id, flow_srcaddr, flow_dstport, flow_start, flow_end | filter flow_action = "ACCEPT" or flow_action = "REJECT" | stats count(*) as flows by bin(60s) as bucket, flow_action as action, flow_interface_id as interfaceId, flow_srcaddr as srcAddr, flow_dstport as dstPort',
		},
		{
			name: 'an interface id that could break out of the string, left out',
			format: defaultFlowFormat,
			interfaceIds: ['eni-0aaa000000000000a" or 1=1 or "'],
			query:
				'filter action = "ACCEPT" or action = "REJECT" | stats count(*) as flows, sum(packets) as packets, sum(bytes) as bytes by bin(60s) as bucket, action, interfaceId, srcAddr, dstPort',
		},
	])('$name', ({format, interfaceIds, query}) => {
		expect(buildCombinedQuery({format, bucketSeconds: 60, interfaceIds})).toBe(query);
	});

	it('is not built for a format without the action or the source address', () => {
		const noSource = customFormat(['action', 'interface-id', 'dstport', 'start', 'end']);
		const noAction = customFormat(['interface-id', 'srcaddr', 'start', 'end']);
		expect(buildCombinedQuery({format: noSource, bucketSeconds: 60, interfaceIds: []})).toBe(
			undefined,
		);
		expect(buildCombinedQuery({format: noAction, bucketSeconds: 60, interfaceIds: []})).toBe(
			undefined,
		);
	});
});

const minute = (index: number) => `2024-05-01 12:0${index}:00.000`;

function combinedRow(
	bucket: string,
	action: string,
	srcAddr: string,
	dstPort: string,
	flows: number,
) {
	return cells({
		bucket,
		action,
		interfaceId: lbA.interfaceId,
		srcAddr,
		dstPort,
		flows: String(flows),
		packets: String(flows * 2),
		bytes: String(flows * 100),
	});
}

describe('splitCombinedRows', () => {
	it('sums over sources and ports for the timeline; the sources keep the bucket', () => {
		const split = splitCombinedRows(
			[
				combinedRow(minute(0), 'ACCEPT', client, '80', 3),
				combinedRow(minute(0), 'ACCEPT', otherClient, '80', 1),
				combinedRow(minute(1), 'ACCEPT', client, '80', 2),
				combinedRow(minute(1), 'REJECT', otherClient, '22', 4),
			],
			locals,
		);
		expect(split.timeline).toEqual([
			cells({
				bucket: minute(0),
				action: 'ACCEPT',
				interfaceId: lbA.interfaceId,
				flows: '4',
				packets: '8',
				bytes: '400',
			}),
			cells({
				bucket: minute(1),
				action: 'ACCEPT',
				interfaceId: lbA.interfaceId,
				flows: '2',
				packets: '4',
				bytes: '200',
			}),
			cells({
				bucket: minute(1),
				action: 'REJECT',
				interfaceId: lbA.interfaceId,
				flows: '4',
				packets: '8',
				bytes: '400',
			}),
		]);
		expect(split.sources).toEqual([
			cells({
				bucket: minute(1),
				action: 'REJECT',
				srcAddr: otherClient,
				dstPort: '22',
				interfaceId: lbA.interfaceId,
				flows: '4',
				packets: '8',
				bytes: '400',
			}),
			cells({
				bucket: minute(0),
				action: 'ACCEPT',
				srcAddr: client,
				dstPort: '80',
				interfaceId: lbA.interfaceId,
				flows: '3',
				packets: '6',
				bytes: '300',
			}),
			cells({
				bucket: minute(1),
				action: 'ACCEPT',
				srcAddr: client,
				dstPort: '80',
				interfaceId: lbA.interfaceId,
				flows: '2',
				packets: '4',
				bytes: '200',
			}),
			cells({
				bucket: minute(0),
				action: 'ACCEPT',
				srcAddr: otherClient,
				dstPort: '80',
				interfaceId: lbA.interfaceId,
				flows: '1',
				packets: '2',
				bytes: '100',
			}),
		]);
	});

	it('counts the path’s own addresses in the timeline but lists them as no source', () => {
		const split = splitCombinedRows(
			[
				combinedRow(minute(0), 'ACCEPT', lbA.ip, '41000', 1),
				combinedRow(minute(0), 'ACCEPT', client, '80', 1),
			],
			locals,
		);
		expect(split.timeline).toHaveLength(1);
		expect(split.timeline[0]).toContainEqual({field: 'flows', value: '2'});
		expect(split.sources.map((row) => row.find((cell) => cell.field === 'srcAddr')?.value)).toEqual(
			[client],
		);
	});

	it('reads counts as Insights writes them, and passes an unreadable row on once', () => {
		const unreadable = cells({bucket: minute(0), action: 'ACCEPT', srcAddr: client, flows: 'many'});
		const split = splitCombinedRows(
			[
				cells({bucket: minute(0), action: 'ACCEPT', srcAddr: client, flows: '2.0', bytes: '1.5E3'}),
				unreadable,
			],
			[],
		);
		expect(split.timeline).toEqual([
			cells({bucket: minute(0), action: 'ACCEPT', flows: '2', bytes: '1500'}),
			unreadable,
		]);
		expect(split.sources).toEqual([
			cells({bucket: minute(0), action: 'ACCEPT', srcAddr: client, flows: '2', bytes: '1500'}),
		]);
	});
});

// What the two queries of the pair would answer over the same records, grouped as Insights groups.
type Flow = {
	readonly minute: number;
	readonly action: 'ACCEPT' | 'REJECT';
	readonly interfaceId: string;
	readonly srcAddr: string;
	readonly dstPort: number;
	readonly packets: number;
	readonly bytes: number;
};

function grouped(flows: readonly Flow[], keyOf: (flow: Flow) => Record<string, string>) {
	const groups = new Map<
		string,
		{key: Record<string, string>; flows: number; packets: number; bytes: number}
	>();
	for (const flow of flows) {
		const key = keyOf(flow);
		const id = JSON.stringify(key);
		const group = groups.get(id) ?? {key, flows: 0, packets: 0, bytes: 0};
		group.flows += 1;
		group.packets += flow.packets;
		group.bytes += flow.bytes;
		groups.set(id, group);
	}

	return [...groups.values()].map((group) =>
		cells({
			...group.key,
			flows: String(group.flows),
			packets: String(group.packets),
			bytes: String(group.bytes),
		}),
	);
}

const flowArbitrary = fc.record({
	minute: fc.integer({min: 0, max: 4}),
	action: fc.constantFrom('ACCEPT' as const, 'REJECT' as const),
	interfaceId: fc.constantFrom(lbA.interfaceId, lbB.interfaceId, webA.interfaceId),
	srcAddr: fc.constantFrom(client, otherClient, lbA.ip, webA.ip, '192.0.2.9'),
	dstPort: fc.constantFrom(80, 443, 8080, 41_000),
	packets: fc.integer({min: 1, max: 50}),
	bytes: fc.integer({min: 40, max: 90_000}),
});

describe('one combined query against the pair', () => {
	it('gives the accept/reject panes the same figures, whatever the records', () => {
		fc.assert(
			fc.property(fc.array(flowArbitrary, {maxLength: 60}), (flows) => {
				const bucketOf = (flow: Flow) => minute(flow.minute);
				const combined = grouped(flows, (flow) => ({
					bucket: bucketOf(flow),
					action: flow.action,
					interfaceId: flow.interfaceId,
					srcAddr: flow.srcAddr,
					dstPort: String(flow.dstPort),
				}));
				const timeline = grouped(flows, (flow) => ({
					bucket: bucketOf(flow),
					action: flow.action,
					interfaceId: flow.interfaceId,
				}));
				const sources = grouped(
					flows.filter((flow) => !locals.includes(flow.srcAddr)),
					(flow) => ({
						bucket: bucketOf(flow),
						action: flow.action,
						srcAddr: flow.srcAddr,
						dstPort: String(flow.dstPort),
						interfaceId: flow.interfaceId,
					}),
				);
				const options = {bucketSeconds: 60, precision: 'exact' as const};
				expect(mergeAggregateRows(splitCombinedRows(combined, locals), topology, options)).toEqual(
					mergeAggregateRows({timeline, sources}, topology, options),
				);
			}),
		);
	});
});
