// A CPU profile of a benchmark's sim process over its serving only, not the world's construction:
// with LBTOP_BENCH_SIM_PROFILE=<file>, the profile starts once the sim is ready and is written to
// the file when the sim stops (open it in Chrome DevTools or any .cpuprofile viewer).
import {writeFileSync} from 'node:fs';
import {Session} from 'node:inspector/promises';
import process from 'node:process';

export type SimProfile = {readonly stop: () => Promise<void>};

export async function startSimProfile(): Promise<SimProfile> {
	const file = process.env.LBTOP_BENCH_SIM_PROFILE;
	if (file === undefined || file === '') return {stop: async () => {}};
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.start');
	return {
		stop: async () => {
			const {profile} = await session.post('Profiler.stop');
			writeFileSync(file, JSON.stringify(profile));
			session.disconnect();
		},
	};
}
