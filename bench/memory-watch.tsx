// The memory benchmark's monitor, loaded by memory-monitor.tsx once the heap policy is set: lbtop as
// the interactive monitor runs it (engine, store, App drawing 200x50 at 10 frames a second into a
// terminal that discards them), or the engine alone (`engine` mode), on the sim's accelerated
// clock. Reports how many flow records its reads return; the parent samples its RSS.
import process from 'node:process';
import type {FilterLogEventsCommandOutput} from '@aws-sdk/client-cloudwatch-logs';
import {deriveSnapshot} from '../source/live/derive.js';
import {Engine} from '../source/live/engine.js';
import {initialSnapshot} from '../source/live/initial-snapshot.js';
import {SnapshotStore} from '../source/live/store.js';
import {App} from '../source/ui/app.js';
import {panes} from '../source/ui/panes/index.js';
import {renderHeadless} from './headless-terminal.js';
import {emitLine} from './lines.js';
import {monitorConfig} from './monitor-config.js';
import {monitorSources} from './monitor-sources.js';
import {speedClock, speedTimers} from './speed-clock.js';

const [url = '', speed = '1', origin = '0', region = 'us-east-1', mode = 'ui'] =
	process.argv.slice(2);
const clock = speedClock(Number(speed), Number(origin));
const config = monitorConfig();
const store = new SnapshotStore(initialSnapshot(config, clock.now(), region), deriveSnapshot);
const engine = new Engine({
	config,
	store,
	aws: {endpointUrl: url, region, credentials: {accessKeyId: 'bench', secretAccessKey: 'bench'}},
	sources: monitorSources,
	timers: speedTimers(clock),
});

let recordsRead = 0;
let readCalls = 0;
let readMs = 0;
let flowsRuns = 0;
let lastFetch: number | undefined;
// Counted from outside the product: an SDK middleware on the logs client sees every answer.
const logs = await engine.clients.logs();
logs.middlewareStack.add(
	(next, context) => async (arguments_) => {
		const started = performance.now();
		const result = await next(arguments_);
		if (context.commandName === 'FilterLogEventsCommand') {
			recordsRead += (result.output as FilterLogEventsCommandOutput).events?.length ?? 0;
			readCalls += 1;
			readMs += performance.now() - started;
		}

		return result;
	},
	{step: 'initialize', name: 'benchRecordCounter'},
);
store.subscribe(() => {
	const fetchedAt = store.getSnapshot().sources.flows.fetchedAt;
	if (fetchedAt !== undefined && fetchedAt !== lastFetch) {
		lastFetch = fetchedAt;
		flowsRuns += 1;
	}
});

const size = {columns: 200, rows: 50};
const drawn =
	mode === 'ui'
		? renderHeadless(
				<App
					store={store}
					panes={panes}
					initialSize={size}
					ascii={false}
					color
					onQuit={() => undefined}
				/>,
				size,
				10,
			)
		: undefined;
engine.start();
const report = setInterval(() => {
	const snapshot = store.getSnapshot();
	emitLine('stat', {
		worldNow: clock.now(),
		recordsRead,
		readCalls,
		readMs: Math.round(readMs),
		flowsRuns,
		connections: snapshot.flows?.connections.length ?? 0,
		flowsStatus: snapshot.sources.flows.status,
		// What the scale benchmark reads: how far behind the rows are, whether the screen says
		// they are sampled, and what Insights scanned.
		...(snapshot.flows?.dataThrough === undefined
			? {}
			: {lagMs: clock.now() - snapshot.flows.dataThrough}),
		sampled: snapshot.flows?.sampled ?? false,
		windowRecordsRead: snapshot.flows?.recordsRead ?? 0,
		windowRecordsMatched: snapshot.flows?.recordsMatched ?? 0,
		bytesScanned: snapshot.cost.bytesScanned,
		queries: snapshot.cost.queries,
		heapUsed: process.memoryUsage().heapUsed,
	});
}, 1000);
await new Promise<void>((resolve) => {
	process.once('SIGTERM', () => resolve());
});
clearInterval(report);
// React's development build records a performance measure per component render; Node keeps them.
emitLine('final', {measures: performance.getEntriesByType('measure').length});
drawn?.instance.unmount();
await engine.stop();
process.exit(0);
