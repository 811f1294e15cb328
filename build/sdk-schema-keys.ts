// Each AWS SDK client describes every shape of its service in one module
// (dist-es/schemas/schemas_0.js): EC2's holds 3,400 structures in 1.3 MB. The bundle should keep
// only the shapes of the commands lbtop sends, but the shapes' traits are objects with computed
// keys (`{ [_xN]: _m }`, `_xN` being a module constant "xmlName"), and a computed key may run
// code (a toString), so esbuild keeps every statement holding one, and every shape those reach:
// 2,239 EC2 structures, a 1.05 MB chunk parsed and held by V8 in every lbtop process. Written as
// the string literals they are, the keys are plain data, and the unused shapes fall away.
import {readFile} from 'node:fs/promises';
import type {Plugin} from 'esbuild';

/** A module constant holding a plain string literal, as the SDK's code generator writes them. */
const stringConstant = /^const (_\w+) = ("[^"\\\n]*");$/gm;
const computedKey = /\[(_\w+)\]:/g;

/** Files whose computed keys are worth naming: the schema modules of the SDK's clients. */
export const sdkSchemaFile =
	/[\\/]@aws-sdk[\\/]client-[\w-]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;

/**
 * The module with every computed key that names one of its own string constants written as that
 * string; any other computed key is left as it was.
 */
export function literalSchemaKeys(source: string): string {
	const constants = new Map<string, string>();
	for (const [, name, value] of source.matchAll(stringConstant)) {
		if (name !== undefined && value !== undefined) {
			constants.set(name, value);
		}
	}
	return source.replaceAll(computedKey, (key, name: string) => {
		const value = constants.get(name);
		return value === undefined ? key : `${value}:`;
	});
}

/** Keeps in the bundle only the SDK shapes of the commands lbtop sends. */
export const sdkShapesUsed: Plugin = {
	name: 'sdk-shapes-used',
	setup(builder) {
		builder.onLoad({filter: sdkSchemaFile}, async (arguments_) => ({
			contents: literalSchemaKeys(await readFile(arguments_.path, 'utf8')),
			loader: 'js',
		}));
	},
};
