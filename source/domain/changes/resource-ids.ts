// The resources an event names, so a change can be matched to the LB's path without knowing each
// API's parameter names: ids and ARNs are recognisable by shape wherever they sit in the record.
import {sanitizeText} from '../sanitize.js';
import type {RawCloudTrailResource} from './raw-event.js';

/** EC2 resource ids lbtop can match against its topology (security groups, rules, NACLs, ENIs...). */
const ec2IdPattern = /^(?:sg|sgr|acl|aclassoc|eni|subnet|vpc|i|fl|pl|rtb)-[0-9a-z]{4,32}$/;
/** IP targets are registered by address, so an address under `targets[].id` names a target. */
const ipv4Pattern = /^(?:\d{1,3}\.){3}\d{1,3}$/;
/** Bounds the walk over attacker-sized records; the ids that matter sit near the top. */
const maxDepth = 8;
const maxNodes = 2000;
const maxResources = 64;

export function collectResourceIds(
	lookupResources: readonly RawCloudTrailResource[] | undefined,
	...sections: readonly unknown[]
): string[] {
	const found = new Set<string>();
	for (const resource of lookupResources ?? []) {
		const name = resource.ResourceName;
		if (name !== undefined && name !== '') {
			found.add(name);
		}
	}

	const budget = {nodes: 0};
	for (const section of sections) {
		walk(section, undefined, 0, found, budget);
	}

	return [...found].slice(0, maxResources).map((id) => sanitizeText(id, 512));
}

function walk(
	value: unknown,
	key: string | undefined,
	depth: number,
	found: Set<string>,
	budget: {nodes: number},
): void {
	budget.nodes += 1;
	if (budget.nodes > maxNodes || depth > maxDepth) {
		return;
	}

	if (typeof value === 'string') {
		if (isResourceId(value, key)) {
			found.add(value);
		}

		return;
	}

	if (Array.isArray(value)) {
		for (const item of value) {
			walk(item, key, depth + 1, found, budget);
		}

		return;
	}

	if (typeof value === 'object' && value !== null) {
		for (const [childKey, child] of Object.entries(value)) {
			walk(child, childKey, depth + 1, found, budget);
		}
	}
}

function isResourceId(value: string, key: string | undefined): boolean {
	if (value.startsWith('arn:aws') && value.length <= 2048) {
		return true;
	}

	return ec2IdPattern.test(value) || (key === 'id' && ipv4Pattern.test(value));
}
