import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {testWorld} from '../helpers/sim-world.js';
import {awsJson} from './server/aws-cli.js';
import {sdkConfig} from './server/sdk-config.js';

let sim: RunningSim;

beforeAll(async () => {
	sim = await startSim({world: testWorld()});
});

afterAll(async () => {
	await sim.close();
});

const identity = {
	UserId: 'AIDAEXAMPLEONCALL0001',
	Account: '123456789012',
	Arn: 'arn:aws:iam::123456789012:user/oncall',
};

describe('STS GetCallerIdentity', () => {
	it('names the world’s identity to the SDK', async () => {
		const output = await new STSClient(sdkConfig(sim.url)).send(new GetCallerIdentityCommand({}));
		expect(output).toMatchObject(identity);
		expect(output.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('names the world’s identity to the AWS CLI', async () => {
		expect(await awsJson(sim.url, ['sts', 'get-caller-identity'])).toEqual(identity);
	});
});
