// The bundle writes the SDK schema modules' computed trait keys as the strings they are, so
// esbuild can drop the shapes of commands lbtop never sends. These tests bundle one EC2 command's
// schema with and without that rewrite and ask for a far smaller bundle describing the same shape.
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {build, type Plugin} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {literalSchemaKeys, sdkSchemaFile, sdkShapesUsed} from '../../build/sdk-schema-keys.js';

describe('literalSchemaKeys', () => {
	it.each([
		{
			name: 'a key naming a string constant becomes that string',
			source: 'const _xN = "xmlName";\nvar A$ = [1, { [_xN]: _m }];',
			expected: 'const _xN = "xmlName";\nvar A$ = [1, { "xmlName": _m }];',
		},
		{
			name: 'a key naming no constant of the module stays computed',
			source: 'const _xN = "xmlName";\nvar A$ = { [_other]: 1 };',
			expected: 'const _xN = "xmlName";\nvar A$ = { [_other]: 1 };',
		},
		{
			name: 'a constant that is not a plain string literal is not inlined',
			source: 'const _n = 3;\nconst _t = "a" + b;\nvar A$ = { [_n]: 1, [_t]: 2 };',
			expected: 'const _n = 3;\nconst _t = "a" + b;\nvar A$ = { [_n]: 1, [_t]: 2 };',
		},
		{
			name: 'an array index is not a key',
			source: 'const _a = "x";\nvar A$ = list[_a];',
			expected: 'const _a = "x";\nvar A$ = list[_a];',
		},
	])('$name', ({source, expected}) => {
		expect(literalSchemaKeys(source)).toBe(expected);
	});

	it.each([
		'/p/node_modules/@aws-sdk/client-ec2/dist-es/schemas/schemas_0.js',
		'C:\\p\\node_modules\\@aws-sdk\\client-cloudwatch-logs\\dist-es\\schemas\\schemas_0.js',
	])('rewrites the SDK schema module %s', (file) => {
		expect(sdkSchemaFile.test(file)).toBe(true);
	});

	it.each([
		'/p/node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeFlowLogsCommand.js',
		'/p/node_modules/@smithy/core/dist-es/schemas/schemas_0.js',
	])('leaves %s alone', (file) => {
		expect(sdkSchemaFile.test(file)).toBe(false);
	});
});

const ec2Schemas = join(
	dirname(createRequire(import.meta.url).resolve('@aws-sdk/client-ec2/package.json')),
	'dist-es',
	'schemas',
	'schemas_0.js',
);

type Bundled = {readonly bytes: number; readonly shape: unknown};

/** DescribeFlowLogs' schema bundled alone, and what it describes with every lazy shape resolved. */
async function bundledFlowLogsShape(plugins: Plugin[]): Promise<Bundled> {
	const result = await build({
		stdin: {
			contents: `export {DescribeFlowLogs$ as shape} from ${JSON.stringify(ec2Schemas)};`,
			resolveDir: dirname(ec2Schemas),
			loader: 'js',
		},
		bundle: true,
		platform: 'node',
		format: 'esm',
		mainFields: ['module', 'main'],
		write: false,
		logLevel: 'silent',
		plugins,
	});
	const text = result.outputFiles[0]?.text ?? '';
	const module = (await import(
		`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`
	)) as {shape: unknown};
	return {bytes: text.length, shape: resolved(module.shape, new Set())};
}

/** The shape as data: lazy references called, cycles cut where a shape reappears below itself. */
function resolved(value: unknown, seen: Set<unknown>): unknown {
	if (typeof value === 'function') {
		return resolved((value as () => unknown)(), seen);
	}
	if (typeof value !== 'object' || value === null) {
		return value;
	}
	if (seen.has(value)) {
		return '(cycle)';
	}
	const below = new Set(seen).add(value);
	if (Array.isArray(value)) {
		return value.map((entry) => resolved(entry, below));
	}
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [key, resolved(entry, below)]),
	);
}

describe('SDK shapes in the bundle', () => {
	it('one EC2 command keeps its own shapes, the same as without the rewrite, and few others', async () => {
		const [whole, used] = await Promise.all([
			bundledFlowLogsShape([]),
			bundledFlowLogsShape([sdkShapesUsed]),
		]);
		expect(used.shape).toEqual(whole.shape);
		expect(whole.bytes).toBeGreaterThan(500_000);
		expect(used.bytes).toBeLessThan(100_000);
	});
});
