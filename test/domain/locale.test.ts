import {describe, expect, it} from 'vitest';
import {isUtf8Locale, type LocaleEnvironment} from '../../source/domain/locale.js';

describe('isUtf8Locale', () => {
	it.each<[LocaleEnvironment, boolean]>([
		[{LANG: 'en_US.UTF-8'}, true],
		[{LANG: 'C.utf8'}, true],
		[{LANG: 'C'}, false],
		[{LANG: 'POSIX'}, false],
		[{LANG: 'en_US.ISO-8859-1'}, false],
		// LC_ALL overrides the others, whatever they say.
		[{LC_ALL: 'C', LANG: 'C.UTF-8'}, false],
		[{LC_ALL: 'C', LC_CTYPE: 'en_US.UTF-8', LANG: 'en_US.UTF-8'}, false],
		[{LC_ALL: 'en_US.UTF-8', LANG: 'C'}, true],
		// LC_CTYPE (the character set) overrides LANG.
		[{LC_CTYPE: 'C', LANG: 'en_US.UTF-8'}, false],
		[{LC_CTYPE: 'UTF-8', LANG: 'C'}, true],
		// Set but empty counts as unset.
		[{LC_ALL: '', LANG: 'C'}, false],
		[{}, true],
	])('%j: UTF-8 %s', (env, expected) => {
		expect(isUtf8Locale(env)).toBe(expected);
	});
});
