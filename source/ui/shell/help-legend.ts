// What the screen's abbreviations and marks mean, for the help under the keys: the connection
// columns and pairing labels (readme "Connections"), the sparkline marks (readme "Metrics") and
// the filter's syntax (readme "Keys"). The pairing labels are the domain's, as every output shows them.
import {pairingLabels} from '../../domain/flows/pairing-labels.js';
import type {PairingKind} from '../../domain/types/flows.js';
import {glyphsFor} from '../panes/glyphs.js';
import type {HelpEntry} from './key-help.js';

// One line each, in the order a reader meets them; every kind the rows can carry has its line.
const pairingMeanings: Readonly<Record<PairingKind, string>> = {
	exact: 'legs joined on the client address and port (IP preservation on)',
	likely: 'preservation off: the only leg that fits by interface, time and size',
	ambiguous: 'several legs fit and the flow logs cannot tell which: none claimed',
	unpaired: 'a leg with no partner: often the incident itself',
	arriving: "unpaired, but younger than flow logs' delivery: may yet pair",
	'health-check': "from the LB's own address to a target that sees client IPs",
};
const pairingKinds = Object.keys(pairingMeanings) as PairingKind[];

// The Requests (ALB) and TLS (NLB) panes' columns, named as the access log fields they count.
function accessLogEntries(): HelpEntry[] {
	return [
		{kind: 'title', text: 'Requests and TLS (access logs)'},
		{kind: 'entry', key: 'T5XX', text: 'the target itself answered 5XX (target_status_code)'},
		{
			kind: 'entry',
			key: 'LB5XX',
			text: 'the LB answered 5XX itself: the target did not answer, too late, or not in HTTP',
		},
		{
			kind: 'entry',
			key: 'p50 p99',
			text: 'target_processing_time of the requests a target answered',
		},
		{
			kind: 'entry',
			key: 'not dispatched',
			text: 'requests the LB answered without a target (target:port -)',
		},
		{kind: 'entry', key: 'hs p99', text: 'tls_handshake_time; failed: a ClientHello, no agreement'},
		{kind: 'entry', key: 'old TLS', text: 'connections on TLS 1.0 or 1.1'},
		{
			kind: 'entry',
			key: 'from the objects read',
			text: 'figures from the log files read so far (later files may add); exact: Athena',
		},
		{
			kind: 'entry',
			key: 'query',
			text: 'a query string shows as a ? and an ellipsis: hidden, it can carry tokens',
		},
	];
}

export function legendEntries(ascii: boolean): HelpEntry[] {
	const glyphs = glyphsFor(ascii);
	// ASCII draws a minute without a datapoint as a blank cell: name it, a space would not show.
	const gap = glyphs.gap.trim() === '' ? 'blank' : glyphs.gap;
	return [
		{kind: 'title', text: 'What the screen shows'},
		{
			kind: 'entry',
			key: 'FE BE',
			text: "frontend and backend leg, on the load balancer's interface",
		},
		{kind: 'entry', key: 'TGT', text: "the backend leg as the target's own interface logged it"},
		...pairingKinds.map((kind) => ({
			kind: 'entry' as const,
			key: pairingLabels[kind],
			text: pairingMeanings[kind],
		})),
		{kind: 'entry', key: gap, text: 'a minute with no datapoint: no traffic, or not published yet'},
		{kind: 'entry', key: glyphs.changeMark, text: 'a change in the path was made at that time'},
		{kind: 'title', text: 'Filter (/): terms combine with AND'},
		{kind: 'entry', key: 'address', text: '203.0.113.7, or a CIDR: 203.0.113.0/24'},
		{kind: 'entry', key: 'port', text: '443 or port:443'},
		{kind: 'entry', key: 'action', text: 'accept or reject'},
		{
			kind: 'entry',
			key: 'where',
			text: 'an AZ (us-east-1a), an interface (eni-...), a target (i-...)',
		},
		{kind: 'entry', key: 'text', text: 'anything else matches as text'},
		{
			kind: 'entry',
			key: 'scope',
			text: "the focused pane only, never the findings; an invalid term is named in the pane's header",
		},
		...accessLogEntries(),
	];
}
