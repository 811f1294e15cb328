// `stats`: groups rows by the `by` expressions and computes each group's aggregates. Without a
// `sort`, groups come newest first (by their newest event), like the events of a plain query.
import {type Accumulator, type AccumulatorFactory, accumulatorFactory} from './aggregates.js';
import type {CallExpr, Command} from './ast.js';
import {compile, type Evaluator} from './compile.js';
import {aggregateCalls} from './expr-walk.js';
import type {FieldSlots} from './field-slots.js';
import {type Row, ValuesRow} from './rows.js';
import {TimeValue, type Value} from './values.js';

type StatsCommand = Extract<Command, {kind: 'stats'}>;

type Group = {
	readonly values: readonly Value[];
	readonly accumulators: readonly Accumulator[];
	readonly first: number;
	newest: number;
};

/** One run of a stats command: rows go in one at a time (so a scan need not keep them). */
export type StatsAggregation = {
	add(row: Row): void;
	finish(): Row[];
};

export type StatsRunner = () => StatsAggregation;

export function compileStats(command: StatsCommand, fields: FieldSlots): StatsRunner {
	const scope = {fields};
	const groupBy = command.groups.map((group) => compile(group.expr, scope));
	const calls: CallExpr[] = command.items.flatMap((item) => aggregateCalls(item.expr));
	const aggregates = new Map(calls.map((call, index) => [call, index]));
	const factories = calls.map((call) => accumulatorFactory(call, scope));
	const items = command.items.map((item) => ({
		name: item.name,
		evaluate: compile(item.expr, {fields, aggregates}),
	}));
	const groupNames = command.groups.map((group) => group.name);

	return () => {
		const index = new GroupIndex(groupBy, factories);
		let position = 0;
		return {
			add: (row) => {
				const group = index.groupOf(row, position++);
				for (const accumulator of group.accumulators) {
					accumulator.add(row);
				}
				const time = row.timestampMs;
				if (time !== undefined && time > group.newest) {
					group.newest = time;
				}
			},
			finish: () => {
				if (index.size === 0 && groupBy.length === 0) {
					// An ungrouped stats over no rows still answers (count(*) = 0).
					index.groupOf(new ValuesRow(), 0);
				}
				const ordered = index.groups().sort((a, b) => b.newest - a.newest || a.first - b.first);
				return ordered.map((group) => resultRow(group, groupNames, items));
			},
		};
	};
}

/**
 * Finds a row's group. A single `by` value is looked up as is (no key string per row), which
 * keeps `stats ... by bin(1m)` over a large scan cheap.
 */
class GroupIndex {
	private readonly byText = new Map<string, Group>();
	private readonly byNumber = new Map<number, Group>();
	private readonly byTime = new Map<number, Group>();
	private readonly tree = new KeyNode();
	private missing: Group | undefined;
	private readonly all: Group[] = [];

	constructor(
		private readonly groupBy: readonly Evaluator[],
		private readonly factories: readonly AccumulatorFactory[],
	) {}

	get size(): number {
		return this.all.length;
	}

	groups(): Group[] {
		return [...this.all];
	}

	groupOf(row: Row, position: number): Group {
		const [only] = this.groupBy;
		if (only !== undefined && this.groupBy.length === 1) {
			const value = only(row);
			if (typeof value === 'string') {
				return this.find(this.byText, value, [value], position);
			}
			if (typeof value === 'number') {
				return this.find(this.byNumber, value, [value], position);
			}
			if (value instanceof TimeValue) {
				return this.find(this.byTime, value.ms, [value], position);
			}
			if (value === undefined) {
				this.missing ??= this.create([undefined], position);
				return this.missing;
			}
		}
		// Several values: a tree of maps, one level per value, so finding a group builds no key.
		let node = this.tree;
		for (const evaluate of this.groupBy) {
			node = node.child(evaluate(row));
		}
		if (node.group === undefined) {
			node.group = this.create(
				this.groupBy.map((evaluate) => evaluate(row)),
				position,
			);
		}
		return node.group;
	}

	private find<K>(map: Map<K, Group>, key: K, values: readonly Value[], position: number): Group {
		let group = map.get(key);
		if (group === undefined) {
			group = this.create(values, position);
			map.set(key, group);
		}
		return group;
	}

	private create(values: readonly Value[], position: number): Group {
		const group = {
			values,
			accumulators: this.factories.map((create) => create()),
			first: position,
			newest: Number.NEGATIVE_INFINITY,
		};
		this.all.push(group);
		return group;
	}
}

/**
 * One level of the group tree. Values are told apart as groupKeyOf tells them apart: text from
 * numbers, a boolean as the number 1 or 0, a time by its ms.
 */
class KeyNode {
	group: Group | undefined;
	private text: Map<string, KeyNode> | undefined;
	private number: Map<number, KeyNode> | undefined;
	private time: Map<number, KeyNode> | undefined;
	private missing: KeyNode | undefined;

	child(value: Value): KeyNode {
		if (value === undefined) {
			this.missing ??= new KeyNode();
			return this.missing;
		}
		if (typeof value === 'string') {
			this.text ??= new Map();
			return KeyNode.within(this.text, value);
		}
		if (typeof value === 'number' || typeof value === 'boolean') {
			this.number ??= new Map();
			return KeyNode.within(this.number, typeof value === 'number' ? value : value ? 1 : 0);
		}
		this.time ??= new Map();
		return KeyNode.within(this.time, value.ms);
	}

	private static within<K>(map: Map<K, KeyNode>, key: K): KeyNode {
		let node = map.get(key);
		if (node === undefined) {
			node = new KeyNode();
			map.set(key, node);
		}
		return node;
	}
}

function resultRow(
	group: Group,
	groupNames: readonly string[],
	items: ReadonlyArray<{readonly name: string; readonly evaluate: Evaluator}>,
): Row {
	const values = new Map<string, Value>();
	for (const [index, name] of groupNames.entries()) {
		values.set(name, group.values[index]);
	}
	const row = new ValuesRow(
		values,
		group.accumulators.map((accumulator) => accumulator.result()),
	);
	for (const item of items) {
		row.write(-1, item.name, item.evaluate(row));
	}
	return row;
}
