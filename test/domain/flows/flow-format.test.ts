import {describe, expect, it} from 'vitest';
import {
	defaultFlowFormat,
	parseLogFormat,
	renderLogFormat,
} from '../../../source/domain/flows/flow-format.js';

const defaultText = `\${version} \${account-id} \${interface-id} \${srcaddr} \${dstaddr} \${srcport} \${dstport} \${protocol} \${packets} \${bytes} \${start} \${end} \${action} \${log-status}`;

describe('parseLogFormat', () => {
	it.each([
		['undefined', undefined],
		['empty', ''],
		['blank', '   '],
		['the default written out', defaultText],
	])('reads %s as the default v2 format', (_name, text) => {
		const result = parseLogFormat(text);
		expect(result).toEqual({ok: true, format: defaultFlowFormat});
	});

	it.each([
		[
			'reordered v3 fields',
			`\${interface-id} \${srcaddr} \${dstaddr} \${tcp-flags} \${action} \${start} \${end}`,
			['interface-id', 'srcaddr', 'dstaddr', 'tcp-flags', 'action', 'start', 'end'],
			[],
		],
		[
			'v5 fields with an unknown newer one',
			`\${flow-direction} \${traffic-path} \${some-future-field} \${interface-id}`,
			['flow-direction', 'traffic-path', 'some-future-field', 'interface-id'],
			['some-future-field'],
		],
		[
			`names without the \${} wrapper and with underscores`,
			'version interface_id pkt_srcaddr',
			['version', 'interface-id', 'pkt-srcaddr'],
			[],
		],
		['extra spacing', `  \${start}\t \${end}  `, ['start', 'end'], []],
	])('reads %s in order', (_name, text, fields, unknownFields) => {
		const result = parseLogFormat(text);
		expect(result).toEqual({ok: true, format: {fields, isDefault: false, unknownFields}});
	});

	it.each([
		['a token that is no field', `\${version} $(rm -rf) \${end}`],
		['an unterminated placeholder', `\${version} \${end`],
		['a repeated field', `\${start} \${end} \${start}`],
		['punctuation', `\${version}, \${end}`],
		['too many fields', Array.from({length: 200}, (_, index) => `\${f${index}}`).join(' ')],
	])('rejects %s', (_name, text) => {
		expect(parseLogFormat(text).ok).toBe(false);
	});

	it('renders a format back to the LogFormat text', () => {
		expect(renderLogFormat(defaultFlowFormat)).toBe(defaultText);
	});
});
