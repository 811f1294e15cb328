// `npm test` runs lbtop in a real terminal (tmux), checks the sim against an independent AWS
// client (Debian's AWS CLI v2 at /usr/bin/aws), and runs lbtop and the sim on a clock set just
// before midnight UTC (faketime). On a fresh machine they are not there yet: as root
// with apt-get this installs them; otherwise it stops at once, before the build, saying what is
// missing and how to install it, instead of failing tests one by one minutes later.
import {spawnSync} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {delimiter, join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

export const awsCliPath = '/usr/bin/aws';

export type Found = {readonly tmux: boolean; readonly awsCli: boolean; readonly faketime: boolean};
export type Powers = {readonly root: boolean; readonly apt: boolean};

export type Plan =
	| {readonly kind: 'ready'}
	| {readonly kind: 'install'; readonly packages: readonly string[]}
	| {readonly kind: 'missing'; readonly message: string};

const why =
	'the end-to-end tests run lbtop in tmux, one of them across midnight UTC under faketime; the conformance tests check the sim against the AWS CLI';

/** The Debian packages of what `found` lacks, in a fixed order. */
function missingPackages(found: Found): string[] {
	return [
		...(found.tmux ? [] : ['tmux']),
		...(found.awsCli ? [] : ['awscli']),
		...(found.faketime ? [] : ['faketime']),
	];
}

function listText(items: readonly string[]): string {
	return items.length < 2
		? items.join('')
		: `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

export function missingMessage(packages: readonly string[], powers: Powers): string {
	const what = packages.map((name) =>
		name === 'awscli' ? `the AWS CLI v2 (${awsCliPath})` : name,
	);
	const install = powers.apt
		? `sudo apt-get install ${packages.join(' ')}`
		: `install ${listText(what)} with the system's package manager`;
	return [
		`npm test needs ${listText(what)}, which this machine does not have (${why}).`,
		`  Install, then run npm test again: ${install}`,
		'  (as root with apt-get, npm test installs what is missing itself).',
	].join('\n');
}

export function testToolsPlan(found: Found, powers: Powers): Plan {
	const packages = missingPackages(found);
	if (packages.length === 0) {
		return {kind: 'ready'};
	}
	return powers.root && powers.apt
		? {kind: 'install', packages}
		: {kind: 'missing', message: missingMessage(packages, powers)};
}

function executable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function onPath(command: string, path: string | undefined): boolean {
	return (path ?? '')
		.split(delimiter)
		.some((directory) => directory !== '' && executable(join(directory, command)));
}

function found(env: NodeJS.ProcessEnv): Found {
	return {
		tmux: onPath('tmux', env.PATH),
		awsCli: executable(awsCliPath),
		faketime: onPath('faketime', env.PATH),
	};
}

function run(command: string, args: readonly string[]): boolean {
	const result = spawnSync(command, args, {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'},
	});
	return result.status === 0;
}

function main(): number {
	const env = process.env;
	const plan = testToolsPlan(found(env), {
		root: process.getuid?.() === 0,
		apt: onPath('apt-get', env.PATH),
	});
	if (plan.kind === 'ready') {
		return 0;
	}
	if (plan.kind === 'missing') {
		process.stderr.write(`${plan.message}\n`);
		return 1;
	}
	process.stderr.write(`npm test: installing ${plan.packages.join(' ')} with apt-get (${why})\n`);
	const installed =
		run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', ...plan.packages]);
	const still = missingPackages(found(env));
	if (!installed || still.length > 0) {
		process.stderr.write(`npm test: apt-get could not install ${still.join(' ')}\n`);
		return 1;
	}
	return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	process.exitCode = main();
}
