// "Did you mean …": an unknown load balancer name lists the closest names in the region.

function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + cost,
			);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}

export function closestNames(wanted: string, candidates: readonly string[], count = 3): string[] {
	const lower = wanted.toLowerCase();
	return candidates
		.map((name) => {
			const candidate = name.toLowerCase();
			const contains = candidate.includes(lower) || lower.includes(candidate);
			// A name that contains what was typed (or the reverse) is a strong hint whatever its length.
			return {name, score: contains ? 1 : editDistance(lower, candidate)};
		})
		.filter((entry) => entry.score <= Math.max(2, Math.floor(wanted.length / 3)))
		.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
		.slice(0, count)
		.map((entry) => entry.name);
}
