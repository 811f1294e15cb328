// The SDK keeps its connections open between calls and reuses an idle one for the next call. A
// server that closes an idle connection while the client sends on it answers that call with a
// reset: lbtop polls every few seconds, so the sim keeps an idle connection as long as an AWS
// endpoint does, not Node's default of 5 s.
import {connect, type Socket} from 'node:net';
import {afterEach, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../../source/sim/server.js';
import {testWorld} from '../../helpers/sim-world.js';

let sim: RunningSim | undefined;

afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const request = (port: number) =>
	`POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n`;

/** Sends one request and resolves with the status line of its answer. */
function ask(socket: Socket, port: number): Promise<string> {
	return new Promise((resolve, reject) => {
		let received = '';
		const onData = (chunk: Buffer) => {
			received += chunk.toString('latin1');
			if (received.includes('\r\n\r\n')) {
				socket.off('data', onData);
				resolve(received.slice(0, received.indexOf('\r\n')));
			}
		};
		socket.on('data', onData);
		socket.once('error', reject);
		socket.write(request(port));
	});
}

it('keeps an idle connection open past Node’s 5 s default and answers the next call on it', async () => {
	sim = await startSim({world: testWorld()});
	const {port} = sim;
	const socket = connect(port, '127.0.0.1');
	await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
	let closedBy: string | undefined;
	socket.once('end', () => {
		closedBy = 'the sim ended it';
	});
	socket.once('close', () => {
		closedBy ??= 'closed';
	});
	expect(await ask(socket, port)).toMatch(/^HTTP\/1\.1 \d{3} /);
	await new Promise((resolve) => setTimeout(resolve, 6500));
	expect(closedBy).toBeUndefined();
	expect(await ask(socket, port)).toMatch(/^HTTP\/1\.1 \d{3} /);
	socket.destroy();
}, 20_000);
