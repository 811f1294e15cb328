// A generated record's fields as Insights reads them straight from its numbers are the fields of
// the line the flow log writes for it: same values, same byte count, for every record and format.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {defaultFlowLogFormat} from '../../../source/sim/demo/flow-log-format.js';
import {flowLogField, flowLogTokenField} from '../../../source/sim/insights/flow-log-fields.js';
import {ChunkBuilder} from '../../../source/sim/model/compact-chunk.js';
import {compileTokenReader, compileWordReader} from '../../../source/sim/model/record-tokens.js';
import {
	compileWriter,
	type RecordValues,
	type WriterContext,
} from '../../../source/sim/model/render.js';
import type {FlowLog} from '../../../source/sim/world/types.js';

const minuteStart = Date.parse('2026-12-06T12:00:00Z');
const discovered = [
	'version',
	'accountId',
	'interfaceId',
	'srcAddr',
	'dstAddr',
	'srcPort',
	'dstPort',
	'protocol',
	'packets',
	'bytes',
	'startTime',
	'endTime',
	'action',
	'logStatus',
	'start',
	'end',
	'notAField',
];

const context = (unknownAccount: boolean): WriterContext => ({
	accountId: '123456789012',
	region: 'eu-west-1',
	networkInterface: {
		networkInterfaceId: 'eni-0a1b2c3d4e5f60718',
		subnetId: 'subnet-01',
		vpcId: 'vpc-01',
		availabilityZone: 'eu-west-1a',
		description: 'ELB net/shop/1',
		interfaceType: 'network_load_balancer',
		privateIpAddress: '10.0.1.10',
		securityGroupIds: [],
		requesterManaged: true,
		ownerId: '123456789012',
		status: 'in-use',
	},
	unknownAccount,
});

const flowLog = (logFormat: string): FlowLog => ({
	flowLogId: 'fl-01',
	resourceId: 'eni-0a1b2c3d4e5f60718',
	trafficType: 'ALL',
	logDestinationType: 'cloud-watch-logs',
	logGroupName: '/vpc/flow-logs',
	logFormat,
	maxAggregationInterval: 60,
	deliverLogsStatus: 'SUCCESS',
	creationTime: 0,
});

const address = fc
	.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255))
	.map((parts) => parts.join('.'));
const second = Math.floor(minuteStart / 1000);
const record: fc.Arbitrary<RecordValues> = fc.record({
	srcAddr: address,
	dstAddr: address,
	srcPort: fc.nat(65_535),
	dstPort: fc.nat(65_535),
	pktSrcAddr: address,
	pktDstAddr: address,
	packets: fc.nat(2_000_000_000),
	bytes: fc.nat(2 ** 40),
	start: fc.integer({min: second, max: second + 59}),
	end: fc.integer({min: second, max: second + 400}),
	action: fc.constantFrom('ACCEPT', 'REJECT'),
	flags: fc.nat(255),
	ingress: fc.boolean(),
	path: fc.integer({min: 1, max: 3}),
});

// The default format, a custom 14-field version 2 format in another order, and longer formats
// whose fields Insights does not discover.
/** A flow log format naming these fields, in this order. */
const renderLogFormat = (fields: readonly string[]): string =>
	fields.map((field) => `\${${field}}`).join(' ');

const formats = [
	defaultFlowLogFormat,
	renderLogFormat([
		'version',
		'account-id',
		'interface-id',
		'dstaddr',
		'srcaddr',
		'dstport',
		'srcport',
		'protocol',
		'bytes',
		'packets',
		'end',
		'start',
		'action',
		'log-status',
	]),
	`${defaultFlowLogFormat} ${renderLogFormat(['tcp-flags', 'flow-direction', 'traffic-path'])}`,
	renderLogFormat([
		'version',
		'srcaddr',
		'dstaddr',
		'srcport',
		'dstport',
		'pkt-srcaddr',
		'pkt-dstaddr',
		'packets',
		'bytes',
		'start',
		'end',
		'action',
		'tcp-flags',
		'traffic-path',
	]),
];

describe('fields read from a generated record without writing its line', () => {
	it('equal the fields of the line it is written as, and its byte count the line length', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...formats),
				fc.boolean(),
				fc.array(record, {minLength: 1, maxLength: 40}),
				(format, unknownAccount, records) => {
					const log = flowLog(format);
					const write = compileWriter(log, context(unknownAccount));
					if (write === undefined) throw new Error('format not compiled');
					const builder = new ChunkBuilder(
						minuteStart,
						write,
						compileTokenReader(log, context(unknownAccount)),
					);
					for (const values of records) builder.add(values);
					const chunk = builder.finish(minuteStart + 120_000);
					for (let index = 0; index < chunk.length; index++) {
						const message = chunk.message(index);
						expect(chunk.messageBytes?.(index)).toBe(Buffer.byteLength(message));
						if (chunk.token === undefined) {
							expect(discovered.every((name) => flowLogField(message, name) === undefined)).toBe(
								true,
							);
							continue;
						}
						const {token} = chunk;
						for (const name of discovered) {
							expect(flowLogTokenField((position) => token(index, position), name)).toBe(
								flowLogField(message, name),
							);
						}
						const tokens = message.split(' ');
						for (const [position, token] of tokens.entries()) {
							expect(String(chunk.token(index, position))).toBe(token);
						}
					}
				},
			),
		);
	});

	it('are the same read in any order and again: each read gives its own record', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...formats),
				fc.array(record, {minLength: 1, maxLength: 20}),
				fc.array(fc.tuple(fc.nat(), fc.integer({min: 0, max: 14}), fc.nat(2)), {maxLength: 80}),
				(format, records, reads) => {
					const log = flowLog(format);
					const write = compileWriter(log, context(false));
					if (write === undefined) throw new Error('format not compiled');
					const build = () => {
						const builder = new ChunkBuilder(
							minuteStart,
							write,
							compileTokenReader(log, context(false)),
						);
						for (const values of records) builder.add(values);
						return builder.finish(minuteStart + 120_000);
					};
					const chunk = build();
					for (const [at, position, what] of reads) {
						const index = at % chunk.length;
						// A chunk nothing was read from before is the reference.
						const fresh = build();
						if (what === 0) expect(chunk.message(index)).toBe(fresh.message(index));
						if (what === 1) expect(chunk.messageBytes?.(index)).toBe(fresh.messageBytes?.(index));
						if (what === 2) {
							expect(chunk.token?.(index, position)).toBe(fresh.token?.(index, position));
						}
					}
				},
			),
		);
	});

	it('are offered for the formats whose fields Insights discovers, and only those', () => {
		const offered = formats.map(
			(format) => compileTokenReader(flowLog(format), context(false)) !== undefined,
		);
		expect(offered).toEqual([true, true, false, false]);
	});
});

// The v5 format of the busy example worlds: 24 fields, most of them the same on every line.
const everyField = renderLogFormat([
	'version',
	'account-id',
	'interface-id',
	'srcaddr',
	'dstaddr',
	'srcport',
	'dstport',
	'protocol',
	'packets',
	'bytes',
	'start',
	'end',
	'action',
	'log-status',
	'vpc-id',
	'subnet-id',
	'instance-id',
	'tcp-flags',
	'type',
	'pkt-srcaddr',
	'pkt-dstaddr',
	'az-id',
	'flow-direction',
	'traffic-path',
]);

describe('the words of a generated record, read without writing its line', () => {
	it('are the line split on spaces, for any format', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...formats, everyField),
				fc.boolean(),
				fc.array(record, {minLength: 1, maxLength: 40}),
				(format, unknownAccount, records) => {
					const log = flowLog(format);
					const write = compileWriter(log, context(unknownAccount));
					const words = compileWordReader(log, context(unknownAccount));
					if (write === undefined || words === undefined) throw new Error('format not compiled');
					const builder = new ChunkBuilder(minuteStart, write, undefined, words);
					for (const values of records) builder.add(values);
					const chunk = builder.finish(minuteStart + 120_000);
					for (let index = 0; index < chunk.length; index++) {
						const split = chunk.message(index).split(' ');
						expect(chunk.words?.(index)).toBe(split.length);
						expect(split.map((_, position) => String(chunk.word?.(index, position)))).toEqual(
							split,
						);
					}
				},
			),
		);
	});

	it('are not offered when a value every line carries is not one word', () => {
		const spaced = context(false);
		const withSpace = {
			...spaced,
			networkInterface: {...spaced.networkInterface, vpcId: 'vpc 01'},
		};
		expect(compileWordReader(flowLog(everyField), spaced)).toBeDefined();
		expect(compileWordReader(flowLog(everyField), withSpace)).toBeUndefined();
		const accented = {
			...spaced,
			networkInterface: {...spaced.networkInterface, vpcId: 'vpc-\u0101'},
		};
		expect(compileWordReader(flowLog(everyField), accented)).toBeUndefined();
	});
});
