// Reading an untrusted JSON scenario: every accessor checks the type, reports problems with the
// path of the bad field (`loadBalancers[0].listeners[1].port: expected a number`) and returns
// undefined instead of throwing, so one run lists every problem at once.
import type {JsonValue} from '../context.js';
import {parseScenarioTime, timeHint} from './time.js';

export class ScenarioError extends Error {
	constructor(
		readonly issues: readonly string[],
		readonly source = 'scenario',
	) {
		const shown = issues.slice(0, 50).map((issue) => `  ${issue}`);
		const more =
			issues.length > shown.length ? [`  ... and ${issues.length - shown.length} more`] : [];
		const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
		super([`invalid ${source}: ${count}`, ...shown, ...more].join('\n'));
		this.name = 'ScenarioError';
	}
}

export type ObjectNode = {
	readonly path: string;
	readonly fields: Readonly<Record<string, unknown>>;
};

export function childPath(path: string, key: string): string {
	return path === '' ? key : `${path}.${key}`;
}

function describe(value: unknown): string {
	if (value === null) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return 'an array';
	}
	if (typeof value === 'string') {
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return `a string (${JSON.stringify(shown)})`;
	}
	if (typeof value === 'object') {
		return 'an object';
	}
	return `${typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : typeof value} (${String(value)})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type StringOptions = {
	readonly oneOf?: readonly string[];
	readonly pattern?: RegExp;
	/** Shown when the pattern does not match: "an id like \"vpc-0a1b2c3d\"". */
	readonly patternHint?: string;
};

type NumberOptions = {
	readonly integer?: boolean;
	readonly min?: number;
	readonly max?: number;
};

export class ScenarioReader {
	readonly issues: string[] = [];

	constructor(readonly now: number) {}

	report(path: string, message: string): undefined {
		this.issues.push(`${path === '' ? '(top level)' : path}: ${message}`);
		return undefined;
	}

	/** An object with only the `allowed` keys; unknown keys are reported (they are usually typos). */
	object(value: unknown, path: string, allowed: readonly string[]): ObjectNode | undefined {
		if (!isRecord(value)) {
			return this.report(path, `expected an object, got ${describe(value)}`);
		}
		for (const key of Object.keys(value)) {
			if (!allowed.includes(key)) {
				this.report(childPath(path, key), `unknown field (known fields: ${allowed.join(', ')})`);
			}
		}
		return {path, fields: value};
	}

	has(node: ObjectNode, key: string): boolean {
		return node.fields[key] !== undefined;
	}

	private missing(node: ObjectNode, key: string): undefined {
		return this.report(childPath(node.path, key), 'is required');
	}

	checkString(value: unknown, path: string, options: StringOptions = {}): string | undefined {
		if (typeof value !== 'string') {
			return this.report(path, `expected a string, got ${describe(value)}`);
		}
		if (options.oneOf !== undefined && !options.oneOf.includes(value)) {
			return this.report(
				path,
				`expected one of ${options.oneOf.map((item) => JSON.stringify(item)).join(', ')}, got ${JSON.stringify(value)}`,
			);
		}
		if (options.pattern !== undefined && !options.pattern.test(value)) {
			return this.report(
				path,
				`expected ${options.patternHint ?? `a string matching ${options.pattern.source}`}, got ${JSON.stringify(value)}`,
			);
		}
		return value;
	}

	string(node: ObjectNode, key: string, options: StringOptions = {}): string | undefined {
		const value = node.fields[key];
		return value === undefined
			? this.missing(node, key)
			: this.checkString(value, childPath(node.path, key), options);
	}

	optionalString(node: ObjectNode, key: string, options: StringOptions = {}): string | undefined {
		const value = node.fields[key];
		return value === undefined
			? undefined
			: this.checkString(value, childPath(node.path, key), options);
	}

	/** One of `options` (reported when it is something else), or `fallback` when absent or bad. */
	choice<T extends string>(node: ObjectNode, key: string, options: readonly T[], fallback: T): T {
		const value = this.optionalString(node, key, {oneOf: options});
		return options.find((option) => option === value) ?? fallback;
	}

	checkNumber(value: unknown, path: string, options: NumberOptions = {}): number | undefined {
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			return this.report(path, `expected a number, got ${describe(value)}`);
		}
		if (options.integer && !Number.isInteger(value)) {
			return this.report(path, `expected a whole number, got ${value}`);
		}
		if (
			(options.min !== undefined && value < options.min) ||
			(options.max !== undefined && value > options.max)
		) {
			return this.report(
				path,
				`expected a number from ${options.min ?? '-∞'} to ${options.max ?? '∞'}, got ${value}`,
			);
		}
		return value;
	}

	number(node: ObjectNode, key: string, options: NumberOptions = {}): number | undefined {
		const value = node.fields[key];
		return value === undefined
			? this.missing(node, key)
			: this.checkNumber(value, childPath(node.path, key), options);
	}

	optionalNumber(node: ObjectNode, key: string, options: NumberOptions = {}): number | undefined {
		const value = node.fields[key];
		return value === undefined
			? undefined
			: this.checkNumber(value, childPath(node.path, key), options);
	}

	optionalBoolean(node: ObjectNode, key: string): boolean | undefined {
		const value = node.fields[key];
		if (value === undefined || typeof value === 'boolean') {
			return value;
		}
		return this.report(childPath(node.path, key), `expected true or false, got ${describe(value)}`);
	}

	checkTime(value: unknown, path: string): number | undefined {
		if (typeof value !== 'string') {
			return this.report(path, `expected a time: ${timeHint}; got ${describe(value)}`);
		}
		const time = parseScenarioTime(value, this.now);
		return time === undefined
			? this.report(path, `expected a time: ${timeHint}; got ${JSON.stringify(value)}`)
			: time;
	}

	time(node: ObjectNode, key: string): number | undefined {
		const value = node.fields[key];
		return value === undefined
			? this.missing(node, key)
			: this.checkTime(value, childPath(node.path, key));
	}

	optionalTime(node: ObjectNode, key: string): number | undefined {
		const value = node.fields[key];
		return value === undefined ? undefined : this.checkTime(value, childPath(node.path, key));
	}

	/** The items of an array field, each read by `read` with its own path; absent means empty. */
	list<T>(
		node: ObjectNode,
		key: string,
		read: (value: unknown, path: string) => T | undefined,
		required = false,
	): T[] {
		const value = node.fields[key];
		const path = childPath(node.path, key);
		if (value === undefined) {
			if (required) {
				this.missing(node, key);
			}
			return [];
		}
		if (!Array.isArray(value)) {
			this.report(path, `expected an array, got ${describe(value)}`);
			return [];
		}
		const items: T[] = [];
		value.forEach((item: unknown, index) => {
			const read_ = read(item, `${path}[${index}]`);
			if (read_ !== undefined) {
				items.push(read_);
			}
		});
		return items;
	}

	stringList(node: ObjectNode, key: string, options: StringOptions = {}): string[] {
		return this.list(node, key, (value, path) => this.checkString(value, path, options));
	}

	/** `{"Name": "value"}` or `[{"key"|"name": ..., "value": ...}]`, as name/value pairs. */
	pairs(node: ObjectNode, key: string): {name: string; value: string}[] {
		const value = node.fields[key];
		const path = childPath(node.path, key);
		if (value === undefined) {
			return [];
		}
		if (Array.isArray(value)) {
			return this.list(node, key, (item, itemPath) => {
				const entry = this.object(item, itemPath, ['key', 'name', 'Key', 'Name', 'value', 'Value']);
				if (entry === undefined) {
					return undefined;
				}
				const nameKey =
					['key', 'name', 'Key', 'Name'].find((candidate) => this.has(entry, candidate)) ?? 'key';
				const name = this.string(entry, nameKey);
				const text = this.string(entry, this.has(entry, 'Value') ? 'Value' : 'value');
				return name === undefined || text === undefined ? undefined : {name, value: text};
			});
		}
		if (!isRecord(value)) {
			this.report(path, `expected an object of names to values, got ${describe(value)}`);
			return [];
		}
		return Object.entries(value).flatMap(([name, item]) => {
			const text = this.scalarText(item, childPath(path, name));
			return text === undefined ? [] : [{name, value: text}];
		});
	}

	/** ELB attribute values are strings on the wire; numbers and booleans are accepted and stringified. */
	scalarText(value: unknown, path: string): string | undefined {
		if (
			typeof value === 'string' ||
			typeof value === 'boolean' ||
			(typeof value === 'number' && Number.isFinite(value))
		) {
			return String(value);
		}
		return this.report(path, `expected a string, number or boolean, got ${describe(value)}`);
	}

	/** Any JSON value (request parameters, response elements), checked to be plain JSON. */
	optionalJson(node: ObjectNode, key: string): JsonValue | undefined {
		const value = node.fields[key];
		if (value === undefined) {
			return undefined;
		}
		return this.checkJson(value, childPath(node.path, key));
	}

	private checkJson(value: unknown, path: string): JsonValue | undefined {
		if (value === null || typeof value === 'string' || typeof value === 'boolean') {
			return value;
		}
		if (typeof value === 'number') {
			return Number.isFinite(value) ? value : this.report(path, 'expected a finite number');
		}
		if (Array.isArray(value)) {
			const items: JsonValue[] = [];
			for (const [index, item] of value.entries()) {
				const checked = this.checkJson(item, `${path}[${index}]`);
				items.push(checked ?? null);
			}
			return items;
		}
		if (isRecord(value)) {
			const result: Record<string, JsonValue> = {};
			for (const [name, item] of Object.entries(value)) {
				result[name] = this.checkJson(item, childPath(path, name)) ?? null;
			}
			return result;
		}
		return this.report(path, `expected JSON, got ${describe(value)}`);
	}
}

export const ipv4Pattern =
	/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
export const cidrPattern =
	/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(?:3[0-2]|[12]?\d)$/;

export function idPattern(prefix: string): {
	readonly pattern: RegExp;
	readonly patternHint: string;
} {
	return {
		pattern: new RegExp(`^${prefix}-[0-9a-zA-Z]+$`),
		patternHint: `an id like "${prefix}-0a1b2c3d4e5f67890"`,
	};
}

export const ipv4 = {pattern: ipv4Pattern, patternHint: 'an IPv4 address like "10.0.1.15"'};
export const cidr = {pattern: cidrPattern, patternHint: 'an IPv4 CIDR block like "10.0.0.0/16"'};

/** What every section reader needs besides its own part of the file. */
export type ScenarioScope = {
	readonly reader: ScenarioReader;
	readonly accountId: string;
	readonly region: string;
	readonly now: number;
};
