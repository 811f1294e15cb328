// Turns flattened query parameters (`Names.member.1=a`, `Filter.1.Value.2=b`) into a nested value
// shaped like the JSON input of the same operation, so one service implementation reads both.
import type {JsonObject, JsonValue} from '../context.js';

type Node = {value?: string; children?: Map<string, Node>};

function insert(root: Node, path: readonly string[], value: string): void {
	let node = root;
	for (const segment of path) {
		node.children ??= new Map();
		let child = node.children.get(segment);
		if (child === undefined) {
			child = {};
			node.children.set(segment, child);
		}
		node = child;
	}
	node.value = value;
}

const indexPattern = /^[1-9]\d*$/;

function isIndexed(children: Map<string, Node>): boolean {
	return [...children.keys()].every((key) => indexPattern.test(key));
}

function toValue(node: Node): JsonValue {
	const {children} = node;
	if (children === undefined || children.size === 0) {
		return node.value ?? '';
	}
	if (isIndexed(children)) {
		return [...children.entries()]
			.sort(([left], [right]) => Number(left) - Number(right))
			.map(([, child]) => toValue(child));
	}
	const member = children.get('member');
	if (children.size === 1 && member?.children !== undefined && isIndexed(member.children)) {
		return toValue(member);
	}
	// Object.fromEntries defines own properties, so a `__proto__` parameter stays an ordinary key.
	return Object.fromEntries([...children.entries()].map(([key, child]) => [key, toValue(child)]));
}

export function decodeQueryParameters(pairs: Iterable<readonly [string, string]>): JsonObject {
	const root: Node = {};
	for (const [key, value] of pairs) {
		if (key !== '') {
			insert(root, key.split('.'), value);
		}
	}
	const decoded = toValue(root);
	return typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded)
		? (decoded as JsonObject)
		: {};
}
