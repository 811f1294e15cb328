// Each store write evaluates every rule, but most writes change one slice of the snapshot (a cost
// counter, the TLS rows, a source's state) and most rules read one or two others. A rule is pure,
// so while every part of the snapshot it read last time is the same object (or the same number),
// it would return the same drafts: those are kept instead of running it again. What a rule read is
// recorded as it runs, not declared, so a rule cannot forget to name an input. The clock is one of
// those inputs: a rule reading the snapshot's generatedAt (its `now`) or window runs on every write.
import type {Snapshot} from '../snapshot.js';
import type {DraftFinding, FindingRule} from './draft.js';

/** A path into the snapshot and the value found there: `['sources', 'discovery']`. */
type Read = {readonly path: readonly [string] | readonly [string, string]; readonly value: unknown};

type Entry = {
	/** Undefined when the rule looked at the snapshot as a whole (its keys): never reused. */
	readonly reads: readonly Read[] | undefined;
	readonly drafts: readonly DraftFinding[];
};

/**
 * What each rule returned last time and what it read to get there: one entry per rule, so a memo
 * holds one evaluation's drafts at most. Keep one per sequence of snapshots (one per store).
 */
export class RuleMemo {
	private readonly entries = new Map<FindingRule, Entry>();
	private runs = 0;

	/** How many times a rule actually ran through this memo. */
	get ruleRuns(): number {
		return this.runs;
	}

	evaluate(
		rule: FindingRule,
		snapshot: Snapshot,
		run: (rule: FindingRule, snapshot: Snapshot) => readonly DraftFinding[],
	): readonly DraftFinding[] {
		const known = this.entries.get(rule);
		if (known?.reads !== undefined && allHold(snapshot, known.reads)) {
			return known.drafts;
		}

		this.runs++;
		const recorder = new ReadRecorder(snapshot);
		const drafts = run(rule, recorder.snapshot);
		this.entries.set(rule, {reads: recorder.reads(), drafts});
		return drafts;
	}
}

function allHold(snapshot: Snapshot, reads: readonly Read[]): boolean {
	for (const read of reads) {
		if (!stillHolds(snapshot, read)) {
			return false;
		}
	}

	return true;
}

function stillHolds(snapshot: Snapshot, {path, value}: Read): boolean {
	const top = (snapshot as Readonly<Record<string, unknown>>)[path[0]];
	if (path.length === 1) {
		return Object.is(top, value);
	}

	return isObject(top) && Object.is(top[path[1]], value);
}

// `sources` changes on every write (each source's state is its own object inside it), so reads
// within it are recorded one level down: a rule reading discovery's state does not rerun when the
// flows source's state moves on.
const nested = new Set(['sources']);

class ReadRecorder {
	readonly snapshot: Snapshot;
	private readonly recorded = new Map<string, Read>();
	private readonly inner = new Map<string, object>();
	/** Set when the rule looked at the snapshot as a whole (its keys). */
	whole = false;

	constructor(target: Snapshot) {
		this.snapshot = this.watch(target, undefined) as Snapshot;
	}

	reads(): readonly Read[] | undefined {
		return this.whole ? undefined : [...this.recorded.values()];
	}

	/** The first read of each path is enough: the snapshot does not change while a rule runs. */
	record(parent: string | undefined, key: string | symbol, value: unknown): void {
		if (typeof key !== 'string') {
			this.whole = true;
			return;
		}

		const id = parent === undefined ? key : `${parent}\u0000${key}`;
		if (!this.recorded.has(id)) {
			this.recorded.set(id, {path: parent === undefined ? [key] : [parent, key], value});
		}
	}

	private watch(target: object, parent: string | undefined): object {
		return new Proxy(target, new Watcher(this, parent));
	}

	/** The watched form of a nested object, made once per recorder. */
	within(key: string, value: object): object {
		let watched = this.inner.get(key);
		if (watched === undefined) {
			watched = this.watch(value, key);
			this.inner.set(key, watched);
		}

		return watched;
	}
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
	return typeof value === 'object' && value !== null;
}

// A handler class rather than an object of arrow functions: every write runs the rules through new
// proxies, and closures made per proxy lose their optimized code at each full collection (V8 then
// compiles them again); methods are made once.
class Watcher implements ProxyHandler<object> {
	constructor(
		private readonly recorder: ReadRecorder,
		private readonly parent: string | undefined,
	) {}

	get(object: object, key: string | symbol, receiver: unknown): unknown {
		const value: unknown = Reflect.get(object, key, receiver);
		// A frozen snapshot's property must be handed out as it is (a Proxy invariant).
		if (
			this.parent === undefined &&
			typeof key === 'string' &&
			nested.has(key) &&
			isObject(value) &&
			!Object.isFrozen(object)
		) {
			return this.recorder.within(key, value);
		}

		this.recorder.record(this.parent, key, value);
		return value;
	}

	has(object: object, key: string | symbol): boolean {
		this.recorder.record(this.parent, key, Reflect.get(object, key));
		return Reflect.has(object, key);
	}

	ownKeys(object: object): ArrayLike<string | symbol> {
		this.recorder.whole = true;
		return Reflect.ownKeys(object);
	}

	getOwnPropertyDescriptor(object: object, key: string | symbol): PropertyDescriptor | undefined {
		this.recorder.record(this.parent, key, Reflect.get(object, key));
		return Reflect.getOwnPropertyDescriptor(object, key);
	}
}
