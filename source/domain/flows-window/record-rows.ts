// Exact figures for a settled stretch from the records themselves, when lbtop read every one of
// them (a flow log in S3 with no Athena table over it): the same timeline and sources rows an
// Athena or Insights answer gives, so the held answers merge the same way whoever computed them.
import type {FlowRecord} from '../types/flows.js';
import {type AthenaAnswer, athenaRows} from './athena-query.js';
import {alignDown} from './settling.js';

const header = [
	'bucket',
	'action',
	'interface_id',
	'srcaddr',
	'dstport',
	'flows',
	'packets',
	'bytes',
	'timeline',
];

export function recordRows(
	records: readonly FlowRecord[],
	bucketSeconds: number,
	localAddrs: readonly string[],
): AthenaAnswer {
	const groups = new Map<string, (string | null)[]>();
	const add = (key: (string | null)[], record: FlowRecord) => {
		const id = JSON.stringify(key);
		const known = groups.get(id) ?? [...key.slice(0, 5), '0', '0', '0', key[5] ?? '0'];
		known[5] = String(Number(known[5]) + 1);
		known[6] = String(Number(known[6]) + (record.packets ?? 0));
		known[7] = String(Number(known[7]) + (record.bytes ?? 0));
		groups.set(id, known);
	};
	for (const record of records) {
		if (record.action === undefined) {
			continue;
		}

		const port = record.dstPort === undefined ? null : String(record.dstPort);
		const bucket = String(alignDown(record.start, bucketSeconds));
		add([bucket, record.action, record.interfaceId, null, null, '1'], record);
		if (record.srcAddr !== undefined) {
			add([null, record.action, record.interfaceId, record.srcAddr, port, '0'], record);
		}
	}

	return athenaRows(header, [...groups.values()], localAddrs);
}
