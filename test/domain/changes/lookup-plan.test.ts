import {describe, expect, it} from 'vitest';
import {
	backfillRequest,
	type Coverage,
	deliveryOverlapMs,
	freshRequest,
	isWatchedEvent,
	type LookupAttribute,
	lookbackMs,
	lookupAttributes,
	maxPagesPerRun,
} from '../../../source/domain/changes/lookup-plan.js';
import {change} from '../findings/snapshot-builder.js';

const minute = 60_000;
const hour = 60 * minute;
const now = Date.UTC(2025, 0, 15, 13, 45, 0);
const elb: LookupAttribute = {key: 'EventSource', value: 'elasticloadbalancing.amazonaws.com'};

describe('the lookups lbtop makes', () => {
	it('asks for one attribute per call: the ELB event source and each watched EC2 write', () => {
		expect(lookupAttributes).toEqual([
			elb,
			...[
				'AuthorizeSecurityGroupIngress',
				'AuthorizeSecurityGroupEgress',
				'RevokeSecurityGroupIngress',
				'RevokeSecurityGroupEgress',
				'ModifySecurityGroupRules',
				'CreateNetworkAclEntry',
				'ReplaceNetworkAclEntry',
				'DeleteNetworkAclEntry',
				'ReplaceNetworkAclAssociation',
				'ModifyNetworkInterfaceAttribute',
				'CreateFlowLogs',
				'DeleteFlowLogs',
			].map((value) => ({key: 'EventName', value})),
		]);
	});

	it.each([
		{windowMs: 15 * minute, expected: hour},
		{windowMs: hour, expected: hour},
		{windowMs: 3 * hour, expected: 3 * hour},
	])('looks back $expected ms for a $windowMs ms window', ({windowMs, expected}) => {
		expect(lookbackMs(windowMs)).toBe(expected);
	});
});

type FreshCase = {
	readonly name: string;
	readonly coverage?: Coverage;
	readonly startTime: number;
};

const freshCases: readonly FreshCase[] = [
	{name: 'the first run reads the whole lookback', startTime: now - hour},
	{
		name: 'a later run re-reads only the delivery overlap before the last read',
		coverage: {from: now - hour - minute, through: now - minute},
		startTime: now - minute - deliveryOverlapMs,
	},
	{
		name: 'a run after a long pause reads no further back than the lookback',
		coverage: {from: now - 5 * hour, through: now - 3 * hour},
		startTime: now - hour,
	},
	{
		name: 'a quiet account still reads only the overlap (no anchoring on old events)',
		coverage: {from: now - hour, through: now - 2 * minute},
		startTime: now - 2 * minute - deliveryOverlapMs,
	},
];

describe('the fresh read of each run', () => {
	it.each(freshCases)('$name', ({coverage, startTime}) => {
		expect(freshRequest(elb, coverage, now, hour)).toEqual({
			attribute: elb,
			startTime,
			endTime: now,
			maxPages: maxPagesPerRun,
		});
	});
});

type BackfillCase = {
	readonly name: string;
	readonly coverage: Coverage;
	readonly pagesLeft: number;
	readonly expected?: {readonly startTime: number; readonly endTime: number};
};

const backfillCases: readonly BackfillCase[] = [
	{
		name: 'nothing when the lookback is covered',
		coverage: {from: now - hour, through: now},
		pagesLeft: 9,
	},
	{
		name: 'nothing when the fresh read used every page',
		coverage: {from: now - 10 * minute, through: now},
		pagesLeft: 0,
	},
	{
		name: 'the part older than what a page-bounded read reached',
		coverage: {from: now - 10 * minute, through: now},
		pagesLeft: 7,
		expected: {startTime: now - hour, endTime: now - 10 * minute},
	},
];

describe('the backfill of each run', () => {
	it.each(backfillCases)('$name', ({coverage, pagesLeft, expected}) => {
		const request = backfillRequest(elb, coverage, now, hour, pagesLeft);
		expect(request).toEqual(
			expected === undefined ? undefined : {attribute: elb, ...expected, maxPages: pagesLeft},
		);
	});
});

describe('which events are watched', () => {
	it.each([
		{event: change(), watched: true},
		{event: change({readOnly: true, name: 'DescribeSecurityGroups'}), watched: false},
		{event: change({name: 'RunInstances'}), watched: false},
		{event: change({name: 'CreateNetworkAclEntry'}), watched: true},
		{
			event: change({source: 'elasticloadbalancing.amazonaws.com', name: 'DeregisterTargets'}),
			watched: true,
		},
		{
			event: change({
				source: 'elasticloadbalancing.amazonaws.com',
				name: 'DescribeTargetHealth',
				readOnly: true,
			}),
			watched: false,
		},
		{event: change({source: 'iam.amazonaws.com', name: 'AttachRolePolicy'}), watched: false},
	])('$event.source $event.name (read-only: $event.readOnly): $watched', ({event, watched}) => {
		expect(isWatchedEvent(event)).toBe(watched);
	});
});
