import {afterEach, describe, expect, it} from 'vitest';
import {AwsClients} from '../../source/aws/clients.js';

let clients: AwsClients | undefined;

afterEach(async () => {
	await clients?.destroy();
	clients = undefined;
});

describe('AwsClients', () => {
	it('builds clients without the SDK’s logging step, which copies every answer for no logger', async () => {
		clients = new AwsClients({
			region: 'us-east-1',
			endpointUrl: 'http://127.0.0.1:9',
			credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
		});
		const stacks = [await clients.logs(), await clients.sts()].map((client) =>
			client.middlewareStack.identify(),
		);
		for (const names of stacks) {
			expect(names.some((name) => name.startsWith('loggerMiddleware'))).toBe(false);
			// The rest of the stack is untouched.
			expect(names.some((name) => name.startsWith('retryMiddleware'))).toBe(true);
		}
	});
});
