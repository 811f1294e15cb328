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

	it('prints only the access log table when the flow logs go to CloudWatch Logs', async () => {
		const result = await runCli(['--demo', '--print-athena-ddl']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^CREATE EXTERNAL TABLE IF NOT EXISTS `nlb_tls_logs` \($/m);
		expect(result.stdout).toMatch(
			/LOCATION 's3:\/\/lbtop-demo-elb-logs\/edge\/AWSLogs\/123456789012\/elasticloadbalancing\/us-east-1\/'/,
		);
		expect(result.stdout).not.toContain('vpc_flow_logs');
	});

	it('refuses --flow-logs without --demo as a usage error', async () => {
		const result = await runCli(['my-nlb', '--flow-logs', 's3', '--once']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/use it with --demo/);
	});
});
