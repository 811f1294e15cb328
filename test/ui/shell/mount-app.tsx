// The app shell in a fake terminal, as the shell tests drive it: fake panes that draw their own
// props by default, or the real ones over a snapshot; a fixed clock; commands and quits recorded.
import {vi} from 'vitest';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import {App} from '../../../source/ui/app.js';
import type {NoticeSource, PaneRegistry} from '../../../source/ui/app-types.js';
import {
	keys,
	type Rendered,
	renderAt,
	type TerminalSize,
	waitForFrame,
} from '../../helpers/render.js';
import {fixtureNow, fixtureSnapshot, fixtureStore} from '../../helpers/snapshot-fixture.js';
import {fakePanes} from './fake-panes.js';

export type MountOptions = {
	readonly size?: TerminalSize;
	readonly snapshot?: Snapshot;
	readonly panes?: PaneRegistry;
	readonly ascii?: boolean;
	readonly clock?: () => number;
	readonly notices?: NoticeSource;
	readonly replay?: boolean;
};

export function mountApp(options: MountOptions = {}) {
	const store = fixtureStore(options.snapshot ?? fixtureSnapshot());
	const onQuit = vi.fn();
	const onCommand = vi.fn();
	const app = renderAt(
		<App
			store={store}
			panes={options.panes ?? fakePanes}
			ascii={options.ascii ?? false}
			color={false}
			onQuit={onQuit}
			onCommand={onCommand}
			clock={options.clock ?? (() => fixtureNow)}
			{...(options.notices === undefined ? {} : {notices: options.notices})}
			{...(options.replay === undefined ? {} : {replay: options.replay})}
		/>,
		options.size ?? {columns: 80, rows: 24},
	);
	return {app, store, onQuit, onCommand};
}

/** From the start (focus on the findings), Tab to the real connections pane; one key per frame. */
export async function focusConnections(app: Rendered): Promise<void> {
	await waitForFrame(app, '[Findings]');
	app.press(keys.tab);
	await waitForFrame(app, 'sort: catalog order');
	app.press(keys.tab);
	await waitForFrame(app, '[Connections]');
}
