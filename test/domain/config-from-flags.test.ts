import {describe, expect, it} from 'vitest';
import {
	configFromFlags,
	type MonitorFlags,
	type Terminal,
} from '../../source/domain/config-from-flags.js';

const flags: MonitorFlags = {
	logGroup: [],
	once: false,
	json: false,
	demo: false,
	color: true,
	ascii: false,
};
const tty: Terminal = {interactive: true, noColorEnv: false, utf8: true};

describe('configFromFlags', () => {
	it('builds an interactive config for a name at a terminal', () => {
		const result = configFromFlags(['my-nlb'], flags, tty);
		expect(result).toEqual({
			ok: true,
			config: expect.objectContaining({
				target: 'my-nlb',
				output: 'interactive',
				windowMs: 900_000,
				refreshMs: 10_000,
				color: true,
				ascii: false,
			}),
		});
	});

	it.each([
		['--once', {once: true}, tty, 'text'],
		['--json', {json: true}, tty, 'json'],
		['no terminal', {}, {...tty, interactive: false}, 'text'],
	])('%s prints one snapshot', (_name, extra, terminal, output) => {
		const result = configFromFlags(['my-nlb'], {...flags, ...extra}, terminal);
		expect(result.ok && result.config.output).toBe(output);
	});

	it('leaves the target open at a terminal, so the picker can ask', () => {
		const result = configFromFlags([], flags, tty);
		expect(result.ok && result.config.target).toBeUndefined();
	});

	it('watches the demo load balancer with --demo', () => {
		const result = configFromFlags([], {...flags, demo: true}, tty);
		expect(result.ok && result.config.target).toBe('demo-nlb');
	});

	it.each([
		['no load balancer for --once', [], {once: true}, /name a load balancer/],
		['no load balancer for --json', [], {json: true}, /name a load balancer/],
		['two load balancers', ['a', 'b'], {}, /expected one load balancer/],
		['a bad name', ['bad_name'], {}, /not a load balancer name/],
		['a bad ARN', ['arn:aws:ec2:x'], {}, /not a load balancer ARN/],
		['a bad window', ['a'], {window: 'soon'}, /--window "soon" is not a duration/],
		['a window over 3h', ['a'], {window: '4h'}, /longer than 3h/],
		['a refresh under 2s', ['a'], {refresh: '500ms'}, /shorter than 2s/],
		['--once with --json', ['a'], {once: true, json: true}, /choose one/],
		['a bad endpoint', ['a'], {endpointUrl: 'localhost:4566'}, /not an http\(s\) URL/],
	])('rejects %s with one clear line', (_name, input, extra, message) => {
		const result = configFromFlags(input, {...flags, ...extra}, tty);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.message).toMatch(message);
	});

	it('honours NO_COLOR and a non-UTF-8 locale', () => {
		const result = configFromFlags(['a'], flags, {
			interactive: true,
			noColorEnv: true,
			utf8: false,
		});
		expect(result.ok && [result.config.color, result.config.ascii]).toEqual([false, true]);
	});

	it('reads the flow log flags: the logs profile, the Athena table and workgroup', () => {
		const result = configFromFlags(
			['my-nlb'],
			{
				...flags,
				logsProfile: 'log-archive',
				athenaTable: 'Flows.VPC_Logs',
				athenaWorkgroup: 'lbtop',
			},
			tty,
		);
		expect(result).toMatchObject({
			ok: true,
			config: {
				logsProfile: 'log-archive',
				athenaTable: {database: 'flows', table: 'vpc_logs'},
				athenaWorkgroup: 'lbtop',
			},
		});
	});

	it.each([
		[{athenaTable: 'vpc_logs'}, /--athena-table "vpc_logs" is not database.table/],
		[{athenaTable: 'a.b.c'}, /not database.table/],
		[{athenaWorkgroup: 'has space'}, /--athena-workgroup "has space" is not a workgroup name/],
		[{flowLogs: 's3'}, /--flow-logs .* use it with --demo/],
		[{flowLogs: 'firehose', demo: true}, /--flow-logs "firehose" is not s3 or cloudwatch-logs/],
	])('refuses %j', (extra, message) => {
		const result = configFromFlags(['my-nlb'], {...flags, ...extra}, tty);
		expect(result.ok ? '' : result.message).toMatch(message);
	});
});
