// The demo's sim in its own thread: building three hours of history and advancing the world on
// every request is CPU work that would otherwise stall the screen it feeds.
import {parentPort, workerData} from 'node:worker_threads';
import {startDemoInProcess} from './serve.js';

export type DemoWorkerReady = {
	readonly url: string;
	readonly region: string;
	readonly credentials: {readonly accessKeyId: string; readonly secretAccessKey: string};
};

if (parentPort) {
	const port = parentPort;
	const flowLogs = (workerData as {flowLogs?: unknown} | null)?.flowLogs;
	const sim = await startDemoInProcess(flowLogs === 's3' ? {flowLogs} : {});
	const ready: DemoWorkerReady = {url: sim.url, region: sim.region, credentials: sim.credentials};
	port.postMessage(ready);
	port.once('message', () => {
		void sim.close().then(() => {
			port.close();
		});
	});
}
