// Whether a row matches a filter. Each pane says what its rows carry (addresses, ports, ...); a
// term about something a row does not carry is looked for in the row's text instead, so
// `203.0.113.0/24` finds the change whose summary names that range, and `eni-0abc` the change
// on that interface.
import type {FlowAction} from '../../../domain/snapshot.js';
import type {FilterTerm, ParsedFilter} from './filter-terms.js';
import {parseAddress, parseRange, rangeContains, rangesOverlap} from './ip-address.js';

/** What a row can be matched on; an omitted field means the row does not carry it. */
export type RowFacts = {
	readonly addresses?: readonly string[];
	readonly ports?: readonly number[];
	/** Every action logged for the row (one per leg or direction). */
	readonly actions?: readonly FlowAction[];
	readonly zones?: readonly string[];
	readonly interfaces?: readonly string[];
	readonly targets?: readonly string[];
	/** Names, titles, summaries: where free text and the fallbacks look. */
	readonly text: readonly string[];
};

// Addresses and CIDRs written in free text, such as a security group change's summary.
const ipv4Literal = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?![\d.])/g;

function textMentions(facts: RowFacts, needle: string): boolean {
	return facts.text.some((text) => text.toLowerCase().includes(needle));
}

function textMentionsPort(facts: RowFacts, port: number): boolean {
	const alone = new RegExp(`(?<!\\d)${port}(?!\\d)`);
	return facts.text.some((text) => alone.test(text));
}

function inRange(term: Extract<FilterTerm, {kind: 'address'}>, address: string): boolean {
	const parsed = parseAddress(address);
	return parsed !== undefined && rangeContains(term.range, parsed);
}

function addressMatches(term: Extract<FilterTerm, {kind: 'address'}>, facts: RowFacts): boolean {
	if (facts.addresses !== undefined) {
		return facts.addresses.some((address) => inRange(term, address));
	}

	// A change that opened or closed 203.0.113.0/24 concerns the client 203.0.113.7, and back.
	const overlaps = (found: string) => {
		const range = parseRange(found);
		return range !== undefined && rangesOverlap(range, term.range);
	};
	return (
		textMentions(facts, term.text.toLowerCase()) ||
		facts.text.some((text) => (text.match(ipv4Literal) ?? []).some(overlaps))
	);
}

/**
 * `reject` finds rows where anything was rejected; `accept` rows that went through everywhere
 * they were seen. A connection accepted at the LB and rejected at the target is a `reject` row.
 */
function actionMatches(action: FlowAction, actions: readonly FlowAction[]): boolean {
	return action === 'REJECT'
		? actions.includes('REJECT')
		: actions.length > 0 && !actions.includes('REJECT');
}

function startsAny(values: readonly string[], prefix: string): boolean {
	return values.some((value) => value.toLowerCase().startsWith(prefix));
}

export function termMatches(term: FilterTerm, facts: RowFacts): boolean {
	switch (term.kind) {
		case 'address': {
			return addressMatches(term, facts);
		}

		case 'port': {
			return facts.ports === undefined
				? textMentionsPort(facts, term.port)
				: facts.ports.includes(term.port);
		}

		case 'action': {
			return facts.actions === undefined
				? textMentions(facts, term.text.toLowerCase())
				: actionMatches(term.action, facts.actions);
		}

		case 'zone': {
			return facts.zones === undefined
				? textMentions(facts, term.zone)
				: facts.zones.some((zone) => zone.toLowerCase() === term.zone);
		}

		case 'interface': {
			return facts.interfaces === undefined
				? textMentions(facts, term.prefix)
				: startsAny(facts.interfaces, term.prefix);
		}

		case 'target': {
			return facts.targets === undefined
				? textMentions(facts, term.prefix)
				: startsAny(facts.targets, term.prefix);
		}

		case 'text': {
			return textMentions(facts, term.needle);
		}
	}
}

export function rowMatches(filter: ParsedFilter | undefined, facts: RowFacts): boolean {
	return filter === undefined || filter.terms.every((term) => termMatches(term, facts));
}

/** The rows that match, in their order; facts are only computed when there is something to match. */
export function filterRows<Row>(
	rows: readonly Row[],
	filter: ParsedFilter | undefined,
	factsOf: (row: Row) => RowFacts,
): Row[] {
	if (filter === undefined || filter.terms.length === 0) {
		return [...rows];
	}

	return rows.filter((row) => rowMatches(filter, factsOf(row)));
}
