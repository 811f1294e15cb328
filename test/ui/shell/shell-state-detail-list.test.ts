// The shell's state for panes an LB may or may not have (Requests on an ALB, TLS on an NLB with
// TLS listeners), and for a detail that lists rows of its own: the movement keys choose a request,
// Enter opens it, Esc steps back one level.
import {describe, expect, it} from 'vitest';
import {focusOrderFor} from '../../../source/ui/pane-order.js';
import {keyEffect} from '../../../source/ui/shell/key-effects.js';
import {
	initialShellState,
	keyContext,
	type ShellEvent,
	type ShellState,
	shellReducer,
} from '../../../source/ui/shell/shell-state.js';
import {albSnapshot, nlbTlsSnapshot} from '../panes/access-log-fixture.js';
import {snapshot} from '../panes/fixture.js';

const alb = albSnapshot();
const start = initialShellState(alb);
const targets = ['t-a', 't-b', 't-c'];
const requests = ['r-1', 'r-2', 'r-3', 'r-4'];

function run(...events: ShellEvent[]): ShellState {
	return events.reduce(shellReducer, start);
}

describe('Tab order by load balancer type', () => {
	it.each([
		[
			'an ALB',
			alb,
			['findings', 'metrics', 'connections', 'accepted', 'rejected', 'changes', 'requests'],
		],
		[
			'an NLB with a TLS listener',
			nlbTlsSnapshot(),
			['findings', 'metrics', 'connections', 'accepted', 'rejected', 'changes', 'tls'],
		],
		[
			'an NLB with TCP listeners only',
			snapshot,
			['findings', 'metrics', 'connections', 'accepted', 'rejected', 'changes'],
		],
	])('%s', (_name, shown, expected) => {
		const order = focusOrderFor(shown);
		expect(order).toEqual(expected);
		const visited: string[] = [];
		let state = initialShellState(shown);
		for (const _pane of order) {
			state = shellReducer(state, {type: 'focus-next', order});
			visited.push(state.focus);
		}
		expect(visited).toEqual([...order.slice(1), 'findings']);
		expect(shellReducer(initialShellState(shown), {type: 'focus-previous', order}).focus).toBe(
			order.at(-1),
		);
	});

	it('leaves a pane the LB turned out not to have for the next one that exists', () => {
		const onTls = {...start, focus: 'tls' as const, activeContent: 'tls' as const};
		expect(shellReducer(onTls, {type: 'focus-next', order: focusOrderFor(alb)}).focus).toBe(
			'findings',
		);
	});
});

describe('a detail that lists requests', () => {
	const onRequests = run({type: 'focus-previous', order: focusOrderFor(alb)});

	it('moves over its own rows, opens one, and steps back one level per Esc', () => {
		const open = shellReducer(onRequests, {type: 'move', delta: 1, rows: targets});
		const detail = shellReducer(open, {type: 'open-detail', rows: targets, list: true});
		expect(keyContext(detail)).toBe('detail-list');
		expect(detail.selection.requests).toEqual({id: 't-b', index: 1});

		const moved = [1, 1, -1, 1].reduce(
			(state, delta) => shellReducer(state, {type: 'move', delta, rows: requests}),
			detail,
		);
		expect(moved.inner).toEqual({id: 'r-3', index: 2});
		expect(moved.selection.requests).toEqual({id: 't-b', index: 1});
		expect(shellReducer(moved, {type: 'jump', to: 'bottom', rows: requests}).inner.id).toBe('r-4');

		const request = shellReducer(moved, {type: 'open-detail', rows: requests});
		expect(request).toMatchObject({innerOpen: true, inner: {id: 'r-3'}, detailScroll: 0});
		expect(keyContext(request)).toBe('detail');
		const scrolled = shellReducer(request, {type: 'scroll', offset: 7});

		const backToList = shellReducer(scrolled, {type: 'back'});
		expect(backToList).toMatchObject({
			detailOpen: true,
			innerOpen: false,
			inner: {id: 'r-3'},
			detailScroll: 0,
		});
		expect(keyContext(backToList)).toBe('detail-list');

		const closed = shellReducer(backToList, {type: 'back'});
		expect(closed).toMatchObject({detailOpen: false, detailList: false, innerOpen: false});
		expect(keyContext(closed)).toBe('normal');
	});

	it('Enter in the list opens the request under the cursor and tells the engine which', () => {
		const detail = shellReducer(onRequests, {type: 'open-detail', rows: targets, list: true});
		const onSecond = shellReducer(detail, {type: 'move', delta: 1, rows: requests});
		const effect = keyEffect('drill-down', onSecond, {
			rows: requests,
			pageSize: 10,
			scrollLimit: 0,
			live: alb,
			detailList: true,
		});
		expect(effect.command).toEqual({type: 'drill-down', pane: 'requests', id: 'r-2'});
		expect(effect.event).toMatchObject({type: 'open-detail'});
	});

	it('a detail without its own rows scrolls as before', () => {
		const detail = shellReducer(onRequests, {type: 'open-detail', rows: targets});
		expect(keyContext(detail)).toBe('detail');
	});

	it('Tab closes every level', () => {
		const detail = shellReducer(onRequests, {type: 'open-detail', rows: targets, list: true});
		const request = shellReducer(detail, {type: 'open-detail', rows: requests});
		const next = shellReducer(request, {type: 'focus-next', order: focusOrderFor(alb)});
		expect(next).toMatchObject({
			detailOpen: false,
			detailList: false,
			innerOpen: false,
			focus: 'findings',
		});
	});
});
