// Helper process for the memory benchmark: the demo world at a chosen traffic volume, served on an
// accelerated clock whose origin the monitor process shares. Stops on SIGTERM.
import process from 'node:process';
import {createDemoWorld} from '../source/sim/demo/demo-world.js';
import {startSim} from '../source/sim/server.js';
import {createCloudTrailService} from '../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../source/sim/services/logs/index.js';
import {emitLine} from './lines.js';
import {startSimProfile} from './sim-profile.js';
import {speedClock} from './speed-clock.js';

// An optional third argument, minutes of history, builds a busy world faster for a quick look.
const [speedArgument, connectionsArgument, historyArgument] = process.argv.slice(2);
const clock = speedClock(Number(speedArgument ?? '1'));
const demo = createDemoWorld({
	seed: 1,
	now: clock.now(),
	speed: clock.speed,
	connectionsPerMinute: Number(connectionsArgument ?? '120'),
	...(historyArgument === undefined ? {} : {historyMs: Number(historyArgument) * 60_000}),
});
const sim = await startSim({
	world: demo.world,
	clock,
	advance: () => demo.advanceTo(clock.now()),
	jsonServices: [createLogsService(), createCloudTrailService()],
});
const profile = await startSimProfile();
emitLine('ready', {
	url: sim.url,
	origin: clock.origin,
	speed: clock.speed,
	region: demo.world.region,
});
await new Promise<void>((resolve) => {
	process.once('SIGTERM', () => resolve());
	process.once('SIGINT', () => resolve());
});
await profile.stop();
// What the sim held at the end, for reading a run's memory figures.
process.stderr.write(
	`sim: ${JSON.stringify({cache: demo.model.cacheStats(), memory: process.memoryUsage()})}\n`,
);
await sim.close();
process.exit(0);
