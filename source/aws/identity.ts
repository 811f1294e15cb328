import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import type {Identity} from '../domain/snapshot.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';

export async function callerIdentity(clients: AwsClients, signal: AbortSignal): Promise<Identity> {
	const sts = await clients.sts();
	const response = await awsCall('sts:GetCallerIdentity', () =>
		sts.send(new GetCallerIdentityCommand({}), {abortSignal: signal}),
	);
	return {account: response.Account ?? 'unknown', arn: response.Arn ?? 'unknown'};
}
