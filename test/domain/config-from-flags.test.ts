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
		['a window under 5m', ['a'], {window: '90s'}, /--window 90s is shorter than 5m/],
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

	it.each([
		['-5m', 'cannot be negative; it takes 5m to 3h, e.g. 15m or 1h'],
		['soon', 'is not a duration (a number and a unit: ms, s, m, h, d); it takes 5m to 3h'],
		['4h', 'is longer than 3h, the most lbtop keeps; it takes 5m to 3h'],
		['90s', 'flow logs reach CloudWatch Logs about 5m after the traffic'],
		['4m59s', 'so a shorter window holds none of it and would read as all clear'],
	])('--window %s says what is wrong and what the flag takes', (window, message) => {
		const result = configFromFlags(['a'], {...flags, window}, tty);
		expect(!result.ok && result.message).toContain(message);
	});

	it.each(['5m', '15m', '1h', '3h'])('--window %s is accepted', (window) => {
		expect(configFromFlags(['a'], {...flags, window}, tty).ok).toBe(true);
	});

	it('--refresh -1s says it cannot be negative and what it takes', () => {
		const result = configFromFlags(['a'], {...flags, refresh: '-1s'}, tty);
		expect(!result.ok && result.message).toBe(
			'--refresh "-1s" cannot be negative; it takes 2s or more, e.g. 10s or 1m',
		);
	});
});

describe('the region of a load balancer ARN', () => {
	const arn =
		'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/my-nlb/50dc6c495c0c9188';

	it.each([
		['nothing else names a region', {}, {}, 'eu-west-1'],
		['--region agrees', {region: 'eu-west-1'}, {}, 'eu-west-1'],
		['AWS_REGION agrees', {}, {region: 'eu-west-1'}, 'eu-west-1'],
		['AWS_REGION is empty', {}, {region: ''}, 'eu-west-1'],
	])('is the region watched when %s', (_case, extra, environment, region) => {
		const result = configFromFlags([arn], {...flags, ...extra}, tty, environment);
		expect(result.ok && result.config.region).toBe(region);
	});

	it.each([
		[{region: 'us-east-1'}, {}, '--region is us-east-1'],
		[{}, {region: 'us-east-1'}, 'AWS_REGION is us-east-1'],
		[{region: 'us-east-1'}, {region: 'eu-west-1'}, '--region is us-east-1'],
	])('a conflict with %j / %j is said plainly', (extra, environment, named) => {
		const result = configFromFlags([arn], {...flags, ...extra}, tty, environment);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.message).toContain(
			`the load balancer's ARN is in eu-west-1 but ${named}`,
		);
		expect(!result.ok && result.message).toContain('use --region eu-west-1');
	});

	it('a name leaves the region to --region, AWS_REGION or the profile', () => {
		const named = configFromFlags(['my-nlb'], flags, tty, {region: 'us-east-1'});
		expect(named.ok && named.config.region).toBeUndefined();
		const flagged = configFromFlags(['my-nlb'], {...flags, region: 'ap-south-1'}, tty);
		expect(flagged.ok && flagged.config.region).toBe('ap-south-1');
	});
});
