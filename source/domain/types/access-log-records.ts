// Elastic Load Balancing access log entries as lbtop reads them: one ALB request or one NLB TLS
// connection each (aws-facts-s3.md §4). The drill-down shows them with every field.

/**
 * One ALB access log entry with every field, as the drill-down shows it. Strings are sanitized and
 * cut to a readable length; a query string is dropped unless the user asked to see them
 * (`hasQuery` still says there was one). `-` fields are absent.
 */
export type RequestRecord = {
	/** Stable across refreshes: derived from the entry's own text. */
	readonly id: string;
	/** http, https, h2, grpcs, ws, wss (other values are kept as written). */
	readonly type: string;
	/** Unix ms: when the LB answered the client (`time`). */
	readonly time: number;
	/** Unix ms: when the LB received the request (`request_creation_time`). */
	readonly requestCreationTime?: number;
	readonly elb: string;
	readonly clientAddr: string;
	readonly clientPort: number;
	/** Absent when the LB did not dispatch the request (or the target is a Lambda function). */
	readonly targetAddr?: string;
	readonly targetPort?: number;
	/** Seconds; absent where the log wrote -1: not dispatched, or no answer before the idle timeout. */
	readonly requestProcessingTime?: number;
	readonly targetProcessingTime?: number;
	readonly responseProcessingTime?: number;
	readonly elbStatusCode?: number;
	/** Absent unless the target answered. */
	readonly targetStatusCode?: number;
	readonly receivedBytes?: number;
	readonly sentBytes?: number;
	readonly method?: string;
	readonly scheme?: string;
	readonly host?: string;
	readonly port?: number;
	/** The URL path without its query string. */
	readonly path?: string;
	readonly hasQuery: boolean;
	/** Only when query strings are shown (they carry tokens). */
	readonly query?: string;
	readonly httpVersion?: string;
	readonly userAgent?: string;
	readonly sslCipher?: string;
	readonly sslProtocol?: string;
	readonly targetGroupArn?: string;
	readonly traceId?: string;
	/** The SNI name the client sent. */
	readonly domainName?: string;
	readonly chosenCertArn?: string;
	readonly matchedRulePriority?: string;
	readonly actionsExecuted: readonly string[];
	/** Query string hidden like the request's. */
	readonly redirectUrl?: string;
	readonly errorReason?: string;
	readonly targetPortList: readonly string[];
	readonly targetStatusCodeList: readonly string[];
	readonly classification?: string;
	readonly classificationReason?: string;
	readonly connTraceId?: string;
	/** Trailing fields newer than lbtop (AWS appends fields): counted, not read. */
	readonly extraFields: number;
};

/** One NLB access log entry: a TLS connection on a TLS listener. `-` fields are absent. */
export type TlsConnectionRecord = {
	readonly id: string;
	/** `tls`. */
	readonly type: string;
	readonly version: string;
	/** Unix ms: the end of the TLS connection. */
	readonly time: number;
	readonly elb: string;
	/** The TLS listener's resource id. */
	readonly listener: string;
	readonly clientAddr: string;
	readonly clientPort: number;
	readonly destinationAddr: string;
	readonly destinationPort: number;
	/** Milliseconds. */
	readonly connectionTimeMs?: number;
	/** Milliseconds; absent when there was no handshake or it failed. */
	readonly handshakeTimeMs?: number;
	readonly receivedBytes?: number;
	readonly sentBytes?: number;
	/** The TLS alert the client sent, as a number (RFC 8446 AlertDescription). */
	readonly incomingTlsAlert?: number;
	readonly chosenCertArn?: string;
	readonly chosenCertSerial?: string;
	/** Absent when the TLS negotiation did not complete. */
	readonly tlsCipher?: string;
	/** `tlsv10` … `tlsv13`; absent when the negotiation did not complete. */
	readonly tlsProtocolVersion?: string;
	readonly tlsNamedGroup?: string;
	/** SNI, URL-decoded. */
	readonly domainName?: string;
	readonly alpnFrontendProtocol?: string;
	readonly alpnBackendProtocol?: string;
	readonly alpnClientPreferences: readonly string[];
	/** Unix ms. */
	readonly tlsConnectionCreationTime?: number;
	readonly extraFields: number;
};
