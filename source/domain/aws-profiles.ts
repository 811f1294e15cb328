// `--profile prdo`: the SDK reports a profile that does not exist as "no region" or as missing
// credentials. lbtop reads the section names (never the values) of the shared config files to say
// what the AWS CLI says: the profile does not exist, and which ones do.
import {closestNames} from './closest-names.js';

export type ProfileFile = {
	readonly path: string;
	/** `config`: `[default]` and `[profile NAME]`; `credentials`: `[NAME]`. */
	readonly kind: 'config' | 'credentials';
	/** Empty when the file is absent or unreadable. */
	readonly text: string;
};

const sectionHeader = /^\s*\[\s*([^\]]*?)\s*\]/;

/** Profile names a file defines, as the SDK reads them (other config sections are not profiles). */
export function profileNames(file: ProfileFile): string[] {
	const names: string[] = [];
	for (const line of file.text.split(/\r?\n/)) {
		const section = sectionHeader.exec(line)?.[1];
		if (section === undefined || section === '') {
			continue;
		}
		if (file.kind === 'credentials' || section === 'default') {
			names.push(section);
			continue;
		}
		const named = /^profile\s+(.+)$/.exec(section)?.[1];
		if (named !== undefined) {
			names.push(named.trim());
		}
	}
	return names;
}

/** Undefined when `profile` exists in one of `files`; else what is wrong and what to do. */
export function missingProfileMessage(
	profile: string,
	from: '--profile' | 'AWS_PROFILE',
	files: readonly ProfileFile[],
): string | undefined {
	const known = [...new Set(files.flatMap((file) => profileNames(file)))].sort();
	if (known.includes(profile)) {
		return undefined;
	}
	const where = files.map((file) => file.path).join(' or ');
	const [closest] = closestNames(profile, known, 1);
	const existing =
		known.length === 0
			? `no profile is defined there`
			: `profiles there: ${known.join(', ')}${closest === undefined ? '' : ` (did you mean ${closest}?)`}`;
	const named = from === '--profile' ? `--profile ${profile}` : `AWS_PROFILE=${profile}`;
	return `${named}: the profile "${profile}" does not exist in ${where}; ${existing}\n  use one of those, or create it: aws configure --profile ${profile} (aws configure sso for SSO)`;
}
