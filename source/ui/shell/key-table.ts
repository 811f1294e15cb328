// The keys as a Markdown table for the readme: generated from the keymap, and a test keeps the
// readme's copy equal to it, so the documentation cannot drift from what the keys do.
import {type Binding, contextsOf, keymap} from '../keymap.js';
import {keyLabel} from './key-help.js';

const contextNames = {
	normal: '',
	detail: 'in a detail',
	'detail-list': "in a target's requests",
	help: 'in help',
	filter: 'while filtering',
} as const;

export function keyTableMarkdown(table: readonly Binding[] = keymap): string {
	const rows = table.map((binding) => {
		const keys = binding.keys.map((key) => `\`${keyLabel(key, true)}\``).join(' ');
		// Keys of the main screen work in an open detail too; others say where they work.
		const where = contextsOf(binding).includes('normal')
			? ''
			: `${contextsOf(binding)
					.map((context) => contextNames[context])
					.join(' or ')}: `;
		return `| ${keys} | ${where}${binding.description} |`;
	});
	return ['| key | what it does |', '| --- | --- |', ...rows].join('\n');
}
