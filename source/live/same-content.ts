// Whether two values would serialize to equal JSON, without serializing them. Snapshots share most
// of their structure from one write to the next, so a shared reference answers at once and only
// the parts a write replaced are walked. (Building the whole snapshot's JSON twice per write,
// megabytes at a busy load balancer, was the engine's largest allocation.) Key order is ignored:
// it is not something a reader of the snapshot can see.

type Plain = Readonly<Record<string, unknown>>;

export function sameJson(left: unknown, right: unknown): boolean {
	if (left === right) {
		return true;
	}

	if (!isObject(left) || !isObject(right)) {
		return isObject(left) || isObject(right) ? false : samePrimitive(left, right);
	}

	if (hasToJson(left) || hasToJson(right)) {
		return JSON.stringify(left) === JSON.stringify(right);
	}

	if (Array.isArray(left) || Array.isArray(right)) {
		return Array.isArray(left) && Array.isArray(right) && sameArrays(left, right);
	}

	return samePlain(left, right);
}

function sameArrays(left: readonly unknown[], right: readonly unknown[]): boolean {
	if (left.length !== right.length) {
		return false;
	}

	for (let index = 0; index < left.length; index++) {
		// In an array, JSON writes a value it would leave out of an object as null.
		if (!sameJson(inArray(left[index]), inArray(right[index]))) {
			return false;
		}
	}

	return true;
}

function samePlain(left: Plain, right: Plain): boolean {
	let leftCount = 0;
	for (const key of Object.keys(left)) {
		const value = left[key];
		if (absent(value)) {
			continue;
		}

		leftCount++;
		if (!Object.hasOwn(right, key) || !sameJson(value, right[key])) {
			return false;
		}
	}

	let rightCount = 0;
	for (const key of Object.keys(right)) {
		if (!absent(right[key])) {
			rightCount++;
		}
	}

	return leftCount === rightCount;
}

/** As JSON writes them: non-finite numbers are null; undefined, functions, symbols are left out. */
function samePrimitive(left: unknown, right: unknown): boolean {
	if (nullLike(left) && nullLike(right)) {
		return true;
	}

	return absent(left) && absent(right);
}

function inArray(value: unknown): unknown {
	return absent(value) ? null : value;
}

function isObject(value: unknown): value is Plain {
	return typeof value === 'object' && value !== null;
}

function hasToJson(value: Plain): boolean {
	return typeof value.toJSON === 'function';
}

function absent(value: unknown): boolean {
	return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function nullLike(value: unknown): boolean {
	return value === null || (typeof value === 'number' && !Number.isFinite(value));
}
