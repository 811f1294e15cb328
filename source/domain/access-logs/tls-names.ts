// Names for what TLS entries carry as codes: alerts (RFC 8446 §6 and RFC 5246 §7.2) and protocol
// versions as the NLB (`tlsv12`) and the ALB (`TLSv1.2`, OpenSSL's names) write them.

const alertNames: Readonly<Record<number, string>> = {
	0: 'close_notify',
	10: 'unexpected_message',
	20: 'bad_record_mac',
	22: 'record_overflow',
	40: 'handshake_failure',
	42: 'bad_certificate',
	43: 'unsupported_certificate',
	44: 'certificate_revoked',
	45: 'certificate_expired',
	46: 'certificate_unknown',
	47: 'illegal_parameter',
	48: 'unknown_ca',
	49: 'access_denied',
	50: 'decode_error',
	51: 'decrypt_error',
	70: 'protocol_version',
	71: 'insufficient_security',
	80: 'internal_error',
	86: 'inappropriate_fallback',
	90: 'user_canceled',
	109: 'missing_extension',
	110: 'unsupported_extension',
	112: 'unrecognized_name',
	113: 'bad_certificate_status_response',
	115: 'unknown_psk_identity',
	116: 'certificate_required',
	120: 'no_application_protocol',
};

/** `handshake_failure (40)`; an unknown number as itself. */
export function alertName(alert: number): string {
	const name = alertNames[alert];
	return name === undefined ? `alert ${alert}` : `${name} (${alert})`;
}

/** close_notify ends every orderly connection; user_canceled is a client giving up, not a fault. */
export function isBenignAlert(alert: number): boolean {
	return alert === 0 || alert === 90;
}

/** SSL 3.0, TLS 1.0 and TLS 1.1, deprecated by RFC 8996, in either spelling. */
export function isOldTlsProtocol(protocol: string | undefined): boolean {
	if (protocol === undefined) {
		return false;
	}

	return /^(?:sslv[23](?:\.0)?|tlsv1|tlsv10|tlsv1\.0|tlsv11|tlsv1\.1)$/i.test(protocol);
}
