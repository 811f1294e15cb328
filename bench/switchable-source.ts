// A store whose value the benchmark swaps, the way a refresh swaps the engine's snapshot.
export class SwitchableSource<Value> {
	private readonly listeners = new Set<() => void>();

	constructor(private current: Value) {}

	readonly subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	readonly getSnapshot = () => this.current;

	set(next: Value): void {
		this.current = next;
		for (const listener of [...this.listeners]) {
			listener();
		}
	}
}
