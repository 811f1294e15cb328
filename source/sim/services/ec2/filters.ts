// EC2's `Filter.N.Name` / `Filter.N.Value.M` semantics: filters AND together, a filter's values OR
// together, values may use the wildcards `*` (any run) and `?` (one character), `\` escapes them.
import {SimError} from '../../context.js';
import type {Params} from '../../protocol/params.js';
import type {Tag} from '../../world/types.js';

/** The values an item has for one filter name (several for multi-valued fields such as group-id). */
export type FilterFields<T> = Readonly<
	Record<string, (item: T) => readonly (string | number | boolean | undefined)[]>
>;

export type Filter = {readonly name: string; readonly patterns: readonly RegExp[]};

export function wildcardPattern(value: string): RegExp {
	let source = '';
	for (let index = 0; index < value.length; index++) {
		const character = value[index] ?? '';
		if (character === '\\' && index + 1 < value.length) {
			index++;
			source += escapeRegExp(value[index] ?? '');
		} else if (character === '*') {
			source += '[\\s\\S]*';
		} else if (character === '?') {
			source += '[\\s\\S]';
		} else {
			source += escapeRegExp(character);
		}
	}
	return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export function readFilters(params: Params): Filter[] {
	return params
		.objects('Filter')
		.map((filter) => ({
			name: filter.requiredString('Name'),
			patterns: filter.strings('Value').map(wildcardPattern),
		}))
		.filter((filter) => filter.patterns.length > 0);
}

function tagValues(tags: readonly Tag[], name: string): readonly string[] | undefined {
	if (name === 'tag-key') {
		return tags.map((tag) => tag.key);
	}
	if (name === 'tag-value') {
		return tags.map((tag) => tag.value);
	}
	if (name.startsWith('tag:')) {
		const key = name.slice('tag:'.length);
		return tags.filter((tag) => tag.key === key).map((tag) => tag.value);
	}
	return undefined;
}

export function applyFilters<T>(
	items: readonly T[],
	filters: readonly Filter[],
	fields: FilterFields<T>,
	tagsOf: (item: T) => readonly Tag[] = () => [],
): T[] {
	for (const {name} of filters) {
		if (!Object.hasOwn(fields, name) && tagValues([], name) === undefined) {
			throw new SimError('InvalidParameterValue', `The filter '${name}' is invalid`);
		}
	}
	return items.filter((item) =>
		filters.every(({name, patterns}) => {
			const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
			const values =
				field === undefined
					? (tagValues(tagsOf(item), name) ?? [])
					: field(item).flatMap((value) => (value === undefined ? [] : [String(value)]));
			return values.some((value) => patterns.some((pattern) => pattern.test(value)));
		}),
	);
}
