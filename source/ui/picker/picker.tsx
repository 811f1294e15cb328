// `lbtop` with no name at a terminal: pick the load balancer from the region's list, typing to
// filter, arrows to move, Enter to watch it. Esc clears the filter, then quits.
import {Box, Text, useApp, useInput} from 'ink';
import {useMemo, useReducer, useRef} from 'react';
import {filterPickList, type PickEntry, visibleSlice} from '../../domain/picker/pick-list.js';
import {sanitizeText} from '../../domain/sanitize.js';
import {fitText} from '../format.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';

type Properties = {
	readonly region: string;
	readonly entries: readonly PickEntry[];
	readonly ascii: boolean;
	readonly onPick: (entry: PickEntry) => void;
};

function row(entry: PickEntry, width: number, ascii: boolean): string {
	const name = entry.name.padEnd(32);
	const kind = `${entry.type} ${entry.scheme}`.padEnd(26);
	return fitText(
		sanitizeText(`${name} ${kind} ${entry.state.padEnd(8)} ${entry.dnsName}`),
		width,
		ascii,
	);
}

type PickerState = {readonly typed: string; readonly selected: number};

export function Picker({region, entries, ascii, onPick}: Properties) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	// Keys typed fast over SSH arrive in one read and are handled one by one before React renders
	// again, so the state each key sees lives in a ref, not in a render's closure.
	const state = useRef<PickerState>({typed: '', selected: 0});
	const [, rerender] = useReducer((count: number) => count + 1, 0);
	const {typed} = state.current;
	const shown = useMemo(() => filterPickList(entries, typed), [entries, typed]);
	const clamped = Math.min(state.current.selected, Math.max(0, shown.length - 1));
	// Title, filter line, column header and help line; one row stays free (see run-interactive).
	const listHeight = Math.max(1, rows - 5);
	const {start, end} = visibleSlice(shown.length, clamped, listHeight);

	useInput((input, key) => {
		const current = state.current;
		const list = filterPickList(entries, current.typed);
		const at = Math.min(current.selected, Math.max(0, list.length - 1));
		const set = (next: PickerState) => {
			state.current = next;
			rerender();
		};
		const chosen = list[at];
		if (key.return && chosen) {
			onPick(chosen);
			exit();
		} else if (key.escape) {
			if (current.typed === '') {
				exit();
			}
			set({typed: '', selected: 0});
		} else if (key.ctrl && input === 'c') {
			exit();
		} else if (key.upArrow) {
			set({...current, selected: Math.max(0, at - 1)});
		} else if (key.downArrow) {
			set({...current, selected: Math.min(list.length - 1, at + 1)});
		} else if (key.pageDown) {
			set({...current, selected: Math.min(list.length - 1, at + listHeight)});
		} else if (key.pageUp) {
			set({...current, selected: Math.max(0, at - listHeight)});
		} else if (key.backspace || key.delete) {
			set({typed: current.typed.slice(0, -1), selected: 0});
		} else if (input !== '' && !key.ctrl && !key.meta && /^[\w .:/-]+$/.test(input)) {
			set({typed: current.typed + input, selected: 0});
		}
	});

	const title = `lbtop · pick a load balancer in ${region} (${shown.length} of ${entries.length})`;
	return (
		<Box flexDirection="column" width={columns} height={rows - 1}>
			<Text bold>{fitText(title, columns, ascii)}</Text>
			<Text>{fitText(`filter: ${typed}_`, columns, ascii)}</Text>
			<Text dimColor>
				{fitText(
					`${'name'.padEnd(32)} ${'type'.padEnd(26)} ${'state'.padEnd(8)} dns`,
					columns,
					ascii,
				)}
			</Text>
			<Box flexDirection="column" height={listHeight}>
				{entries.length === 0 ? (
					<Text>
						{fitText(
							`no load balancers in ${region}: is the region right (--region)?`,
							columns,
							ascii,
						)}
					</Text>
				) : (
					shown.slice(start, end).map((entry, index) => (
						<Text key={entry.arn || entry.name} inverse={start + index === clamped}>
							{row(entry, columns, ascii)}
						</Text>
					))
				)}
			</Box>
			<Text dimColor>
				{fitText('type to filter · ↑/↓ move · Enter watch · Esc clear/quit', columns, ascii)}
			</Text>
		</Box>
	);
}
