// Hand-written ALB requests and NLB TLS connections for the aggregation and findings tests.
import type {
	RequestRecord,
	TlsConnectionRecord,
} from '../../../source/domain/types/access-log-records.js';

export const minute = 60_000;
/** 2025-01-15 13:45:00 UTC, the findings tests' clock. */
export const now = Date.UTC(2025, 0, 15, 13, 45, 0);
export const tgArn =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-tg/73e2d6bc24d8a067';

let sequence = 0;

/** A request answered 200 by 10.0.1.10:8080 in 50 ms, a minute before `now`. */
export function request(overrides: Partial<RequestRecord> = {}): RequestRecord {
	sequence++;
	return {
		id: `r-${sequence}`,
		type: 'https',
		time: now - minute,
		elb: 'app/shop-alb/50dc6c495c0c9188',
		clientAddr: '203.0.113.7',
		clientPort: 40_000 + (sequence % 20_000),
		targetAddr: '10.0.1.10',
		targetPort: 8080,
		requestProcessingTime: 0,
		targetProcessingTime: 0.05,
		responseProcessingTime: 0,
		elbStatusCode: 200,
		targetStatusCode: 200,
		receivedBytes: 200,
		sentBytes: 2000,
		method: 'GET',
		scheme: 'https',
		host: 'shop.example.com',
		port: 443,
		path: '/cart',
		hasQuery: false,
		httpVersion: 'HTTP/1.1',
		userAgent: 'Mozilla/5.0',
		sslProtocol: 'TLSv1.2',
		targetGroupArn: tgArn,
		actionsExecuted: ['forward'],
		targetPortList: [],
		targetStatusCodeList: [],
		extraFields: 0,
		...overrides,
	};
}

/** The target answered 5XX itself. */
export const target5xx = (overrides: Partial<RequestRecord> = {}): RequestRecord =>
	request({elbStatusCode: 500, targetStatusCode: 500, ...overrides});

/** The record without these fields, as a `-` in the log leaves them. */
export function without<Record extends object, Key extends keyof Record>(
	record: Record,
	...keys: Key[]
): Omit<Record, Key> {
	return Object.fromEntries(
		Object.entries(record).filter(([key]) => !keys.includes(key as Key)),
	) as Omit<Record, Key>;
}

/** Dispatched, but the target never answered before the idle timeout: the LB's 504. */
export const timedOut = (overrides: Partial<RequestRecord> = {}): RequestRecord =>
	without(
		request({elbStatusCode: 504, ...overrides}),
		'targetProcessingTime',
		'responseProcessingTime',
		'targetStatusCode',
	);

/** Never sent to a target (target:port `-`, -1 timings). */
export const notDispatched = (overrides: Partial<RequestRecord> = {}): RequestRecord =>
	without(
		request({elbStatusCode: 503, ...overrides}),
		'targetAddr',
		'targetPort',
		'requestProcessingTime',
		'targetProcessingTime',
		'responseProcessingTime',
		'targetStatusCode',
	);

/** `count` entries made by `make(index)`. */
export function many<Entry>(count: number, make: (index: number) => Entry): Entry[] {
	return Array.from({length: count}, (_, index) => make(index));
}

export function tls(overrides: Partial<TlsConnectionRecord> = {}): TlsConnectionRecord {
	sequence++;
	return {
		id: `t-${sequence}`,
		type: 'tls',
		version: '2.0',
		time: now - minute,
		elb: 'net/edge-nlb/c6e77e28c25b2234',
		listener: 'g3d4b5e8bb8464cd',
		clientAddr: '198.51.100.20',
		clientPort: 50_000 + (sequence % 10_000),
		destinationAddr: '10.0.0.5',
		destinationPort: 443,
		connectionTimeMs: 120,
		handshakeTimeMs: 8,
		receivedBytes: 500,
		sentBytes: 4000,
		chosenCertArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
		tlsCipher: 'ECDHE-RSA-AES128-GCM-SHA256',
		tlsProtocolVersion: 'tlsv12',
		domainName: 'api.example.com',
		alpnClientPreferences: [],
		extraFields: 0,
		...overrides,
	};
}
