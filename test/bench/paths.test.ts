// The benchmarks measure lbtop as its bin runs it: processes that stand for the CLI get the bin's
// malloc settings as the bin sets them, and the bin finds the Node the benchmark runs on.
import {delimiter, dirname} from 'node:path';
import process from 'node:process';
import {describe, expect, it} from 'vitest';
import {asTheBinSets, builtBin, cliCommand, pathWithThisNode} from '../../bench/paths.js';
import {startupEnvironment} from '../../source/heap-settings.js';

describe("the benchmarks' view of the bin", () => {
	it('adds each malloc setting the environment lacks and keeps one it has, even empty', () => {
		const [name = ''] = Object.keys(startupEnvironment);
		const unset = asTheBinSets({PATH: '/bin'});
		expect(unset).toEqual({PATH: '/bin', ...startupEnvironment});
		const own = asTheBinSets({PATH: '/bin', [name]: ''});
		expect(own[name]).toBe('');
		expect(own).toEqual({PATH: '/bin', ...startupEnvironment, [name]: ''});
	});

	it("runs the package's bin, with this Node's directory first on the PATH", () => {
		// From dist/bench/paths.js, the bin the build writes beside the bundle (dist/bin/lbtop).
		expect(cliCommand).toEqual([builtBin]);
		expect(builtBin).toMatch(/\/bin\/lbtop$/);
		const node = dirname(process.execPath);
		expect(pathWithThisNode('/usr/bin:/bin')).toBe(`${node}${delimiter}/usr/bin:/bin`);
		expect(pathWithThisNode('')).toBe(node);
	});
});
