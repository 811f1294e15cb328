// A pane registry that draws its own props, so tests can see exactly what the shell passed.
import {Box, Text} from 'ink';
import type {PaneRegistry, ShellPaneProperties} from '../../../source/ui/app-types.js';
import type {PaneId} from '../../../source/ui/pane-types.js';

export function describeProperties(pane: PaneId, properties: ShellPaneProperties): string {
	const flags = [
		`${properties.width}x${properties.height}`,
		`sel=${properties.selected}`,
		properties.focused ? 'focused' : '',
		properties.filter === undefined ? '' : `filter=${properties.filter}`,
		properties.sortStep === undefined ? '' : `sort=${properties.sortStep}`,
		properties.detail === true ? 'detail' : '',
		`tz=${properties.timeZone}`,
	];
	return `<${pane}> ${flags.filter((flag) => flag !== '').join(' ')}`;
}

type FakeRowsProperties = ShellPaneProperties & {readonly pane: PaneId};

function FakeRows({pane, ...properties}: FakeRowsProperties) {
	const lines = [describeProperties(pane, properties)];
	for (let row = 1; row < properties.height; row += 1) {
		lines.push(`${pane} row ${row}`);
	}
	return (
		<Box flexDirection="column">
			{lines.map((line) => (
				<Text key={line} wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}

function FakeMetrics(properties: ShellPaneProperties) {
	return <FakeRows pane="metrics" {...properties} />;
}

function FakeConnections(properties: ShellPaneProperties) {
	return <FakeRows pane="connections" {...properties} />;
}

function FakeAccepted(properties: ShellPaneProperties) {
	return <FakeRows pane="accepted" {...properties} />;
}

function FakeRejected(properties: ShellPaneProperties) {
	return <FakeRows pane="rejected" {...properties} />;
}

function FakeChanges(properties: ShellPaneProperties) {
	return <FakeRows pane="changes" {...properties} />;
}

function FakeRequests(properties: ShellPaneProperties) {
	return <FakeRows pane="requests" {...properties} />;
}

function FakeTls(properties: ShellPaneProperties) {
	return <FakeRows pane="tls" {...properties} />;
}

function FakeFindings(properties: ShellPaneProperties) {
	const titles = properties.snapshot.findings.map((finding) => finding.title);
	const lines = titles.length === 0 ? ['no findings'] : titles;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">{describeProperties('findings', properties)}</Text>
			{lines.slice(0, Math.max(0, properties.height - 1)).map((line) => (
				<Text key={line} wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}

/** Rows every fake content pane claims to hold, so selection tests have room to move. */
export const fakeRowCount = 40;
const fakeRows = Array.from({length: fakeRowCount}, (_, row) => `row-${row}`);
const rowIds = () => fakeRows;

export const fakePanes: PaneRegistry = {
	findings: {title: 'findings', component: FakeFindings},
	metrics: {title: 'metrics', component: FakeMetrics, rowIds},
	connections: {title: 'connections', component: FakeConnections, rowIds},
	accepted: {title: 'accepted', component: FakeAccepted, rowIds},
	rejected: {title: 'rejected', component: FakeRejected, rowIds},
	changes: {title: 'changes', component: FakeChanges, rowIds},
	requests: {title: 'requests', component: FakeRequests, rowIds},
	tls: {title: 'tls', component: FakeTls, rowIds},
};
