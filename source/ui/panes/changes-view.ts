// Which changes the pane lists, and in what order: the filter looks through the event's name,
// who made it, from where, its summary and the resources it touched; `s` flips newest/oldest.
import type {ChangeEvent, ChangesView} from '../../domain/snapshot.js';
import {filterRows, type RowFacts} from './filter/filter-match.js';
import {chosenOrder, type PaneView, type SortOrder, sortRows} from './pane-view.js';

export function changeFacts(event: ChangeEvent): RowFacts {
	return {
		text: [
			event.name,
			event.source,
			event.actor.type,
			event.actor.name,
			event.actor.session ?? '',
			event.sourceIp ?? '',
			event.summary,
			event.errorCode ?? '',
			...event.resources,
		],
	};
}

export const changeOrders: ReadonlyArray<SortOrder<ChangeEvent>> = [
	{label: 'newest', compare: (left, right) => right.time - left.time},
	{label: 'oldest', compare: (left, right) => left.time - right.time},
];

export function changesInView(
	snapshot: {readonly changes?: ChangesView | undefined},
	view: PaneView,
): ChangeEvent[] {
	const kept = filterRows(snapshot.changes?.events ?? [], view.filter, changeFacts);
	return sortRows(kept, chosenOrder(changeOrders, view.sortStep));
}
