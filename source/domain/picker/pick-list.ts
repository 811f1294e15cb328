// The load balancer picker's rows: what `lbtop` with no name offers, filtered as the user types.

export type PickEntry = {
	readonly name: string;
	readonly arn: string;
	readonly type: string;
	readonly scheme: string;
	readonly state: string;
	readonly dnsName: string;
};

/** Every typed word must appear in the name, type, scheme or DNS name (case-insensitive). */
export function filterPickList(entries: readonly PickEntry[], typed: string): PickEntry[] {
	const words = typed
		.toLowerCase()
		.split(/\s+/)
		.filter((word) => word !== '');
	return entries
		.filter((entry) => {
			const haystack = `${entry.name} ${entry.type} ${entry.scheme} ${entry.dnsName}`.toLowerCase();
			return words.every((word) => haystack.includes(word));
		})
		.sort(
			(left, right) => startsFirst(left, right, words[0]) || left.name.localeCompare(right.name),
		);
}

function startsFirst(left: PickEntry, right: PickEntry, word: string | undefined): number {
	if (word === undefined) {
		return 0;
	}
	return (
		Number(right.name.toLowerCase().startsWith(word)) -
		Number(left.name.toLowerCase().startsWith(word))
	);
}

/** The window of rows to show so the selection stays visible. */
export function visibleSlice(
	count: number,
	selected: number,
	height: number,
): {readonly start: number; readonly end: number} {
	if (count <= height) {
		return {start: 0, end: count};
	}
	const start = Math.min(Math.max(0, selected - Math.floor(height / 2)), count - height);
	return {start, end: start + height};
}
