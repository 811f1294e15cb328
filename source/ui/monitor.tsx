// The interactive mode: the engine polls into the store, the App draws it full screen.
import process from 'node:process';
import type {AwsSettings} from '../aws/clients.js';
import type {Config} from '../domain/config.js';
import {deriveSnapshot} from '../live/derive.js';
import {Engine} from '../live/engine.js';
import {initialSnapshot} from '../live/initial-snapshot.js';
import {defaultSources} from '../live/sources.js';
import {SnapshotStore} from '../live/store.js';
import {App} from './app.js';
import type {AppCommand} from './app-types.js';
import {panes} from './panes/index.js';
import {runInteractive} from './run-interactive.js';

function commandHandler(engine: Engine): (command: AppCommand) => void {
	return (command) => {
		if (command === 'pause') {
			engine.pause();
		} else if (command === 'resume') {
			engine.resume();
		} else if (command === 'refresh') {
			engine.refresh();
		} else if (typeof command === 'object' && command.type === 'window') {
			engine.setWindow(command.minutes * 60_000);
		}
	};
}

/** Resolves to the exit code once the user quits and every poller (and Insights query) is stopped. */
export async function runMonitorApp(config: Config, aws: AwsSettings, region: string): Promise<number> {
	const store = new SnapshotStore(initialSnapshot(config, Date.now(), region), deriveSnapshot);
	const engine = new Engine({config, store, aws, sources: defaultSources});
	engine.start();
	try {
		await runInteractive(
			<App
				store={store}
				panes={panes}
				ascii={config.ascii}
				color={config.color}
				onQuit={() => undefined}
				onCommand={commandHandler(engine)}
			/>,
		);
	} finally {
		await engine.stop();
	}
	return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
