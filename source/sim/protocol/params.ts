// Reads an operation's input leniently across protocols: query parameters arrive as strings
// (`"5"`, `"true"`, ISO dates), AWS JSON as typed values (numbers, epoch seconds). Invalid or
// missing values raise the service's own validation error codes.
import {type JsonObject, type JsonValue, SimError} from '../context.js';

export type ParamErrorCodes = {
	/** e.g. `ValidationError` (ELBv2), `InvalidParameterValue` (EC2, CloudWatch). */
	readonly invalid: string;
	/** e.g. `ValidationError` (ELBv2), `MissingParameter` (EC2, CloudWatch). */
	readonly missing: string;
};

function isObject(value: JsonValue | undefined): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Params {
	constructor(
		private readonly input: JsonObject,
		readonly codes: ParamErrorCodes,
		private readonly path = '',
	) {}

	invalid(name: string, detail: string): SimError {
		return new SimError(this.codes.invalid, `Invalid value for ${this.pathOf(name)}: ${detail}`);
	}

	missing(name: string): SimError {
		return new SimError(this.codes.missing, `The parameter ${this.pathOf(name)} is required.`);
	}

	has(name: string): boolean {
		const value = this.input[name];
		return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
	}

	string(name: string): string | undefined {
		const value = this.input[name];
		if (value === undefined || value === null) {
			return undefined;
		}
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
			return String(value);
		}
		throw this.invalid(name, 'expected a string');
	}

	requiredString(name: string): string {
		const value = this.string(name);
		if (value === undefined || value === '') {
			throw this.missing(name);
		}
		return value;
	}

	number(name: string): number | undefined {
		const value = this.input[name];
		if (value === undefined || value === null || value === '') {
			return undefined;
		}
		const parsed = typeof value === 'number' ? value : Number(value);
		if ((typeof value !== 'number' && typeof value !== 'string') || Number.isNaN(parsed)) {
			throw this.invalid(name, 'expected a number');
		}
		return parsed;
	}

	integer(name: string, range?: {readonly min: number; readonly max: number}): number | undefined {
		const value = this.number(name);
		if (value === undefined) {
			return undefined;
		}
		if (!Number.isInteger(value)) {
			throw this.invalid(name, 'expected an integer');
		}
		if (range !== undefined && (value < range.min || value > range.max)) {
			throw this.invalid(name, `must be between ${range.min} and ${range.max}`);
		}
		return value;
	}

	boolean(name: string): boolean | undefined {
		const value = this.input[name];
		if (value === undefined || value === null || value === '') {
			return undefined;
		}
		if (value === true || value === 'true') {
			return true;
		}
		if (value === false || value === 'false') {
			return false;
		}
		throw this.invalid(name, 'expected true or false');
	}

	/** Unix ms. Accepts epoch seconds (AWS JSON) and ISO 8601 (query protocols). */
	time(name: string): number | undefined {
		const value = this.input[name];
		if (value === undefined || value === null || value === '') {
			return undefined;
		}
		if (typeof value === 'number') {
			return value * 1000;
		}
		if (typeof value === 'string') {
			const parsed = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
			if (!Number.isNaN(parsed)) {
				return parsed;
			}
		}
		throw this.invalid(name, 'expected a timestamp');
	}

	requiredTime(name: string): number {
		const value = this.time(name);
		if (value === undefined) {
			throw this.missing(name);
		}
		return value;
	}

	private list(name: string): readonly JsonValue[] {
		const value = this.input[name];
		// The query serializers send `Name=` for an empty list.
		if (value === undefined || value === null || value === '') {
			return [];
		}
		if (Array.isArray(value)) {
			return value;
		}
		throw this.invalid(name, 'expected a list');
	}

	strings(name: string): string[] {
		return this.list(name).map((item, index) => {
			if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
				return String(item);
			}
			throw this.invalid(`${name}.${index + 1}`, 'expected a string');
		});
	}

	numbers(name: string): number[] {
		return this.list(name).map((item, index) => {
			const parsed = typeof item === 'number' ? item : Number(item);
			if ((typeof item !== 'number' && typeof item !== 'string') || Number.isNaN(parsed)) {
				throw this.invalid(`${name}.${index + 1}`, 'expected a number');
			}
			return parsed;
		});
	}

	objects(name: string): Params[] {
		return this.list(name).map((item, index) => {
			if (!isObject(item)) {
				throw this.invalid(`${name}.${index + 1}`, 'expected a structure');
			}
			return new Params(item, this.codes, this.pathOf(`${name}.${index + 1}`));
		});
	}

	object(name: string): Params | undefined {
		const value = this.input[name];
		if (value === undefined || value === null || value === '') {
			return undefined;
		}
		if (!isObject(value)) {
			throw this.invalid(name, 'expected a structure');
		}
		return new Params(value, this.codes, this.pathOf(name));
	}

	private pathOf(name: string): string {
		return this.path === '' ? name : `${this.path}.${name}`;
	}
}
