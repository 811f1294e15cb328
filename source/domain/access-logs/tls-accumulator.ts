// NLB TLS connections into the TLS pane's figures, per listener and in bounded memory: handshake
// time percentiles (a sketch, see sketch.ts), failed handshakes, the alerts clients sent, and the
// protocol, cipher and SNI mix. Accumulators of adjacent intervals merge, like the requests'.
import type {TlsConnectionRecord} from '../types/access-log-records.js';
import type {TlsListenerStats, TlsView} from '../types/access-logs.js';
import {BoundedCounter} from './bounded.js';
import type {RequestsViewOptions} from './requests-accumulator.js';
import {QuantileSketch} from './sketch.js';
import {timingSummary} from './target-state.js';
import {alertName, isBenignAlert, isOldTlsProtocol} from './tls-names.js';
import {earliest, latest, withoutUndefined} from './values.js';

/** An NLB has at most 50 listeners: entries naming more (garbage) count only in `entriesRead`. */
const maxListeners = 64;

class ListenerState {
	connections = 0;
	failed = 0;
	withoutHello = 0;
	old = 0;
	firstSeen: number | undefined;
	lastSeen: number | undefined;
	firstFailure: number | undefined;
	lastFailure: number | undefined;
	readonly handshake = new QuantileSketch();
	readonly alerts = new BoundedCounter(64);
	readonly protocols = new BoundedCounter(16);
	readonly ciphers = new BoundedCounter(64);
	readonly sniNames = new BoundedCounter(256);

	constructor(readonly listener: string) {}

	add(entry: TlsConnectionRecord): void {
		this.connections++;
		this.firstSeen = earliest(this.firstSeen, entry.time);
		this.lastSeen = latest(this.lastSeen, entry.time);
		const alert = entry.incomingTlsAlert;
		const completed = entry.tlsProtocolVersion !== undefined && entry.tlsCipher !== undefined;
		const sentHello =
			entry.chosenCertArn !== undefined || (alert !== undefined && !isBenignAlert(alert));
		if (!completed && sentHello) {
			this.failed++;
			this.firstFailure = earliest(this.firstFailure, entry.time);
			this.lastFailure = latest(this.lastFailure, entry.time);
		} else if (!completed) {
			this.withoutHello++;
		}

		this.old += isOldTlsProtocol(entry.tlsProtocolVersion) ? 1 : 0;
		if (entry.handshakeTimeMs !== undefined) {
			this.handshake.add(entry.handshakeTimeMs);
		}

		if (alert !== undefined && alert !== 0) {
			this.alerts.add(alertName(alert));
		}

		this.protocols.add(entry.tlsProtocolVersion);
		this.ciphers.add(entry.tlsCipher);
		this.sniNames.add(entry.domainName);
	}

	merge(other: ListenerState): void {
		this.connections += other.connections;
		this.failed += other.failed;
		this.withoutHello += other.withoutHello;
		this.old += other.old;
		this.firstSeen = earliest(this.firstSeen, other.firstSeen);
		this.lastSeen = latest(this.lastSeen, other.lastSeen);
		this.firstFailure = earliest(this.firstFailure, other.firstFailure);
		this.lastFailure = latest(this.lastFailure, other.lastFailure);
		this.handshake.merge(other.handshake);
		this.alerts.merge(other.alerts);
		this.protocols.merge(other.protocols);
		this.ciphers.merge(other.ciphers);
		this.sniNames.merge(other.sniNames);
	}

	stats(minutes: number): TlsListenerStats {
		return withoutUndefined({
			listener: this.listener,
			connections: this.connections,
			perMinute: this.connections / minutes,
			handshake: timingSummary(this.handshake),
			failedHandshakes: this.failed,
			withoutClientHello: this.withoutHello,
			oldProtocol: this.old,
			alerts: this.alerts.top(),
			protocols: this.protocols.top(),
			ciphers: this.ciphers.top(),
			sniNames: this.sniNames.top(),
			firstSeen: this.firstSeen,
			lastSeen: this.lastSeen,
			firstFailure: this.firstFailure,
			lastFailure: this.lastFailure,
		});
	}
}

export type TlsViewOptions = Omit<RequestsViewOptions, 'queriesShown'>;

export class TlsAccumulator {
	private readonly listeners = new Map<string, ListenerState>();
	private entries = 0;

	add(entry: TlsConnectionRecord): void {
		this.entries++;
		this.stateFor(entry.listener)?.add(entry);
	}

	merge(other: TlsAccumulator): void {
		this.entries += other.entries;
		for (const [listener, state] of other.listeners) {
			this.stateFor(listener)?.merge(state);
		}
	}

	view(options: TlsViewOptions): TlsView {
		const states = [...this.listeners.values()];
		const first = Math.min(...states.flatMap((state) => state.firstSeen ?? []));
		const last = Math.max(...states.flatMap((state) => state.lastSeen ?? []));
		const coverage =
			options.coverage ??
			(Number.isFinite(first) && Number.isFinite(last)
				? {start: Math.floor(first / 60_000) * 60_000, end: Math.ceil((last + 1) / 60_000) * 60_000}
				: undefined);
		const minutes =
			coverage === undefined ? 1 : Math.max(1, (coverage.end - coverage.start) / 60_000);
		return {
			precision: options.precision,
			percentiles: 'sketch',
			...(coverage === undefined ? {} : {coverage, dataThrough: coverage.end}),
			entriesRead: this.entries,
			malformedEntries: options.malformedEntries ?? 0,
			listeners: states
				.map((state) => state.stats(minutes))
				.sort((a, b) => b.connections - a.connections || a.listener.localeCompare(b.listener)),
		};
	}

	private stateFor(listener: string): ListenerState | undefined {
		const known = this.listeners.get(listener);
		if (known !== undefined || this.listeners.size >= maxListeners) {
			return known;
		}

		const state = new ListenerState(listener);
		this.listeners.set(listener, state);
		return state;
	}
}

export function aggregateTls(
	entries: Iterable<TlsConnectionRecord>,
	options: TlsViewOptions,
): TlsView {
	const accumulator = new TlsAccumulator();
	for (const entry of entries) {
		accumulator.add(entry);
	}

	return accumulator.view(options);
}
