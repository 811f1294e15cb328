// Reads the shared config files the SDK reads (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, or
// their defaults under ~/.aws) for the names of their profiles; values stay unread by lbtop.
import {readFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {missingProfileMessage, type ProfileFile} from '../domain/aws-profiles.js';

async function readOrEmpty(path: string): Promise<string> {
	try {
		return await readFile(path, 'utf8');
	} catch {
		return '';
	}
}

function filled(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

export async function profileFiles(env: NodeJS.ProcessEnv): Promise<ProfileFile[]> {
	const configPath = filled(env.AWS_CONFIG_FILE) ?? join(homedir(), '.aws', 'config');
	const credentialsPath =
		filled(env.AWS_SHARED_CREDENTIALS_FILE) ?? join(homedir(), '.aws', 'credentials');
	return [
		{path: configPath, kind: 'config', text: await readOrEmpty(configPath)},
		{path: credentialsPath, kind: 'credentials', text: await readOrEmpty(credentialsPath)},
	];
}

/**
 * The problem with the profile lbtop is asked to use (`--profile`, else AWS_PROFILE), if it does
 * not exist; undefined when none is asked for or it exists.
 */
export async function profileProblem(
	flagProfile: string | undefined,
	env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
	const fromEnv = filled(env.AWS_PROFILE);
	const profile = filled(flagProfile) ?? fromEnv;
	if (profile === undefined) {
		return undefined;
	}
	return missingProfileMessage(
		profile,
		filled(flagProfile) === undefined ? 'AWS_PROFILE' : '--profile',
		await profileFiles(env),
	);
}
