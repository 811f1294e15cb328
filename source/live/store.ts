// Live state outside React: sources write their slice, the UI reads with useSyncExternalStore.
// Listeners hear only real changes, so an idle screen is not redrawn (and nothing crosses SSH).
import type {Snapshot} from '../domain/snapshot.js';
import {sameJson} from './same-content.js';

export type Listener = () => void;

export class SnapshotStore {
	private current: Snapshot;
	private readonly listeners = new Set<Listener>();

	/**
	 * @param derive recomputes what follows from the data (the findings) on every write, so no
	 * source can forget to and no reader sees findings that disagree with the data beside them.
	 */
	constructor(
		initial: Snapshot,
		private readonly derive: (snapshot: Snapshot) => Snapshot = (snapshot) => snapshot,
	) {
		this.current = derive(initial);
	}

	readonly getSnapshot = (): Snapshot => this.current;

	readonly subscribe = (listener: Listener): (() => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	get listenerCount(): number {
		return this.listeners.size;
	}

	/** Applies `change`; listeners run only when the result differs from what is held. */
	update(change: (snapshot: Snapshot) => Snapshot): void {
		const changed = change(this.current);
		if (changed === this.current) {
			return;
		}
		const next = this.derive(changed);
		if (sameContent(next, this.current)) {
			return;
		}
		this.current = next;
		for (const listener of [...this.listeners]) {
			listener();
		}
	}
}

// generatedAt moves on every write; it is not a change a user could see.
function sameContent(a: Snapshot, b: Snapshot): boolean {
	return sameJson({...a, generatedAt: 0}, {...b, generatedAt: 0});
}
