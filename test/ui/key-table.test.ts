import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {keymap} from '../../source/ui/keymap.js';
import {keyTableMarkdown} from '../../source/ui/shell/key-table.js';

const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');

describe('the readme keys table', () => {
	it('is exactly the table generated from the keymap', () => {
		const start = readme.indexOf('<!-- keys:start -->');
		const end = readme.indexOf('<!-- keys:end -->');
		expect(start).toBeGreaterThan(-1);
		expect(readme.slice(start + '<!-- keys:start -->'.length, end).trim()).toBe(keyTableMarkdown());
	});

	it('has a row for every binding', () => {
		expect(keyTableMarkdown().split('\n')).toHaveLength(keymap.length + 2);
	});
});
