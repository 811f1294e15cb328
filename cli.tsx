#!/usr/bin/env node
// Parses flags, builds the Config, picks the mode. Everything else lives in source/.
import process from 'node:process';
import meow from 'meow';
import {monitorHelp, replayHelp, simHelp} from './source/cli-help.js';
import {configFromFlags, type Terminal} from './source/domain/config-from-flags.js';
import {isUtf8Locale} from './source/domain/locale.js';
import {replayConfigFromFlags} from './source/domain/replay-config.js';
import {type FlagKinds, unknownFlagMessage, withDashValues} from './source/domain/unknown-flag.js';
import {favourSmallHeap} from './source/heap-settings.js';

// lbtop pins its SDK versions; the SDK's notice about future Node releases would land in the
// middle of the full-screen UI, so it is off unless the user asked for it explicitly.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// React's development build checks every render and keeps a performance entry per component
// render: slower frames and memory that grows for as long as lbtop runs. React loads later
// (dynamic imports below), so this takes effect.
process.env.NODE_ENV ??= 'production';

/** The demo world's region, known before the world is built. */
const demoRegion = 'us-east-1';

function usageError(message: string): never {
	process.stderr.write(`lbtop: ${message}\n  (lbtop --help for usage)\n`);
	process.exit(2);
}

/** Meow's own unknown-flag report is two bare lines; lbtop's says which flag and what was meant. */
function checkFlags<Flags extends FlagKinds>(argv: readonly string[], flags: Flags): Flags {
	const message = unknownFlagMessage(argv, flags);
	if (message !== undefined) {
		usageError(message);
	}
	return flags;
}

/** The arguments and flags meow parses, with `--window -5m` kept as one flag and its value. */
function parsed<Flags extends FlagKinds>(argv: readonly string[], flags: Flags) {
	return {argv: withDashValues(argv, flags), flags: checkFlags(argv, flags)};
}

function terminal(): Terminal {
	return {
		interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY),
		noColorEnv: process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '',
		utf8: isUtf8Locale(process.env),
	};
}

async function simCommand(argv: readonly string[]): Promise<void> {
	const cli = meow(simHelp, {
		importMeta: import.meta,
		allowUnknownFlags: false,
		...parsed(argv, {
			host: {type: 'string', default: '127.0.0.1'},
			port: {type: 'number', default: 4566},
			scenario: {type: 'string'},
			seed: {type: 'number', default: 1},
			speed: {type: 'number', default: 1},
		}),
	});
	const {port, speed, seed} = cli.flags;
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		usageError(`--port ${port} is not a port number (0-65535)`);
	}
	if (!(speed > 0)) {
		usageError(`--speed ${speed} must be a positive number`);
	}
	const {serveSim} = await import('./source/sim/serve.js');
	const code = await serveSim({
		host: cli.flags.host,
		port,
		seed,
		speed,
		...(cli.flags.scenario ? {scenarioPath: cli.flags.scenario} : {}),
	});
	process.exitCode = code;
}

async function monitorCommand(argv: readonly string[]): Promise<void> {
	favourSmallHeap();
	const cli = meow(monitorHelp, {
		importMeta: import.meta,
		allowUnknownFlags: false,
		...parsed(argv, {
			region: {type: 'string'},
			profile: {type: 'string'},
			endpointUrl: {type: 'string'},
			window: {type: 'string'},
			refresh: {type: 'string'},
			logGroup: {type: 'string', isMultiple: true},
			once: {type: 'boolean', default: false},
			json: {type: 'boolean', default: false},
			demo: {type: 'boolean', default: false},
			color: {type: 'boolean', default: true},
			ascii: {type: 'boolean', default: false},
			record: {type: 'string'},
			printIamPolicy: {type: 'boolean', default: false},
			logsProfile: {type: 'string'},
			athenaTable: {type: 'string'},
			athenaWorkgroup: {type: 'string'},
			printAthenaDdl: {type: 'boolean', default: false},
			flowLogs: {type: 'string'},
		}),
	});
	if (cli.flags.printIamPolicy) {
		const {iamPolicyJson, iamPolicyNotes} = await import('./source/aws/iam-actions.js');
		process.stdout.write(iamPolicyJson());
		process.stderr.write(iamPolicyNotes.map((note) => `lbtop: ${note}\n`).join(''));
		return;
	}
	const result = configFromFlags(
		cli.input,
		{...cli.flags, logGroup: cli.flags.logGroup ?? []},
		terminal(),
		{region: process.env.AWS_REGION},
	);
	if (!result.ok) {
		usageError(result.message);
	}
	const {config} = result;
	const {startMonitor} = await import('./source/start-monitor.js');
	// The demo world takes a second or two to build: the screen does not wait for it.
	const flowLogs = cli.flags.flowLogs === 's3' ? 's3' : 'cloud-watch-logs';
	const sim = cli.flags.demo
		? import('./source/sim/serve.js').then(({startDemoInWorker}) => startDemoInWorker({flowLogs}))
		: undefined;
	try {
		if (cli.flags.printAthenaDdl) {
			const {printAthenaDdl} = await import('./source/print-athena-ddl.js');
			process.exitCode = await printAthenaDdl(config, sim ? sim.then(demoConnection) : {});
			return;
		}
		process.exitCode = await startMonitor(
			config,
			sim ? sim.then(demoConnection) : {},
			sim ? demoRegion : undefined,
		);
	} finally {
		await (await sim)?.close();
	}
}

function demoConnection(started: {
	readonly url: string;
	readonly credentials: {readonly accessKeyId: string; readonly secretAccessKey: string};
	readonly region: string;
}) {
	return {endpointUrl: started.url, credentials: started.credentials, region: started.region};
}

async function replayCommand(argv: readonly string[]): Promise<void> {
	favourSmallHeap();
	const cli = meow(replayHelp, {
		importMeta: import.meta,
		allowUnknownFlags: false,
		...parsed(argv, {
			speed: {type: 'number', default: 1},
			at: {type: 'string'},
			once: {type: 'boolean', default: false},
			json: {type: 'boolean', default: false},
			color: {type: 'boolean', default: true},
			ascii: {type: 'boolean', default: false},
		}),
	});
	const result = replayConfigFromFlags(cli.input, cli.flags, terminal());
	if (!result.ok) {
		usageError(result.message);
	}
	const {startReplay} = await import('./source/start-monitor.js');
	process.exitCode = await startReplay(result.config);
}

const argv = process.argv.slice(2);
if (argv[0] === 'sim') {
	await simCommand(argv.slice(1));
} else if (argv[0] === 'replay') {
	await replayCommand(argv.slice(1));
} else {
	await monitorCommand(argv);
}
