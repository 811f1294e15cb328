// The package's bin: a POSIX shell script that runs the bundled CLI on Node with the V8 flags V8
// reads only at start-up (source/heap-settings.ts). A `#!/usr/bin/env -S node --flag` line would
// do it without a script, but Amazon Linux 2's and BusyBox's `env` lack `-S`; `exec` leaves one
// process, Node itself, with the script's pid, signals and exit code.

/** The script that runs `lbtop.js`, beside it, with `flags` before it. */
export function binScript(flags: readonly string[]): string {
	const quoted = flags.map((flag) => `'${flag.replaceAll("'", "'\\''")}'`).join(' ');
	return [
		'#!/bin/sh',
		'# lbtop: runs lbtop.js, beside this script, on Node with the V8 flags it needs from start-up.',
		'# npm puts a link to this script on the PATH: the links are followed to find where it is.',
		'self=$0',
		'while [ -h "$self" ]; do',
		'\ttarget=$(readlink "$self")',
		'\tcase $target in',
		'\t/*) self=$target ;;',
		'\t*) self=$(dirname "$self")/$target ;;',
		'\tesac',
		'done',
		`exec node ${quoted} "$(dirname "$self")/lbtop.js" "$@"`,
		'',
	].join('\n');
}
