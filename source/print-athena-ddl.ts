// `lbtop <lb> --print-athena-ddl`: the CREATE TABLE for each flow log of the load balancer's path
// that delivers to S3, and for the load balancer's access logs, for the user to run in Athena
// (lbtop itself never creates anything).
import process from 'node:process';
import {AwsClients} from './aws/clients.js';
import {discover} from './aws/discovery.js';
import {discoverAccessLogs} from './aws/discovery-access-logs.js';
import {AwsCallError, describeAwsError} from './aws/errors.js';
import {albAccessLogDdl, nlbAccessLogDdl} from './domain/access-logs/index.js';
import type {Config} from './domain/config.js';
import {parseLogFormat} from './domain/flows/flow-format.js';
import {athenaDdl} from './domain/flows-window/athena-ddl.js';
import {pathInterfaces, s3SourceOf} from './domain/flows-window/index.js';
import {parseLoadBalancerArn} from './domain/load-balancer-arn.js';
import {assembleTopology} from './domain/topology/assemble.js';
import {flowLogsCovering} from './domain/topology/coverage.js';
import {awsSettings, type Connection} from './start-monitor.js';

export async function printAthenaDdl(
	config: Config,
	connecting: Connection | Promise<Connection>,
): Promise<number> {
	const clients = new AwsClients(awsSettings(config, await connecting));
	try {
		const facts = await discover(clients, config.target ?? '', {
			logGroupOverride: config.logGroups,
		});
		const topology = assembleTopology(facts);
		const accessLogs = await discoverAccessLogs(
			clients,
			{
				arn: topology.arn,
				type: topology.type,
				listeners: topology.listeners,
				region: config.region ?? '',
			},
			Date.now(),
		);
		const covering = new Set(
			pathInterfaces(topology).flatMap((path) =>
				flowLogsCovering(
					{interfaceId: path.interfaceId, subnetId: path.subnetId ?? '', vpcId: topology.vpcId},
					topology.flowLogs,
				).map((flowLog) => flowLog.flowLogId),
			),
		);
		const statements = topology.flowLogs.flatMap((flowLog) => {
			const source = covering.has(flowLog.flowLogId) ? s3SourceOf(flowLog, topology) : undefined;
			const format = parseLogFormat(flowLog.logFormat);
			return source === undefined || !format.ok ? [] : [athenaDdl(source, format.format)];
		});
		const access = accessLogs.access;
		const lb = parseLoadBalancerArn(topology.arn);
		if (access !== undefined && lb !== undefined && lb.type !== 'gateway') {
			const input = {...access, account: lb.account, region: lb.region};
			statements.push(lb.type === 'application' ? albAccessLogDdl(input) : nlbAccessLogDdl(input));
		}

		if (statements.length === 0) {
			process.stderr.write(
				`lbtop: no flow log of ${topology.name}'s interfaces, subnets or VPC delivers to S3, and its access logs are off: there is no table to create\n`,
			);
			return 1;
		}

		process.stdout.write(
			[
				'-- Run in Athena (console, or aws athena start-query-execution); lbtop finds the table in the',
				'-- Glue catalog by its location, or name it with --athena-table default.<name>.',
				...statements,
			].join('\n'),
		);
		return 0;
	} catch (error) {
		const described = describeAwsError(error instanceof AwsCallError ? error.cause : error, {
			iamAction: error instanceof AwsCallError ? error.iamAction : 'discovery',
			now: Date.now(),
			...(config.profile === undefined ? {} : {profile: config.profile}),
		});
		process.stderr.write(`lbtop: ${described.message}\n  ${described.hint}\n`);
		return 1;
	} finally {
		await clients.destroy();
	}
}
