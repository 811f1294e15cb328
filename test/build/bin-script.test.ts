// The package's bin is a shell script that runs the bundle on Node with lbtop's start-up flags and
// malloc settings. It must find the bundle through the links npm makes to it, hand Node every
// argument as it was given, keep a setting the user made, and leave lbtop's exit code as lbtop set
// it.
import {spawnSync} from 'node:child_process';
import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {binScript} from '../../build/bin-script.js';
import {startupEnvironment, startupFlags} from '../../source/heap-settings.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const builtBin = join(root, 'dist/bin/lbtop');
const scratch = mkdtempSync(join(tmpdir(), 'lbtop-bin-'));

/** A stand-in `node` to put first on the PATH: it prints what it was given, one argument a line. */
function fakeNode(): string {
	const dir = join(scratch, 'fake-node');
	mkdirSync(dir, {recursive: true});
	writeFileSync(join(dir, 'node'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n');
	chmodSync(join(dir, 'node'), 0o755);
	return `${dir}:${process.env.PATH ?? ''}`;
}

/** A stand-in `node` that prints, a line each, `name=value` (or `name unset`) for `names`. */
function environmentNode(names: readonly string[]): string {
	const dir = join(scratch, 'environment-node');
	mkdirSync(dir, {recursive: true});
	const lines = names.map(
		(name) =>
			`if [ -z "\${${name}+set}" ]; then echo '${name} unset'; else printf '%s\\n' "${name}=$${name}"; fi`,
	);
	writeFileSync(join(dir, 'node'), ['#!/bin/sh', ...lines, ''].join('\n'));
	chmodSync(join(dir, 'node'), 0o755);
	return `${dir}:${process.env.PATH ?? ''}`;
}

afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

/** A global install's layout: the bin linked from another directory, by an absolute link. */
function linkedBin(name: string, target: string): string {
	const bin = join(scratch, name, 'bin');
	mkdirSync(bin, {recursive: true});
	const link = join(bin, 'lbtop');
	symlinkSync(target, link);
	return link;
}

/** The environment without lbtop's malloc settings, as a user's shell usually has it. */
function userEnvironment(): NodeJS.ProcessEnv {
	const env = {...process.env};
	for (const name of Object.keys(startupEnvironment)) {
		delete env[name];
	}

	return env;
}

function run(
	command: string,
	arguments_: readonly string[],
	path = process.env.PATH ?? '',
	set: Readonly<Record<string, string>> = {},
) {
	return spawnSync(command, arguments_, {
		encoding: 'utf8',
		env: {...userEnvironment(), ...set, PATH: path},
	});
}

describe("the package's bin", () => {
	it('is the script build/bundle.ts writes, executable, and what package.json names', () => {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
			bin: Record<string, string>;
		};
		expect(manifest.bin.lbtop).toBe('dist/bin/lbtop');
		expect(readFileSync(builtBin, 'utf8')).toBe(binScript(startupFlags, startupEnvironment));
		const version = run(builtBin, ['--version']);
		expect(version.status).toBe(0);
		expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
	});

	it('runs lbtop through an absolute link and a relative link to that link, as npm makes them', () => {
		const absolute = linkedBin('global', builtBin);
		const relativeDir = join(scratch, 'local', '.bin');
		mkdirSync(relativeDir, {recursive: true});
		const relative = join(relativeDir, 'lbtop');
		symlinkSync('../../global/bin/lbtop', relative);
		for (const bin of [absolute, relative]) {
			const result = run(bin, ['--version']);
			expect(result.status).toBe(0);
			expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
		}
	});

	it("leaves lbtop's exit code and messages as lbtop set them", () => {
		const result = run(builtBin, ['--windw', '5m']);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('--window');
	});

	it('hands Node the start-up flags, then the bundle beside it, then every argument unchanged', () => {
		const link = linkedBin('args', builtBin);
		const given = ['demo-nlb', '--window', '1h', 'two words', "it's", '$HOME', '*'];
		const result = run(link, given, fakeNode());
		expect(result.status).toBe(0);
		expect(result.stdout.split('\n').slice(0, -1)).toEqual([
			...startupFlags,
			join(dirname(builtBin), 'lbtop.js'),
			...given,
		]);
	});

	it('hands Node a flag exactly, whatever characters it holds', () => {
		const dir = join(scratch, 'quoted');
		mkdirSync(dir, {recursive: true});
		const flag = `--a='b c' "$d" \\`;
		writeFileSync(join(dir, 'lbtop'), binScript([flag]));
		chmodSync(join(dir, 'lbtop'), 0o755);
		const result = run(join(dir, 'lbtop'), [], fakeNode());
		expect(result.stdout.split('\n')[0]).toBe(flag);
	});

	it("sets lbtop's malloc settings where the user has none, and keeps the user's own", () => {
		const names = Object.keys(startupEnvironment);
		expect(names.length).toBeGreaterThan(0);
		const path = environmentNode(names);
		const lbtops = run(builtBin, [], path);
		expect(lbtops.stdout.split('\n').slice(0, -1)).toEqual(
			Object.entries(startupEnvironment).map(([name, value]) => `${name}=${value}`),
		);
		for (const name of names) {
			for (const own of ['8', '']) {
				const users = run(builtBin, [], path, {[name]: own});
				expect(users.stdout).toContain(`${name}=${own}\n`);
			}
		}
	});

	it('sets a value exactly, whatever characters it holds, and refuses a name the shell cannot set', () => {
		const dir = join(scratch, 'valued');
		mkdirSync(dir, {recursive: true});
		const value = `a='b c' "$d" \\ \`x\``;
		writeFileSync(join(dir, 'lbtop'), binScript([], {LBTOP_TEST_VALUE: value}));
		chmodSync(join(dir, 'lbtop'), 0o755);
		const result = run(join(dir, 'lbtop'), [], environmentNode(['LBTOP_TEST_VALUE']));
		expect(result.stdout).toBe(`LBTOP_TEST_VALUE=${value}\n`);
		expect(() => binScript([], {'A;rm -rf x': '1'})).toThrow(/not an environment variable name/);
	});
});
