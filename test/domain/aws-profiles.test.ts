import {describe, expect, it} from 'vitest';
import {
	missingProfileMessage,
	type ProfileFile,
	profileNames,
} from '../../source/domain/aws-profiles.js';

const config: ProfileFile = {
	path: '/home/me/.aws/config',
	kind: 'config',
	text: [
		'[default]',
		'region = us-east-1',
		'[profile prod]',
		'sso_session = corp',
		'[ profile  staging-eu ]',
		'[sso-session corp]',
		'sso_start_url = https://corp.example/start',
		'[services local]',
		'[not-a-profile]',
		'# [profile commented]',
	].join('\n'),
};
const credentials: ProfileFile = {
	path: '/home/me/.aws/credentials',
	kind: 'credentials',
	text: '[ci]\r\naws_access_key_id = AKIAEXAMPLE\r\naws_secret_access_key = s3cr3t\r\n',
};

describe('profileNames', () => {
	it('reads the profiles the SDK reads: [default] and [profile NAME] in config, every section in credentials', () => {
		expect(profileNames(config)).toEqual(['default', 'prod', 'staging-eu']);
		expect(profileNames(credentials)).toEqual(['ci']);
		expect(profileNames({...config, text: ''})).toEqual([]);
	});
});

describe('missingProfileMessage', () => {
	it.each(['prod', 'ci', 'default'])('%s exists: nothing to say', (profile) => {
		expect(missingProfileMessage(profile, '--profile', [config, credentials])).toBeUndefined();
	});

	it('says the profile does not exist, where it looked, and which ones do', () => {
		expect(missingProfileMessage('prdo', '--profile', [config, credentials])).toBe(
			'--profile prdo: the profile "prdo" does not exist in /home/me/.aws/config or /home/me/.aws/credentials; profiles there: ci, default, prod, staging-eu (did you mean prod?)\n  use one of those, or create it: aws configure --profile prdo (aws configure sso for SSO)',
		);
	});

	it('names AWS_PROFILE when that is where it came from, and says when no profile exists at all', () => {
		const message = missingProfileMessage('prod', 'AWS_PROFILE', [
			{...config, text: ''},
			{...credentials, text: ''},
		]);
		expect(message).toMatch(
			/^AWS_PROFILE=prod: the profile "prod" does not exist in .*; no profile is defined there\n/,
		);
	});

	it('never repeats a value from the files', () => {
		expect(missingProfileMessage('x', '--profile', [config, credentials])).not.toMatch(
			/AKIA|s3cr3t|corp\.example|us-east-1/,
		);
	});
});
