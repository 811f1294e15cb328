// Whether the terminal's locale can show UTF-8, as the C library decides it: the first of LC_ALL,
// LC_CTYPE and LANG that is set wins (LC_ALL=C overrides LANG=en_US.UTF-8), and only a UTF-8
// codeset draws box characters, sparklines and `…`. Everything else gets ASCII, as with --ascii.

export type LocaleEnvironment = {
	readonly LC_ALL?: string | undefined;
	readonly LC_CTYPE?: string | undefined;
	readonly LANG?: string | undefined;
};

export function isUtf8Locale(env: LocaleEnvironment): boolean {
	const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find(
		(value) => value !== undefined && value !== '',
	);
	// No locale at all: terminals reached over SSH and containers often set none while drawing
	// UTF-8 fine; --ascii is there for the ones that cannot.
	if (locale === undefined) {
		return true;
	}
	return /utf-?8/i.test(locale);
}
