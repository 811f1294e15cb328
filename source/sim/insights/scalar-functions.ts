// Non-aggregate functions, on already evaluated arguments. Missing inputs give missing results,
// except where a function exists to test for them (ispresent, isempty, isblank, coalesce).
import {isIpv4InSubnet, isIpv6InSubnet, isValidIpv4, isValidIpv6} from './ip-functions.js';
import {compareValues, TimeValue, textOf, toNumber, type Value} from './values.js';

type ScalarFunction = (args: readonly Value[]) => Value;

const numeric =
	(operation: (value: number) => number): ScalarFunction =>
	([value]) => {
		const number = toNumber(value);
		const result = number === undefined ? undefined : operation(number);
		return result !== undefined && Number.isFinite(result) ? result : undefined;
	};

const text =
	(operation: (value: string, ...rest: string[]) => Value): ScalarFunction =>
	(args) => {
		const [first, ...rest] = args;
		return first === undefined ? undefined : operation(textOf(first), ...rest.map(textOf));
	};

const extreme =
	(pickLater: (order: number) => boolean): ScalarFunction =>
	(args) => {
		let best: Value;
		for (const arg of args) {
			const order = compareValues(arg, best);
			if (best === undefined || (order !== undefined && pickLater(order))) {
				best = arg === undefined ? best : arg;
			}
		}
		return best;
	};

function trimmer(fromStart: boolean, fromEnd: boolean): ScalarFunction {
	return text((value, characters) => {
		const set = characters === undefined ? undefined : new Set(characters);
		const strip = (c: string | undefined): boolean =>
			c !== undefined && (set === undefined ? /\s/.test(c) : set.has(c));
		let start = 0;
		let end = value.length;
		while (fromStart && start < end && strip(value[start])) {
			start++;
		}
		while (fromEnd && end > start && strip(value[end - 1])) {
			end--;
		}
		return value.slice(start, end);
	});
}

const ipTest =
	(test: (address: string, cidr: string) => boolean): ScalarFunction =>
	([address, cidr]) =>
		address === undefined ? false : test(textOf(address), textOf(cidr));

export const scalarFunctions: Readonly<Record<string, ScalarFunction>> = {
	abs: numeric(Math.abs),
	ceil: numeric(Math.ceil),
	floor: numeric(Math.floor),
	log: numeric(Math.log),
	sqrt: numeric(Math.sqrt),
	greatest: extreme((order) => order > 0),
	least: extreme((order) => order < 0),
	ispresent: ([value]) => value !== undefined,
	isempty: ([value]) => value === undefined || textOf(value) === '',
	isblank: ([value]) => value === undefined || textOf(value).trim() === '',
	coalesce: (args) => args.find((arg) => arg !== undefined),
	concat: (args) => args.map(textOf).join(''),
	ltrim: trimmer(true, false),
	rtrim: trimmer(false, true),
	trim: trimmer(true, true),
	strlen: text((value) => [...value].length),
	toupper: text((value) => value.toUpperCase()),
	tolower: text((value) => value.toLowerCase()),
	substr: ([value, start, length]) => {
		const from = toNumber(start);
		const count = length === undefined ? undefined : toNumber(length);
		if (value === undefined || from === undefined) {
			return undefined;
		}
		const characters = [...textOf(value)];
		const end = count === undefined ? characters.length : from + count;
		return characters.slice(from, end).join('');
	},
	replace: text((value, search, replacement) =>
		search === undefined || search === '' ? value : value.split(search).join(replacement ?? ''),
	),
	strcontains: text((value, search) => (value.includes(search ?? '') ? 1 : 0)),
	frommillis: ([value]) => {
		const ms = toNumber(value);
		return ms === undefined ? undefined : new TimeValue(ms);
	},
	tomillis: ([value]) => toNumber(value),
	isvalidip: ([value]) =>
		value !== undefined && (isValidIpv4(textOf(value)) || isValidIpv6(textOf(value))),
	isvalidipv4: ([value]) => value !== undefined && isValidIpv4(textOf(value)),
	isvalidipv6: ([value]) => value !== undefined && isValidIpv6(textOf(value)),
	isipinsubnet: ipTest(
		(address, cidr) => isIpv4InSubnet(address, cidr) || isIpv6InSubnet(address, cidr),
	),
	isipv4insubnet: ipTest(isIpv4InSubnet),
	isipv6insubnet: ipTest(isIpv6InSubnet),
};
