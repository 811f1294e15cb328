// The awkward cases of tricky-flows.ts, each pinned to the rows pairing has always made of it: kind,
// client, listener and target, legs (role, action, packets), times, volume and connection id.
import {describe, expect, it} from 'vitest';
import {defaultFlowFormat} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecords} from '../../../source/domain/flows/flow-records.js';
import {pairConnections} from '../../../source/domain/flows/pairing.js';
import {scenarios, summary} from './tricky-flows.js';

const expected: Readonly<Record<string, readonly string[]>> = {
	'a client port reused after a long silence is a new connection': [
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA20,tA20 1700000600-1700000660 20/2000 c-52370d3bf3779c2b',
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA20,tA20 1700000000-1700000060 20/2000 c-6ab1273d77cf53a5',
	],
	'a client port seen again within the gap is the same connection': [
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA40,bA40,tA40 1700000000-1700000180 40/4000 c-6ab1273d77cf53a5',
	],
	'records in reverse order pair as in order': [
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA20,tA20 1700000600-1700000660 20/2000 c-52370d3bf3779c2b',
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA20,tA20 1700000000-1700000060 20/2000 c-6ab1273d77cf53a5',
		'exact 198.51.100.7:40001 80>10.0.2.20:8080 p6 fA20,bA20,tA20 1700000030-1700000040 20/2000 c-b65372baea21ef56',
	],
	'a shorter gap setting splits sessions sooner': [
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA20,tA20 1700000130-1700000190 20/2000 c-e6177909be475cdd',
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA20,tA20 1700000000-1700000060 20/2000 c-6ab1273d77cf53a5',
	],
	'the same client port in both AZs at once is two connections': [
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA20,tA20 1700000000-1700000060 20/2000 c-6ab1273d77cf53a5',
		'exact 198.51.100.7:40000 80>10.0.2.20:8080 p6 fA20,bA20,tA20 1700000000-1700000060 20/2000 c-6dac5242efadb6f2',
	],
	'UDP to the DNS listener pairs exactly': [
		'exact 198.51.100.7:53000 53>10.0.1.30:5353 p17 fA20,bA20,tA20 1700000000-1700000060 20/2000 c-abda9c6f4e52f407',
	],
	'a rejecting target sorts first': [
		'exact 198.51.100.7:40001 80>10.0.1.20:8080 p6 fA20,bA20,tR20 1700000000-1700000060 20/2000 c-a7c5a06efe535cf2',
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA20,tA20 1700000300-1700000360 20/2000 c-8dfcdafce54d1e78',
	],
	'competing frontends of one client: records a minute late make time no tie-break, so none is claimed':
		[
			'ambiguous 198.51.100.7:41000 ->10.0.1.20:8080 p6 -,bA20,tA20 1700000020-1700000080 20/2000 c-8851b48f5580324f',
			'ambiguous 198.51.100.7:40001 80>-:- p6 fA20,-,- 1700000020-1700000080 20/2000 c-9bc1105cb4ebef6c',
			'ambiguous 198.51.100.7:40000 80>-:- p6 fA20,-,- 1700000000-1700000060 20/2000 c-6ab1273d77cf53a5',
		],
	'alike frontends and backends of one client: no join is claimed, whatever the record order': [
		'ambiguous 198.51.100.7:41000 ->10.0.1.20:8080 p6 -,bA20,- 1700000000-1700000060 20/2000 c-1c4c8d5d44b17561',
		'ambiguous 198.51.100.7:41001 ->10.0.1.20:8080 p6 -,bA20,- 1700000000-1700000060 20/2000 c-4fee6fce6d0f3670',
		'ambiguous 198.51.100.7:40000 80>-:- p6 fA20,-,- 1700000000-1700000060 20/2000 c-6ab1273d77cf53a5',
		'ambiguous 198.51.100.7:40001 80>-:- p6 fA20,-,- 1700000000-1700000060 20/2000 c-a7c5a06efe535cf2',
	],
	'preservation off: two clients at once, told apart by traffic shape': [
		'likely 203.0.113.99:40000 80>10.0.1.20:8080 p6 fA100,bA100,- 1700000000-1700000060 100/100000 c-26fc26ed2de5e3e5',
		'likely 198.51.100.7:40000 80>10.0.2.20:8080 p6 fA10,bA10,- 1700000000-1700000060 10/1000 c-6ab1273d77cf53a5',
	],
	'preservation off with pkt-srcaddr: the target view names the client': [
		'likely 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA10,tA10 1700000000-1700000060 20/2000 c-6ab1273d77cf53a5',
	],
	'an unknown server behind the LB: the SYN says who opened, then the lower port': [
		'unpaired 10.0.9.5:6000 ->10.0.9.4:6000 p6 -,bA10,- 1700000000-1700000060 10/1000 c-0333a32d928399e1',
		'unpaired 10.0.9.6:30000 ->10.0.9.7:9000 p6 -,bA10,- 1700000000-1700000060 10/1000 c-8ef2b86d1bcf8fc9',
		'unpaired 10.0.9.8:7000 ->10.0.9.9:7000 p6 -,bA20,- 1700000000-1700000060 20/2000 c-916990eded242ae9',
	],
	"a target's other traffic shows with the target as server; an unknown interface's is left out": [
		'unpaired 52.94.0.1:443 ->10.0.1.20:33000 p6 -,-,tA20 1700000000-1700000060 20/2000 c-ee888048e300456c',
	],
	'NODATA, SKIPDATA and records without a protocol stay out; a port of - is 0': [
		'unpaired 203.0.113.99:0 80>-:- p6 fA10,-,- 1700000000-1700000060 10/1000 c-03ad6f79e34ba419',
		'exact 198.51.100.7:40000 80>10.0.1.20:8080 p6 fA20,bA20,tA20 1700000000-1700000060 20/2000 c-6ab1273d77cf53a5',
	],
	'ICMP has no ports and still forms one conversation per address pair': [
		'unpaired 198.51.100.7:0 0>-:- p1 fA20,-,- 1700000000-1700000060 20/2000 c-446755ba47cec0b0',
	],
};

describe('pairConnections on awkward record sets', () => {
	it.each(scenarios)('$name', (scenario) => {
		const parsed = parseFlowRecords(scenario.lines, scenario.format ?? defaultFlowFormat);
		expect(parsed.malformed).toBe(0);
		const rows = pairConnections(parsed.records, scenario.topology, scenario.options);
		expect(rows.map((row) => summary(row))).toEqual(expected[scenario.name]);
	});
});
