import {describe, expect, it} from 'vitest';
import type {JsonObject} from '../../../source/sim/context.js';
import {Params} from '../../../source/sim/protocol/params.js';
import {decodeQueryParameters} from '../../../source/sim/protocol/query-params.js';
import {toJsonValue, WireMap} from '../../../source/sim/protocol/wire.js';
import {escapeXml, xmlElement} from '../../../source/sim/protocol/xml.js';

function decode(query: string): JsonObject {
	return decodeQueryParameters(new URLSearchParams(query).entries());
}

describe('query parameter decoding', () => {
	it.each<[string, string, JsonObject]>([
		['awsQuery member lists', 'Names.member.2=b&Names.member.1=a', {Names: ['a', 'b']}],
		[
			'EC2 flattened lists',
			'NetworkInterfaceId.1=eni-1&NetworkInterfaceId.2=eni-2',
			{NetworkInterfaceId: ['eni-1', 'eni-2']},
		],
		[
			'EC2 filters',
			'Filter.1.Name=description&Filter.1.Value.1=ELB+net%2F*&Filter.2.Name=vpc-id&Filter.2.Value.1=vpc-1',
			{
				Filter: [
					{Name: 'description', Value: ['ELB net/*']},
					{Name: 'vpc-id', Value: ['vpc-1']},
				],
			},
		],
		[
			'nested structures in lists',
			'MetricDataQueries.member.1.Id=a&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=LoadBalancer&MetricDataQueries.member.1.MetricStat.Period=60',
			{
				MetricDataQueries: [
					{Id: 'a', MetricStat: {Metric: {Dimensions: [{Name: 'LoadBalancer'}]}, Period: '60'}},
				],
			},
		],
		['an empty list as the SDK sends it', 'Names=', {Names: ''}],
		['indexes sorted numerically', 'X.10=j&X.2=b&X.1=a', {X: ['a', 'b', 'j']}],
	])('decodes %s', (_case, query, expected) => {
		expect(decode(query)).toEqual(expected);
	});

	it('keeps a __proto__ parameter an ordinary key', () => {
		const decoded = decode('__proto__.polluted=yes');
		expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('lenient parameter reading', () => {
	const codes = {invalid: 'InvalidParameterValue', missing: 'MissingParameter'};

	it('reads query strings and JSON values alike', () => {
		const query = new Params(
			decode('Period=60&On=true&StartTime=2024-05-01T12%3A00%3A00Z&Names='),
			codes,
		);
		const json = new Params({Period: 60, On: true, StartTime: 1_714_564_800, Names: []}, codes);
		for (const params of [query, json]) {
			expect(params.integer('Period')).toBe(60);
			expect(params.boolean('On')).toBe(true);
			expect(params.time('StartTime')).toBe(Date.parse('2024-05-01T12:00:00Z'));
			expect(params.strings('Names')).toEqual([]);
		}
	});

	it('raises the service’s codes with the parameter’s path', () => {
		const params = new Params({Outer: {Inner: 'x'}, Size: '9'}, codes);
		expect(() => params.object('Outer')?.integer('Inner')).toThrow(
			expect.objectContaining({
				code: 'InvalidParameterValue',
				message: 'Invalid value for Outer.Inner: expected a number',
			}),
		);
		expect(() => params.integer('Size', {min: 1, max: 5})).toThrow(
			expect.objectContaining({code: 'InvalidParameterValue'}),
		);
		expect(() => params.requiredString('Missing')).toThrow(
			expect.objectContaining({
				code: 'MissingParameter',
				message: 'The parameter Missing is required.',
			}),
		);
	});
});

describe('XML and JSON rendering', () => {
	it('escapes markup and drops characters XML 1.0 cannot carry', () => {
		expect(escapeXml(`a<b>&"c"'\u0001\n`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;&#10;');
	});

	it('renders lists, timestamps, maps and absent members', () => {
		const value = {
			Items: ['a', 'b'],
			Empty: [],
			When: new Date(Date.UTC(2024, 4, 1, 12)),
			Stats: new WireMap({p99: 1.5}),
			Absent: undefined,
			Flag: false,
		};
		expect(xmlElement('R', value, 'member')).toBe(
			'<R><Items><member>a</member><member>b</member></Items><Empty/><When>2024-05-01T12:00:00.000Z</When><Stats><entry><key>p99</key><value>1.5</value></entry></Stats><Flag>false</Flag></R>',
		);
		expect(xmlElement('set', [{id: 1}], 'item')).toBe('<set><item><id>1</id></item></set>');
		expect(toJsonValue(value)).toEqual({
			Items: ['a', 'b'],
			Empty: [],
			When: 1_714_564_800,
			Stats: {p99: 1.5},
			Flag: false,
		});
	});

	it('carries non-finite doubles as AWS JSON strings', () => {
		expect(toJsonValue([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toEqual([
			'NaN',
			'Infinity',
			'-Infinity',
		]);
	});
});
