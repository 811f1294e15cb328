import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseAlbEntry} from '../../../source/domain/access-logs/alb-entry.js';
import {
	albAccessLogDdl,
	albColumns,
	nlbAccessLogDdl,
	nlbColumns,
} from '../../../source/domain/access-logs/athena-ddl.js';
import {parseNlbEntry} from '../../../source/domain/access-logs/nlb-entry.js';
import {albValues, renderAlb} from './alb-render.js';
import {nlbValues, renderNlb} from './nlb-render.js';

const input = {bucket: 'shop-logs', prefix: 'alb', account: '123456789012', region: 'us-east-1'};

/** The RegexSerDe pattern of a DDL as the Java regex Athena runs (full match). */
function serdePattern(ddl: string): RegExp {
	const literal = /'input\.regex' = '(.*)'\n/.exec(ddl)?.[1] ?? '';
	return new RegExp(`^${literal.replaceAll('\\"', '"')}$`);
}

/** The columns of a row the pattern reads from a log line, by name. */
function row(ddl: string, columns: readonly (readonly [string, string])[], line: string) {
	const match = serdePattern(ddl).exec(line);
	return match === null
		? undefined
		: Object.fromEntries(columns.map(([name], index) => [name, match[index + 1]]));
}

describe('Athena DDL for access logs', () => {
	it('creates the ALB table of the Athena user guide, partition-projected by day', () => {
		const ddl = albAccessLogDdl(input);
		expect(ddl).toMatch(
			/^CREATE EXTERNAL TABLE IF NOT EXISTS `alb_access_logs` \(\n {2}type string,\n {2}time string,/,
		);
		expect(ddl).toContain('  conn_trace_id string\n)\nPARTITIONED BY (day STRING)');
		expect(ddl).toContain("ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'");
		expect(ddl).toContain(
			"LOCATION 's3://shop-logs/alb/AWSLogs/123456789012/elasticloadbalancing/us-east-1/'",
		);
		expect(ddl).toContain("'projection.day.range' = '2022/01/01,NOW'");
		expect(ddl).toContain("'projection.day.format' = 'yyyy/MM/dd'");
		expect(ddl).toContain(
			`'storage.location.template' = 's3://shop-logs/alb/AWSLogs/123456789012/elasticloadbalancing/us-east-1/\${day}'`,
		);
		expect(ddl.trimEnd().endsWith(');')).toBe(true);
	});

	it('reads with its pattern the same values lbtop reads from any ALB entry', () => {
		const ddl = albAccessLogDdl(input);
		fc.assert(
			fc.property(albValues, (generated) => {
				// What ELB writes today and the user guide's pattern expects: an OpenSSL cipher name,
				// one item in the target lists, no quote inside the user agent.
				const values = {
					...generated,
					...(generated.sslCipher === undefined ? {} : {sslCipher: 'ECDHE-RSA-AES128-GCM-SHA256'}),
					targetPortList: generated.targetPortList.slice(0, 1),
					targetStatusCodeList: generated.targetStatusCodeList.slice(0, 1),
				};
				fc.pre(!(values.userAgent ?? '').includes('"'));
				const line = renderAlb(values);
				const parsed = parseAlbEntry(line);
				const columns = row(ddl, albColumns, line);
				expect(parsed.ok).toBe(true);
				expect(columns).toBeDefined();
				if (!parsed.ok || columns === undefined) {
					throw new Error(`neither lbtop's parser nor the DDL's regex may reject: ${line}`);
				}

				expect(columns.elb).toBe(parsed.entry.elb);
				expect(columns.client_ip).toBe(parsed.entry.clientAddr);
				expect(Number(columns.client_port)).toBe(parsed.entry.clientPort);
				expect(columns.target_ip || undefined).toBe(parsed.entry.targetAddr);
				expect(columns.elb_status_code === '-' ? undefined : Number(columns.elb_status_code)).toBe(
					parsed.entry.elbStatusCode,
				);
				expect(
					columns.target_status_code === '-' ? undefined : Number(columns.target_status_code),
				).toBe(parsed.entry.targetStatusCode);
				const time = Number(columns.target_processing_time);
				expect(time < 0 ? undefined : time).toBe(parsed.entry.targetProcessingTime);
				expect(columns.target_group_arn === '-' ? undefined : columns.target_group_arn).toBe(
					parsed.entry.targetGroupArn,
				);
				expect(columns.conn_trace_id === '-' ? undefined : columns.conn_trace_id).toBe(
					parsed.entry.connTraceId,
				);
			}),
			{numRuns: 150},
		);
	});

	it('creates the NLB table whose pattern reads what lbtop reads', () => {
		const ddl = nlbAccessLogDdl({...input, table: 'logs.edge_tls', firstDay: '2025/01/01'});
		expect(ddl).toMatch(/^CREATE EXTERNAL TABLE IF NOT EXISTS `logs`\.`edge_tls` \(/);
		expect(ddl).toContain("'projection.day.range' = '2025/01/01,NOW'");
		fc.assert(
			fc.property(nlbValues, (values) => {
				const line = renderNlb(values);
				const parsed = parseNlbEntry(line);
				const columns = row(ddl, nlbColumns, line);
				expect(parsed.ok && columns !== undefined).toBe(true);
				if (!parsed.ok || columns === undefined) {
					return;
				}

				expect(columns.listener_id).toBe(parsed.entry.listener);
				expect(columns.client_ip).toBe(parsed.entry.clientAddr);
				expect(
					columns.tls_handshake_time_ms === '-' ? undefined : Number(columns.tls_handshake_time_ms),
				).toBe(parsed.entry.handshakeTimeMs);
				expect(
					columns.tls_protocol_version === '-' ? undefined : columns.tls_protocol_version,
				).toBe(parsed.entry.tlsProtocolVersion);
			}),
			{numRuns: 100},
		);
	});

	it('keeps a quote in the prefix inside its string literal, and refuses bad names', () => {
		expect(albAccessLogDdl({...input, prefix: "it's"})).toContain(
			"LOCATION 's3://shop-logs/it''s/AWSLogs/",
		);
		expect(() => albAccessLogDdl({...input, table: 'x; DROP TABLE y'})).toThrow(
			/not an Athena table name/,
		);
		expect(() => nlbAccessLogDdl({...input, firstDay: '2025-01-01'})).toThrow(/yyyy\/MM\/dd/);
		expect(albAccessLogDdl({...input, prefix: ''})).toContain(
			"LOCATION 's3://shop-logs/AWSLogs/123456789012/",
		);
	});
});
