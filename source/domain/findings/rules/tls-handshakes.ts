// TLS handshakes that fail on an NLB's TLS listener: clients that sent a ClientHello but agreed
// on no protocol or cipher, often with the alert they sent saying why. Judged as a share of the
// clients that tried (connections that never sent a ClientHello, such as port scans, are left out).
import type {Snapshot} from '../../snapshot.js';
import type {TlsListenerStats} from '../../types/access-logs.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, listNames} from '../format.js';
import {
	requestFailureCriticalShare,
	tlsFailureMinCount,
	tlsFailureMinShare,
} from '../thresholds.js';
import {beganBefore, confidenceOf, shareText} from './request-evidence.js';

export const tlsHandshakeFailuresRule: FindingRule = {
	name: 'tls-handshake-failures',
	evaluate: (snapshot) => tlsHandshakeFailures(snapshot),
};

export function tlsHandshakeFailures(snapshot: Snapshot): DraftFinding[] {
	const view = snapshot.tls;
	if (view === undefined) {
		return [];
	}

	return view.listeners.flatMap((row) => {
		const tried = row.connections - row.withoutClientHello;
		if (
			row.failedHandshakes < tlsFailureMinCount ||
			tried <= 0 ||
			row.failedHandshakes / tried < tlsFailureMinShare
		) {
			return [];
		}

		const alerts = row.alerts.top.map((alert) => `${alert.name} ×${countText(alert.count)}`);
		return [
			draft({
				rule: 'tls-handshake-failures',
				key: row.listener,
				severity:
					row.failedHandshakes / tried >= requestFailureCriticalShare ? 'critical' : 'warning',
				confidence: confidenceOf(view.precision),
				title: `TLS handshakes fail on listener ${listenerText(snapshot, row.listener)}: ${countText(row.failedHandshakes)} of ${countText(tried)} clients (${shareText(row.failedHandshakes, tried)})${alerts.length > 0 ? `; alerts: ${listNames(alerts, 3)}` : ''}`,
				since: row.firstFailure,
				sinceBefore: beganBefore(view.coverage, row.firstFailure),
				lastSeen: row.lastFailure,
				evidence: [{kind: 'tls-listener', listener: row.listener}],
				next: nextStep(row),
				relatedResources: [listenerArn(snapshot, row.listener), snapshot.topology?.arn],
				metricNames: ['ClientTLSNegotiationErrorCount'],
			}),
		];
	});
}

/** The listener's port and protocol from discovery, by the id that ends its ARN. */
export function listenerText(snapshot: Snapshot, listener: string): string {
	const known = snapshot.topology?.listeners.find((entry) => entry.arn.endsWith(`/${listener}`));
	return known === undefined ? listener : `${known.protocol}:${known.port} (${listener})`;
}

function listenerArn(snapshot: Snapshot, listener: string): string | undefined {
	return snapshot.topology?.listeners.find((entry) => entry.arn.endsWith(`/${listener}`))?.arn;
}

const certificateAlerts =
	/bad_certificate|certificate_unknown|unknown_ca|certificate_expired|unsupported_certificate/;
const policyAlerts = /handshake_failure|protocol_version|insufficient_security|illegal_parameter/;

function nextStep(row: TlsListenerStats): string {
	const names = row.alerts.top.map((alert) => alert.name).join(' ');
	if (certificateAlerts.test(names)) {
		return "Clients reject the certificate the listener serves: check its chain and expiry, and that the SNI names clients send (TLS pane) are covered by the listener's certificates";
	}

	if (policyAlerts.test(names)) {
		return "Clients and the listener's security policy share no TLS version or cipher: compare the protocols clients offer with the listener's SslPolicy (a recent policy change, or old clients)";
	}

	if (names.includes('unrecognized_name')) {
		return "Clients ask for an SNI name no certificate of the listener covers: add the certificate, or fix the clients' host name";
	}

	return "The handshakes end without a protocol agreed: compare the failing clients' SNI names and addresses in the TLS pane with the listener's certificates and security policy";
}
