// Fields a query sets (fields/display results, parse captures) get a numbered slot, so event rows
// keep them in a small array instead of a map per event, and compiled reads skip the name lookup.
import type {Command} from './ast.js';

export class FieldSlots {
	private readonly byName = new Map<string, number>();

	static of(commands: readonly Command[]): FieldSlots {
		const slots = new FieldSlots();
		for (const command of commands) {
			const names =
				command.kind === 'parse'
					? command.names
					: command.kind === 'fields' || command.kind === 'display'
						? command.items.map((item) => item.name)
						: [];
			for (const name of names) {
				slots.add(name);
			}
		}
		return slots;
	}

	get count(): number {
		return this.byName.size;
	}

	/** The slot of `name`, or -1 when no command sets it. */
	slotOf(name: string): number {
		return this.byName.get(name) ?? -1;
	}

	private add(name: string): void {
		if (!this.byName.has(name)) {
			this.byName.set(name, this.byName.size);
		}
	}
}
