// The bundle's patches of dependencies' files are exact text edits: each `from` must be found once
// in the file as installed, or the file is not the one the patch was written and checked against.

export type Edit = {readonly from: string; readonly to: string};

/** `source` with every edit made in order; throws `mismatch(from)` when a `from` is not found once. */
export function applyEdits(
	source: string,
	edits: readonly Edit[],
	mismatch: (from: string) => string,
): string {
	let patched = source;
	for (const {from, to} of edits) {
		if (patched.split(from).length !== 2) {
			throw new Error(mismatch(from));
		}
		patched = patched.replace(from, () => to);
	}
	return patched;
}
