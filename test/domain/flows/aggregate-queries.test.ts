import {describe, expect, it} from 'vitest';
import {
	buildAggregateQueries,
	buildRecordsQuery,
	defaultSourcesQuery,
	defaultTimelineQuery,
} from '../../../source/domain/flows/aggregate-queries.js';
import {defaultFlowFormat, flowFormatOf} from '../../../source/domain/flows/flow-format.js';

describe('buildAggregateQueries, default format', () => {
	it('uses the fields Insights discovers in default-format flow logs', () => {
		const queries = buildAggregateQueries({format: defaultFlowFormat, bucketSeconds: 60});
		expect(queries).toEqual({
			timeline:
				'filter action = "ACCEPT" or action = "REJECT" | stats count(*) as flows, sum(packets) as packets, sum(bytes) as bytes by bin(60s) as bucket, action, interfaceId',
			sources:
				'filter action = "ACCEPT" or action = "REJECT" | stats count(*) as flows, sum(packets) as packets, sum(bytes) as bytes by bin(60s) as bucket, action, srcAddr, dstPort, interfaceId | sort flows desc',
			missingFields: [],
		});
	});

	it('matches the exported default query constants', () => {
		const queries = buildAggregateQueries({format: defaultFlowFormat, bucketSeconds: 60});
		expect([queries.timeline, queries.sources]).toEqual([
			defaultTimelineQuery,
			defaultSourcesQuery,
		]);
	});

	it('scopes to the interfaces and leaves the path’s own addresses out of the sources', () => {
		const queries = buildAggregateQueries({
			format: defaultFlowFormat,
			bucketSeconds: 300,
			interfaceIds: ['eni-0abc', 'eni-0def'],
			localAddrs: ['10.0.1.10', '2001:db8::1'],
		});
		expect(queries.timeline).toContain(
			'filter interfaceId = "eni-0abc" or interfaceId = "eni-0def"',
		);
		expect(queries.timeline).toContain('bin(300s) as bucket');
		expect(queries.timeline).not.toContain('srcAddr !=');
		expect(queries.sources).toContain('filter srcAddr != "10.0.1.10" and srcAddr != "2001:db8::1"');
	});

	it('never pastes a value that could break out of a string literal', () => {
		const queries = buildAggregateQueries({
			format: defaultFlowFormat,
			bucketSeconds: 60,
			interfaceIds: ['eni-1" or 1=1 or "'],
			localAddrs: ['10.0.0.1" | stats'],
		});
		expect(queries.timeline).not.toContain('1=1');
		expect(queries.sources).not.toContain('| stats" ');
		expect(queries.sources).not.toContain('10.0.0.1"');
	});
});

describe('buildAggregateQueries, custom formats', () => {
	it('parses @message by the format and renames the columns back', () => {
		const format = flowFormatOf([
			'interface-id',
			'action',
			'srcaddr',
			'dstport',
			'bytes',
			'packets',
			'start',
			'end',
		]);
		const queries = buildAggregateQueries({format, bucketSeconds: 60});
		expect(queries.timeline).toBe(
			'parse @message "* * * * * * * *" as flow_interface_id, flow_action, flow_srcaddr, flow_dstport, flow_bytes, flow_packets, flow_start, flow_end | filter flow_action = "ACCEPT" or flow_action = "REJECT" | stats count(*) as flows, sum(flow_packets) as packets, sum(flow_bytes) as bytes by bin(60s) as bucket, flow_action as action, flow_interface_id as interfaceId',
		);
		expect(queries.sources).toContain(
			'by bin(60s) as bucket, flow_action as action, flow_srcaddr as srcAddr, flow_dstport as dstPort, flow_interface_id as interfaceId',
		);
	});

	it('builds what the fields allow and names what is missing', () => {
		const noSource = buildAggregateQueries({
			format: flowFormatOf(['interface-id', 'action', 'start']),
			bucketSeconds: 60,
		});
		expect(noSource.timeline).toBeDefined();
		expect(noSource.sources).toBeUndefined();
		expect(noSource.missingFields).toEqual(['srcaddr']);
		const noAction = buildAggregateQueries({
			format: flowFormatOf(['interface-id', 'srcaddr', 'start']),
			bucketSeconds: 60,
		});
		expect(noAction).toEqual({missingFields: ['action']});
	});
});

describe('buildRecordsQuery', () => {
	it('reads raw messages newest first, REJECTs on their own when asked', () => {
		expect(buildRecordsQuery({format: defaultFlowFormat, limit: 500, action: 'REJECT'})).toBe(
			'fields @timestamp, @message, @logStream | filter action = "REJECT" | sort @timestamp desc | limit 500',
		);
		expect(
			buildRecordsQuery({format: flowFormatOf(['interface-id', 'action', 'start']), limit: 50_000}),
		).toBe('fields @timestamp, @message, @logStream | sort @timestamp desc | limit 10000');
	});
});
