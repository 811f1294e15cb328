// Access log entries written as Elastic Load Balancing writes them (aws-facts-s3.md §4): an ALB
// request line, space-separated with the quoted fields quoted, `-` for what does not apply and -1
// for the timings of a request that got no answer; an NLB TLS connection line (version 2.0).

export type SimRequest = {
	/** Unix ms: when the LB answered (`time`). */
	readonly time: number;
	readonly elb: string;
	readonly client: string;
	readonly clientPort: number;
	/** `ip:port`, absent when the LB did not dispatch the request. */
	readonly target?: string;
	/** Seconds; absent when the target gave no answer (written -1). */
	readonly targetTime?: number;
	readonly elbStatus: number;
	/** Absent unless the target answered. */
	readonly targetStatus?: number;
	readonly method: string;
	readonly url: string;
	readonly userAgent: string;
	readonly targetGroupArn: string;
	readonly traceId: string;
	readonly receivedBytes: number;
	readonly sentBytes: number;
	readonly errorReason?: string;
	readonly connTraceId: string;
};

const seconds = (value: number | undefined) => (value === undefined ? '-1' : value.toFixed(3));
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, -1)}000Z`;

export function albLine(request: SimRequest): string {
	const answered = request.targetTime !== undefined;
	const created = request.time - Math.round((request.targetTime ?? 0) * 1000) - 1;
	return [
		'http',
		iso(request.time),
		request.elb,
		`${request.client}:${request.clientPort}`,
		request.target ?? '-',
		request.target === undefined ? '-1' : '0.001',
		seconds(request.targetTime),
		answered ? '0.000' : '-1',
		String(request.elbStatus),
		request.targetStatus === undefined ? '-' : String(request.targetStatus),
		String(request.receivedBytes),
		String(request.sentBytes),
		`"${request.method} ${request.url} HTTP/1.1"`,
		`"${request.userAgent.replaceAll('"', '\\"')}"`,
		'-',
		'-',
		request.targetGroupArn,
		`"${request.traceId}"`,
		'"-"',
		'"-"',
		'0',
		iso(created),
		'"forward"',
		'"-"',
		`"${request.errorReason ?? '-'}"`,
		`"${request.target ?? '-'}"`,
		`"${request.targetStatus ?? '-'}"`,
		'"-"',
		'"-"',
		request.connTraceId,
	].join(' ');
}

export type SimTlsConnection = {
	/** Unix ms: the end of the connection. */
	readonly time: number;
	readonly elb: string;
	readonly listener: string;
	readonly client: string;
	readonly clientPort: number;
	readonly destination: string;
	readonly connectionMs: number;
	/** Absent when the handshake failed. */
	readonly handshakeMs?: number;
	readonly receivedBytes: number;
	readonly sentBytes: number;
	readonly incomingTlsAlert?: number;
	readonly certArn?: string;
	readonly cipher?: string;
	/** `tlsv10` … `tlsv13`. */
	readonly protocol?: string;
	readonly sni?: string;
	readonly createdAt: number;
};

const dash = (value: string | number | undefined) => (value === undefined ? '-' : String(value));
const isoSecond = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export function nlbLine(connection: SimTlsConnection): string {
	return [
		'tls',
		'2.0',
		isoSecond(connection.time),
		connection.elb,
		connection.listener,
		`${connection.client}:${connection.clientPort}`,
		connection.destination,
		String(connection.connectionMs),
		dash(connection.handshakeMs),
		String(connection.receivedBytes),
		String(connection.sentBytes),
		dash(connection.incomingTlsAlert),
		dash(connection.certArn),
		'-',
		dash(connection.cipher),
		dash(connection.protocol),
		connection.protocol === undefined ? '-' : 'x25519',
		connection.sni === undefined ? '-' : encodeURIComponent(connection.sni),
		connection.protocol === undefined ? '-' : 'h2',
		connection.protocol === undefined ? '-' : 'h2',
		connection.protocol === undefined ? '-' : '"h2","http/1.1"',
		isoSecond(connection.createdAt),
	].join(' ');
}
