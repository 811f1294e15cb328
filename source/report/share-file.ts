// The shared summary also goes to a file: the clipboard may not reach the user's machine (no
// OSC 52 support, tmux without passthrough), and a file can be attached to the incident.
import {open} from 'node:fs/promises';
import {join} from 'node:path';
import {parseLoadBalancerArn} from '../domain/load-balancer-arn.js';
import type {Snapshot} from '../domain/snapshot.js';

function compactUtc(ms: number): string {
	return new Date(ms)
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replaceAll(/[-:]/g, '');
}

function loadBalancerName(snapshot: Snapshot): string {
	const name =
		snapshot.topology?.name ?? parseLoadBalancerArn(snapshot.target)?.name ?? snapshot.target;
	const safe = name.replaceAll(/[^A-Za-z0-9-]/g, '').slice(0, 32);
	return safe === '' ? 'lb' : safe;
}

/** `lbtop-<load balancer>-<UTC time>.txt`, e.g. lbtop-web-nlb-20250314T134210Z.txt. */
export function shareFileName(snapshot: Snapshot, now: number, attempt = 1): string {
	const suffix = attempt > 1 ? `-${attempt}` : '';
	return `lbtop-${loadBalancerName(snapshot)}-${compactUtc(now)}${suffix}.txt`;
}

const attempts = 20;

/**
 * Creates a new file readable by the user only and returns its path. Never opens an existing
 * file: in a shared temporary directory someone else's file or symlink may sit at that name.
 */
export async function writeShareFile(
	directory: string,
	name: (attempt: number) => string,
	text: string,
): Promise<string> {
	for (let attempt = 1; ; attempt++) {
		const path = join(directory, name(attempt));
		try {
			const file = await open(path, 'wx', 0o600);
			try {
				await file.writeFile(text, 'utf8');
			} finally {
				await file.close();
			}
			return path;
		} catch (error) {
			const exists = error instanceof Error && 'code' in error && error.code === 'EEXIST';
			if (!exists || attempt >= attempts) {
				throw error;
			}
		}
	}
}
