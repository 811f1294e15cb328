// Starting the sim: standalone for `lbtop sim`, or in-process for `lbtop --demo`.
import process from 'node:process';
import type {SimClock} from './context.js';
import {createDemoWorld} from './demo/demo-world.js';
import type {WorldModel} from './model/world-model.js';
import {loadScenarioModelFile, ScenarioError} from './scenario/index.js';
import {type RunningSim, startSim} from './server.js';
import {type AthenaService, createAthenaService} from './services/athena/index.js';
import {createCloudTrailService} from './services/cloudtrail/index.js';
import {createGlueService} from './services/glue/index.js';
import {createLogsService, type LogsService} from './services/logs/index.js';
import {createS3Service} from './services/s3/index.js';
import type {World} from './world/types.js';

export type WorldSimOptions = {
	readonly host?: string;
	readonly port?: number;
	readonly seed?: number;
	/** The world's clock runs this many times faster than the wall clock. */
	readonly speed?: number;
	/** Serve this scenario instead of the demo world. */
	readonly scenarioPath?: string;
	/** Where the demo world's flow logs go. */
	readonly flowLogs?: 'cloud-watch-logs' | 's3';
};

export type WorldSim = RunningSim & {
	readonly world: World;
	/** The traffic model driving the world (the demo's, or a scenario's `traffic`), if any. */
	readonly model?: WorldModel;
	readonly logs: LogsService;
	readonly athena: AthenaService;
	readonly clock: SimClock;
	readonly region: string;
	readonly credentials: {readonly accessKeyId: string; readonly secretAccessKey: string};
};

/** Any non-empty credentials work: the sim checks that requests are signed, not by whom. */
const simCredentials = {accessKeyId: 'lbtop-sim', secretAccessKey: 'lbtop-sim'};

function acceleratedClock(speed: number): SimClock {
	const origin = Date.now();
	return {now: () => origin + (Date.now() - origin) * speed};
}

export async function startWorldSim(options: WorldSimOptions = {}): Promise<WorldSim> {
	const speed = options.speed ?? 1;
	const clock = acceleratedClock(speed);
	const logs = createLogsService();
	const athena = createAthenaService(clock);
	const jsonServices = [logs, createCloudTrailService(), athena, createGlueService()];
	let world: World;
	let model: WorldModel | undefined;
	let advance: () => void = () => undefined;
	if (options.scenarioPath) {
		const scenario = await loadScenarioModelFile(options.scenarioPath, {now: clock.now()});
		world = scenario.world;
		model = scenario.model;
		advance = () => scenario.advanceTo(clock.now());
	} else {
		const demo = createDemoWorld({
			seed: options.seed ?? 1,
			now: clock.now(),
			speed,
			...(options.flowLogs === undefined ? {} : {flowLogs: options.flowLogs}),
		});
		world = demo.world;
		model = demo.model;
		advance = () => demo.advanceTo(clock.now());
	}
	const sim = await startSim({
		world,
		clock,
		advance,
		jsonServices,
		restServices: [createS3Service()],
		...(options.host === undefined ? {} : {host: options.host}),
		...(options.port === undefined ? {} : {port: options.port}),
	});
	return {
		...sim,
		world,
		...(model === undefined ? {} : {model}),
		logs,
		athena,
		clock,
		region: world.region,
		credentials: simCredentials,
		async close() {
			await sim.close();
			await athena.close();
		},
	};
}

export async function startDemoInProcess(
	options: Pick<WorldSimOptions, 'flowLogs'> = {},
): Promise<WorldSim> {
	return startWorldSim({port: 0, ...options});
}

/** `lbtop sim`: serves until SIGINT/SIGTERM. Resolves to the exit code. */
export async function serveSim(options: WorldSimOptions): Promise<number> {
	let sim: WorldSim;
	try {
		sim = await startWorldSim(options);
	} catch (error) {
		if (error instanceof ScenarioError) {
			process.stderr.write(`lbtop sim: ${error.message}\n`);
			return 2;
		}
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`lbtop sim: cannot start: ${message}\n`);
		return 1;
	}
	const what = options.scenarioPath
		? `scenario ${options.scenarioPath}`
		: `demo world (seed ${options.seed ?? 1})`;
	process.stdout.write(
		[
			`lbtop sim: serving ${what} at ${sim.url} (region ${sim.region}${options.speed && options.speed !== 1 ? `, ${options.speed}x speed` : ''})`,
			`  lbtop ${options.scenarioPath ? '<load-balancer>' : 'demo-nlb'} --endpoint-url ${sim.url} --region ${sim.region}`,
			`  aws --endpoint-url ${sim.url} --region ${sim.region} elbv2 describe-load-balancers`,
			'  (any credentials work, e.g. AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test); Ctrl-C stops',
			'',
		].join('\n'),
	);
	await new Promise<void>((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	await sim.close();
	return 0;
}

export type DemoInWorker = {
	readonly url: string;
	readonly region: string;
	readonly credentials: {readonly accessKeyId: string; readonly secretAccessKey: string};
	close(): Promise<void>;
};

/** `lbtop --demo`: the demo world served from a worker thread, so the screen never waits on it. */
export async function startDemoInWorker(
	options: Pick<WorldSimOptions, 'flowLogs'> = {},
): Promise<DemoInWorker> {
	const {Worker} = await import('node:worker_threads');
	const worker = new Worker(new URL('./demo-worker.js', import.meta.url), {workerData: options});
	const ready = await new Promise<{
		url: string;
		region: string;
		credentials: {accessKeyId: string; secretAccessKey: string};
	}>((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the demo world stopped (exit ${code})`)));
	});
	return {
		...ready,
		async close() {
			const exited = new Promise<void>((resolve) => {
				worker.once('exit', () => resolve());
			});
			worker.postMessage('close');
			await exited;
		},
	};
}
