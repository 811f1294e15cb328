// The TLS pane (NLB access logs) as the shell mounts it at 80x24: one row per TLS listener with
// handshake times, failed handshakes, old protocols and alerts; the listener's mixes in its detail.
import {describe, expect, it} from 'vitest';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import {accessLogPane} from '../../../source/ui/pane-order.js';
import {nlbTlsSnapshot, nlbWithoutTls} from './access-log-fixture.js';
import {hostile, snapshot} from './fixture.js';
import {rawControls, renderPane} from './render-pane.js';

const nlb = nlbTlsSnapshot();

function pane(shown: Snapshot, overrides: Parameters<typeof renderPane>[1] = {}) {
	return renderPane('tls', {snapshot: shown, width: 78, height: 16, focused: true, ...overrides});
}

describe('the TLS pane', () => {
	it('lists each TLS listener with its handshakes, exact when Athena computed them', () => {
		const lines = pane(nlb);
		expect(lines[0]).toMatch(/^logs through 13:43:00Z · lag 2m · exact \(Athena\)/);
		expect(pane(nlb, {width: 120})[0]).toBe(
			'logs through 13:43:00Z · lag 2m · exact (Athena) · 13:30Z-13:43Z: 60 connections · p: sketch, within 1%',
		);
		expect(lines[1]).toMatch(/^listener +conn\/m failed hs p50 hs p99 old TLS alerts/);
		expect(lines[2]).toMatch(
			/^g3d4b5e8bb8464cd +4\.62 +6 +9ms +14ms +4 handshake_failure \(40\) 6$/,
		);
	});

	it('opens the listener: percentiles, failures, and every mix in full', () => {
		const text = pane(nlb, {detail: true, selectedId: 'g3d4b5e8bb8464cd', height: 30}).join('\n');
		expect(text).toContain('tls_handshake_time p50 9ms, p99 14ms, max 14ms over 54 completed');
		expect(text).toContain('failed handshakes 6');
		expect(text).toContain('TLS 1.0/1.1 connections 4');
		expect(text).toMatch(/incoming_tls_alert\n +6 +handshake_failure \(40\)/);
		expect(text).toMatch(/tls_protocol_version\n +50 +tlsv12\n +4 +tlsv10/);
		expect(text).toMatch(/domain_name \(SNI\)\n +56 +api\.example\.com\n +4 +legacy\.example\.com/);
	});

	it('is offered to an NLB with a TLS listener only', () => {
		expect(accessLogPane(nlb)).toBe('tls');
		expect(accessLogPane(snapshot)).toBe(undefined);
		expect(accessLogPane(nlbWithoutTls())).toBe(undefined);
		// Before discovery has said which type the LB is, the slice that arrived decides.
		const {topology: _topology, ...undiscovered} = nlb;
		expect(accessLogPane(undiscovered)).toBe('tls');
		expect(accessLogPane({})).toBe(undefined);
	});

	it('says why when the setup has a gap, and waits without one', () => {
		const {tls: _tls, ...withoutSlice} = nlb;
		const gap: Snapshot = {
			...withoutSlice,
			accessLogs: {gaps: nlbWithoutTls().accessLogs?.gaps ?? []},
		};
		expect(pane(gap)[0]).toBe('NLB access logs exist only for TLS listeners; this NLB has none.');
		expect(pane(withoutSlice).join(' ')).toContain('No TLS connections read yet');
		const empty = {...nlb, tls: {...nlb.tls, listeners: []}} as Snapshot;
		expect(pane(empty).join('\n')).toContain('No TLS connections in the logs read');
	});

	it('never draws raw control characters from SNI names or alerts', () => {
		const listener = nlb.tls?.listeners[0];
		if (listener === undefined) {
			throw new Error('fixture has a listener');
		}

		const evil: Snapshot = {
			...nlb,
			tls: {
				...(nlb.tls ?? listener),
				listeners: [
					{
						...listener,
						listener: hostile.csi,
						sniNames: {top: [{name: hostile.osc52, count: 3}], other: 0},
						alerts: {top: [{name: hostile.c1 + hostile.bidi, count: 1}], other: 0},
					},
				],
			},
		} as Snapshot;
		for (const overrides of [
			{},
			{detail: true, selectedId: hostile.csi, height: 30},
			{width: 196},
		]) {
			const lines = pane(evil, overrides);
			expect(rawControls(lines)).toEqual([]);
			expect(lines.join('\n')).not.toContain(hostile.osc52);
		}
	});
});
