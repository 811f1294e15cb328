// `lbtop --print-iam-policy` grants exactly the calls lbtop makes: the list in iam-actions.ts is
// checked against every SDK command and awsCall in source/aws, and the readme shows the same policy.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {iamActions} from '../../source/aws/iam-actions.js';
import {runCli} from './run-cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const servicePrefixes: Readonly<Record<string, string>> = {
	'client-cloudwatch-logs': 'logs',
	'client-cloudwatch': 'cloudwatch',
	'client-elastic-load-balancing-v2': 'elasticloadbalancing',
	'client-ec2': 'ec2',
	'client-cloudtrail': 'cloudtrail',
	'client-sts': 'sts',
	'client-s3': 's3',
	'client-athena': 'athena',
	'client-glue': 'glue',
};

/** Operations IAM authorizes under another action's name. */
const authorizedAs: Readonly<Record<string, string>> = {'s3:ListObjectsV2': 's3:ListBucket'};

function typeScriptFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) {
			return typeScriptFiles(path);
		}
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** Command class -> IAM action, from the file's static imports (or re-exports) of SDK client packages. */
function importedCommands(source: string, file: string): Map<string, string> {
	const commands = new Map<string, string>();
	for (const match of source.matchAll(
		/(?:import|export)\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/([\w-]+)'/g,
	)) {
		const [, names = '', client = ''] = match;
		const prefix = servicePrefixes[client];
		for (const raw of names.split(',')) {
			const name = raw.trim();
			if (!name.endsWith('Command') || name.startsWith('type ')) {
				continue;
			}
			if (prefix === undefined) {
				throw new Error(`${file}: ${name} comes from @aws-sdk/${client}, which has no prefix here`);
			}
			const operation = `${prefix}:${name.slice(0, -'Command'.length)}`;
			commands.set(name, authorizedAs[operation] ?? operation);
		}
	}
	return commands;
}

/** The commands of the source/aws/sdk modules the file loads lazily (`import('./sdk/s3-client.js')`). */
function lazilyImportedCommands(source: string): Map<string, string> {
	const commands = new Map<string, string>();
	for (const [, module = ''] of source.matchAll(/import\(\s*'\.\/sdk\/([\w-]+)\.js'\s*\)/g)) {
		const file = join(root, 'source/aws/sdk', `${module}.ts`);
		for (const [name, action] of importedCommands(readFileSync(file, 'utf8'), file)) {
			commands.set(name, action);
		}
	}
	return commands;
}

function actionsCalled(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const commands = new Map([...importedCommands(source, file), ...lazilyImportedCommands(source)]);
	const fromCommands = [...source.matchAll(/new\s+(\w+Command)\s*\(/g)].map(([, name = '']) => {
		const action = commands.get(name);
		if (action === undefined) {
			throw new Error(`${file}: new ${name}( is imported neither from an SDK client nor from sdk/`);
		}
		return action;
	});
	const fromAwsCall = [...source.matchAll(/awsCall\(\s*'([^']+)'/g)].map(
		([, action = '']) => action,
	);
	return [...fromCommands, ...fromAwsCall];
}

const awsDirectory = join(root, 'source/aws');
const called = new Set(typeScriptFiles(awsDirectory).flatMap((file) => actionsCalled(file)));

// Read-only query lifecycle: StartQuery/StopQuery start and end a Logs Insights query; they write
// nothing to the account (see iam-actions.ts).
const queryLifecycle = new Set([
	'logs:StartQuery',
	'logs:StopQuery',
	'athena:StartQueryExecution',
	'athena:StopQueryExecution',
]);
const mutatingVerbs = [
	'Create',
	'Put',
	'Delete',
	'Modify',
	'Authorize',
	'Revoke',
	'Register',
	'Deregister',
	'Set',
	'Start',
];

function readmePolicyBlock(): string {
	const readme = readFileSync(join(root, 'readme.md'), 'utf8');
	const section = readme.split(/^### IAM permissions$/m)[1] ?? '';
	const block = /```json\n([\s\S]*?)```/.exec(section);
	return block?.[1] ?? '';
}

describe('the IAM action list', () => {
	it('names exactly the actions source/aws calls', () => {
		expect(called.size).toBeGreaterThan(10);
		expect([...iamActions].sort()).toEqual([...called].sort());
	});

	it('has no duplicates', () => {
		expect(new Set(iamActions).size).toBe(iamActions.length);
	});

	it.each([...iamActions])('%s does not mutate anything', (action) => {
		const verb = action.split(':')[1] ?? '';
		const mutating = mutatingVerbs.some((prefix) => verb.startsWith(prefix));
		expect(mutating && !queryLifecycle.has(action)).toBe(false);
	});
});

describe('lbtop --print-iam-policy', () => {
	it('allows every action once, scopes flow log objects, Athena and Glue, exit 0, no load balancer needed', async () => {
		const result = await runCli(['--print-iam-policy']);
		expect(result.code).toBe(0);
		const policy = JSON.parse(result.stdout) as {
			Version: string;
			Statement: {Effect: string; Action: string[]; Resource: string | string[]}[];
		};
		expect(policy.Version).toBe('2012-10-17');
		expect(policy.Statement.every((statement) => statement.Effect === 'Allow')).toBe(true);
		expect(policy.Statement.flatMap((statement) => statement.Action).sort()).toEqual(
			[...iamActions].sort(),
		);
		for (const statement of policy.Statement) {
			const scoped = statement.Action.some((action) => /^(s3|athena|glue):/.test(action));
			expect(statement.Resource === '*').toBe(!scoped);
		}
		expect(result.stderr).toMatch(
			/result location: grant s3:PutObject .* unless the workgroup uses managed query results/,
		);
	});

	it('is the policy the readme shows', async () => {
		const result = await runCli(['--print-iam-policy']);
		expect(readmePolicyBlock()).toBe(result.stdout);
	});
});
