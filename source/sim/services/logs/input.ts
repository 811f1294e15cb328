// Readers for request members. A member of the wrong type answers the same error AWS gives for
// a request that fails validation, instead of letting a stray value reach the handlers.
import type {JsonObject, JsonValue} from '../../context.js';
import {SimError} from '../../context.js';

export type InputReader = {
	readonly optionalString: (name: string) => string | undefined;
	readonly requiredString: (name: string) => string;
	readonly optionalNumber: (name: string) => number | undefined;
	readonly requiredNumber: (name: string) => number;
	readonly optionalBoolean: (name: string) => boolean | undefined;
	readonly optionalStringList: (name: string) => readonly string[] | undefined;
	readonly optionalObjectList: (name: string) => readonly JsonObject[] | undefined;
};

function isObject(value: JsonValue): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function invalidValue(name: string, constraint: string, code: string): SimError {
	return new SimError(
		code,
		`1 validation error detected: Value at '${name}' failed to satisfy constraint: ${constraint}`,
	);
}

/** `code` is the service's validation error (`InvalidParameterException` for Logs). */
export function readInput(input: JsonObject, code: string): InputReader {
	const present = (name: string): JsonValue | undefined => {
		const value = input[name];
		return value === null ? undefined : value;
	};
	const missing = (name: string) =>
		new SimError(
			code,
			`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
		);

	const optionalString = (name: string) => {
		const value = present(name);
		if (value === undefined) return undefined;
		if (typeof value !== 'string') throw invalidValue(name, 'Member must be a string', code);
		return value;
	};
	const optionalNumber = (name: string) => {
		const value = present(name);
		if (value === undefined) return undefined;
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw invalidValue(name, 'Member must be a number', code);
		}
		return value;
	};

	return {
		optionalString,
		requiredString(name) {
			const value = optionalString(name);
			if (value === undefined) throw missing(name);
			return value;
		},
		optionalNumber,
		requiredNumber(name) {
			const value = optionalNumber(name);
			if (value === undefined) throw missing(name);
			return value;
		},
		optionalBoolean(name) {
			const value = present(name);
			if (value === undefined) return undefined;
			if (typeof value !== 'boolean') throw invalidValue(name, 'Member must be a boolean', code);
			return value;
		},
		optionalStringList(name) {
			const value = present(name);
			if (value === undefined) return undefined;
			const list: readonly JsonValue[] = Array.isArray(value) ? value : [];
			if (!Array.isArray(value) || !list.every((item) => typeof item === 'string')) {
				throw invalidValue(name, 'Member must be a list of strings', code);
			}
			return list.filter((item) => typeof item === 'string');
		},
		optionalObjectList(name) {
			const value = present(name);
			if (value === undefined) return undefined;
			const list: readonly JsonValue[] = Array.isArray(value) ? value : [];
			if (!Array.isArray(value) || !list.every((item) => isObject(item))) {
				throw invalidValue(name, 'Member must be a list of structures', code);
			}
			return list.filter((item) => isObject(item));
		},
	};
}

/** Rejects a limit outside [min, max] the way the AWS validators word it. */
export function checkRange(
	name: string,
	value: number | undefined,
	min: number,
	max: number,
	code: string,
): void {
	if (value === undefined) return;
	if (!Number.isInteger(value) || value < min) {
		throw invalidValue(name, `Member must have value greater than or equal to ${min}`, code);
	}
	if (value > max) {
		throw invalidValue(name, `Member must have value less than or equal to ${max}`, code);
	}
}
