// Marked lines between a benchmark and the helper processes it starts: `@@<kind> <json>`.
import type {Readable} from 'node:stream';

export function emitLine(kind: string, value: unknown): void {
	process.stdout.write(`@@${kind} ${JSON.stringify(value)}\n`);
}

export function onLines(stream: Readable, kind: string, handle: (value: unknown) => void): void {
	let pending = '';
	stream.setEncoding('utf8');
	stream.on('data', (chunk: string) => {
		pending += chunk;
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			if (line.startsWith(`@@${kind} `)) {
				handle(JSON.parse(line.slice(kind.length + 3)));
			}
		}
	});
}
