// The shell's clock ticks every second; a pane is drawn again on a tick only when something it
// shows could read differently at that tick: an age in minutes is redrawn when its minute turns,
// a text that reads the clock directly on every tick, and new data always, at the tick's time.
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {describe, expect, it} from 'vitest';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import type {ShellPaneProperties} from '../../../source/ui/app-types.js';
import {connectionsLines} from '../../../source/ui/panes/connections-rows.js';
import {type Line, line} from '../../../source/ui/panes/line.js';
import {ageText} from '../../../source/ui/panes/pane-ages.js';
import {paneContext} from '../../../source/ui/panes/pane-context.js';
import {viewOfFilter} from '../../../source/ui/panes/pane-view.js';
import {type ListLines, usePaneLines} from '../../../source/ui/panes/use-pane-lines.js';
import {waitForFrame} from '../../helpers/render.js';
import {connections, properties, snapshot} from './fixture.js';

// The fixture's clock is on a whole minute (13:45:00Z).
const start = properties().now;

type Shown = {readonly now: number; readonly snapshot: Snapshot};

/** A pane drawn by usePaneLines whose list counts its calls; the shell's clock and data are state. */
function mount(list: ListLines, overrides: Partial<ShellPaneProperties> = {}) {
	const calls = {count: 0};
	const counted: ListLines = (current, context, view) => {
		calls.count += 1;
		return list(current, context, view);
	};
	const harness: {set?: (shown: Shown) => void; renders: number; lines: Line[]} = {
		renders: 0,
		lines: [],
	};
	function Pane(paneProperties: ShellPaneProperties) {
		const lines = usePaneLines('connections', paneProperties, counted);
		harness.lines = lines;
		return (
			<Text>{lines.map((value) => value.map((segment) => segment.text).join('')).join('\n')}</Text>
		);
	}
	function Shell() {
		const [shown, setShown] = useState<Shown>({now: start, snapshot});
		harness.set = setShown;
		harness.renders += 1;
		return <Pane {...properties({...overrides, now: shown.now, snapshot: shown.snapshot})} />;
	}
	const app = render(<Shell />);
	/** One tick (or new data), rendered before the next: React would batch ticks set together. */
	const show = async (shown: Shown) => {
		const before = harness.renders;
		harness.set?.(shown);
		await waitForFrame(app, () => harness.renders > before);
	};
	return {app, calls, show, drawn: () => harness.lines};
}

const born = start - 3 * 60_000 - 20_000;
const ageList: ListLines = (_snapshot, context) => [line(`age ${ageText(born, context)}`)];

describe('a pane on the clock', () => {
	it('is not drawn again while its ages read the same, and is when their minute turns', async () => {
		const {app, calls, show} = mount(ageList);
		await waitForFrame(app, 'age 3m');
		expect(calls.count).toBe(1);
		// 13:45:01 .. 13:45:39: the age reads 3m throughout.
		for (let second = 1; second < 40; second += 1) {
			await show({now: start + second * 1000, snapshot});
		}
		await waitForFrame(app, 'age 3m');
		await show({now: start + 40_000, snapshot});
		await waitForFrame(app, 'age 4m');
		expect(calls.count).toBe(2);
		app.unmount();
	});

	it('is drawn again on every tick when its text reads the clock directly', async () => {
		const clockList: ListLines = (_snapshot, context) => [line(`at ${context.now}`)];
		const {app, calls, show} = mount(clockList);
		await waitForFrame(app, `at ${start}`);
		await show({now: start + 1000, snapshot});
		await waitForFrame(app, `at ${start + 1000}`);
		await show({now: start + 2000, snapshot});
		await waitForFrame(app, `at ${start + 2000}`);
		expect(calls.count).toBe(3);
		app.unmount();
	});

	it('draws new data at the tick it arrives, not at the time kept', async () => {
		const {app, show} = mount((current, context) => [
			line(`age ${ageText(current.generatedAt, context)}`),
		]);
		await waitForFrame(app, /age \d+/);
		await show({now: start + 5000, snapshot});
		// Data generated at 13:45:00 seen at 13:45:05: five seconds old, not as old as the kept draw.
		await show({now: start + 5000, snapshot: {...snapshot, generatedAt: start}});
		await waitForFrame(app, 'age 5s');
		app.unmount();
	});

	it('shows the connection ages of the real pane as their minutes turn', async () => {
		const {app, calls, show} = mount(
			(current, context, view) =>
				connectionsLines(
					{
						...(current.flows === undefined ? {} : {flows: current.flows}),
						state: current.sources.flows,
					},
					context,
					view,
				),
			{width: 120},
		);
		const first = await waitForFrame(app, 'lag 4m50s');
		for (let second = 1; second <= 70; second += 1) {
			await show({now: start + second * 1000, snapshot});
		}
		// 70 seconds on: the lag has moved in its 10-second steps, the ages by a minute.
		const later = await waitForFrame(app, /lag 6m(?!\d)/);
		const ages = (frame: string) => frame.match(/ \d+m /g) ?? [];
		expect(ages(first).length).toBeGreaterThan(0);
		expect(ages(later)).not.toEqual(ages(first));
		// Drawn when the lag or an age could change, not on each of the 70 ticks.
		expect(calls.count).toBeLessThan(20);
		app.unmount();
	});

	it('keeps a long table while only ages off screen turn, and reads true at every tick', async () => {
		const [model] = connections;
		const flows = snapshot.flows;
		if (model === undefined || flows === undefined) {
			throw new Error('the fixture has connections');
		}
		// The newest 30 end together (drawn first); 300 older ones end one a second apart, so an
		// age off screen turns at every tick while the age column stays as wide.
		const ends = [
			...Array.from({length: 30}, () => start / 1000 - 150),
			...Array.from({length: 300}, (_, index) => start / 1000 - 160 - index),
		];
		const many: Snapshot = {
			...snapshot,
			flows: {
				...flows,
				connections: ends.map((end, index) => ({...model, id: `c-${index}`, end})),
			},
		};
		const list: ListLines = (current, context, view) =>
			connectionsLines(
				{
					...(current.flows === undefined ? {} : {flows: current.flows}),
					state: current.sources.flows,
				},
				context,
				view,
			);
		const {app, calls, show, drawn} = mount(list, {width: 120});
		await waitForFrame(app, 'lag 4m50s');
		for (let second = 1; second <= 60; second += 1) {
			const now = start + second * 1000;
			await show({now, snapshot: many});
			const context = paneContext({...properties({width: 120}), now});
			expect(drawn()).toEqual(list(many, context, viewOfFilter(undefined)));
		}
		// The lag's 10-second steps and the visible ages' minute, not each of the 60 ticks.
		expect(calls.count).toBeLessThan(15);
		app.unmount();
	});
});
