// The package's bin: a POSIX shell script that runs the bundled CLI on Node with the V8 flags V8
// reads only at start-up and the malloc settings glibc reads only at start-up
// (source/heap-settings.ts). A `#!/usr/bin/env -S node --flag` line would pass flags without a
// script, but Amazon Linux 2's and BusyBox's `env` lack `-S`; `exec` leaves one process, Node
// itself, with the script's pid, signals and exit code.

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** A setting the user has made (even to nothing) is theirs: only an unset name gets lbtop's value. */
function defaultLine(name: string, value: string): string {
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
		throw new Error(`not an environment variable name the shell can set: ${name}`);
	}

	return `if [ -z "\${${name}+set}" ]; then export ${name}=${quote(value)}; fi`;
}

/** The script that runs `lbtop.js`, beside it, with `flags` before it and `environment` by default. */
export function binScript(
	flags: readonly string[],
	environment: Readonly<Record<string, string>> = {},
): string {
	return [
		'#!/bin/sh',
		'# lbtop: runs lbtop.js, beside this script, on Node with the V8 flags it needs from start-up',
		'# and malloc settings (source/heap-settings.ts).',
		'# npm puts a link to this script on the PATH: the links are followed to find where it is.',
		'self=$0',
		'while [ -h "$self" ]; do',
		'\ttarget=$(readlink "$self")',
		'\tcase $target in',
		'\t/*) self=$target ;;',
		'\t*) self=$(dirname "$self")/$target ;;',
		'\tesac',
		'done',
		...Object.entries(environment).map(([name, value]) => defaultLine(name, value)),
		`exec node ${flags.map(quote).join(' ')} "$(dirname "$self")/lbtop.js" "$@"`,
		'',
	].join('\n');
}
