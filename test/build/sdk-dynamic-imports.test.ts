// A dynamic import of an SDK client package takes the package's whole namespace into the bundle:
// every command of the service (823 for EC2), parsed and kept by V8 in every lbtop process. The
// sources reach a client package lazily only through a static re-export of the names they use.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) {
			return sourceFiles(path);
		}
		return /\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

describe('SDK packages in the bundle', () => {
	it('no source imports an SDK package dynamically', () => {
		const dynamic = sourceFiles('source').filter((file) =>
			/import\(\s*['"]@aws-sdk\//.test(readFileSync(file, 'utf8')),
		);
		expect(dynamic).toEqual([]);
	});

	// lbtop reads S3, Athena and Glue only for flow logs or access logs kept in S3, but the modules
	// that send their commands load with every monitor: their command classes and shapes (about
	// 0.6 MB of heap) must come with the client, through source/aws/sdk/.
	it('only source/aws/sdk imports values from the S3, Athena and Glue packages', () => {
		const valueImports = sourceFiles('source')
			.filter((file) => !file.includes(join('source', 'aws', 'sdk')))
			.filter((file) => !file.includes(join('source', 'sim')))
			.filter((file) =>
				/^(import|export) (?!type )[^;]*from '@aws-sdk\/client-(s3|athena|glue)'/m.test(
					readFileSync(file, 'utf8'),
				),
			);
		expect(valueImports).toEqual([]);
	});
});
