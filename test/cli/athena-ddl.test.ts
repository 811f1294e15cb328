// `lbtop <lb> --print-athena-ddl`: the CREATE TABLE for the load balancer's flow logs in S3, printed
// for the user to run (lbtop creates nothing), from discovery against the demo world in S3.
import {describe, expect, it} from 'vitest';
import {runCli} from './run-cli.js';

describe('lbtop --print-athena-ddl', () => {
	it('prints a CREATE TABLE with partition projection for the demo flow log in S3', async () => {
		const result = await runCli(['--demo', '--flow-logs', 's3', '--print-athena-ddl']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(
			/^CREATE EXTERNAL TABLE IF NOT EXISTS `default`\.`vpc_flow_logs_fl_[0-9a-z_]+` \($/m,
		);
		expect(result.stdout).toContain("LOCATION 's3://lbtop-demo-flow-logs/vpc-flow-logs/AWSLogs/'");
		expect(result.stdout).toContain("'projection.enabled' = 'true'");
		expect(result.stdout).toContain('`interface_id` string');
	});

	it('says there is nothing to create when no flow log goes to S3, exit 1', async () => {
		const result = await runCli(['--demo', '--print-athena-ddl']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			/no flow log of demo-nlb's interfaces, subnets or VPC delivers to S3/,
		);
	});

	it('refuses --flow-logs without --demo as a usage error', async () => {
		const result = await runCli(['my-nlb', '--flow-logs', 's3', '--once']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/use it with --demo/);
	});
});
