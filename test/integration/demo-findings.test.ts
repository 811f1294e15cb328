// The findings as the demo's incidents come and go: the whole pipeline (sim, engine, rules) at a
// moment inside the security-group incident, and at a quiet moment of the cycle.
import {describe, expect, it} from 'vitest';
import type {Config} from '../../source/domain/config.js';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {deriveSnapshot} from '../../source/live/derive.js';
import {Engine} from '../../source/live/engine.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import {defaultSources} from '../../source/live/sources.js';
import {SnapshotStore} from '../../source/live/store.js';
import {createDemoWorld} from '../../source/sim/demo/demo-world.js';
import {startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';

const minute = 60_000;
const config: Config = {
	target: 'demo-nlb',
	windowMs: 15 * minute,
	refreshMs: 10_000,
	logGroups: [],
	output: 'json',
	color: false,
	ascii: true,
};

/** One refresh of every source against the demo world, its incident cycle starting at `cycleOrigin`. */
async function snapshotAt(cycleOrigin: number): Promise<Snapshot> {
	const demo = createDemoWorld({seed: 1, now: Date.now(), cycleOrigin});
	const sim = await startSim({
		world: demo.world,
		advance: () => demo.advanceTo(Date.now()),
		jsonServices: [createLogsService(), createCloudTrailService()],
	});
	const store = new SnapshotStore(initialSnapshot(config, Date.now(), 'us-east-1'), deriveSnapshot);
	const engine = new Engine({
		config,
		store,
		aws: {
			endpointUrl: sim.url,
			region: 'us-east-1',
			credentials: {accessKeyId: 't', secretAccessKey: 't'},
		},
		sources: defaultSources,
	});
	try {
		return await engine.snapshotOnce();
	} finally {
		await engine.stop();
		await sim.close();
	}
}

describe('findings in the demo world', () => {
	it('names the cause seven minutes into the security-group incident, with the change that began it', async () => {
		// The incident starts 4m12s into the cycle: this moment is 7 minutes into it.
		const snapshot = await snapshotAt(Date.now() - (11 * minute + 12_000));
		const rejects = snapshot.findings.find((finding) => finding.rule === 'target-sg-rejects');
		expect(rejects?.severity).toBe('critical');
		expect(rejects?.title).toMatch(/ACCEPT at LB, REJECT at target/);
		const change = snapshot.changes?.events.find((event) => event.id === rejects?.relatedChangeId);
		expect(change?.name).toBe('RevokeSecurityGroupIngress');
		expect(snapshot.findings.some((finding) => finding.rule === 'unhealthy-targets')).toBe(true);
	});

	it('names the scan five minutes into the port-scan incident, rejected at the LB', async () => {
		// The scan runs from 18 to 21 minutes into the cycle; flow records arrive 1.5-4 minutes late.
		const snapshot = await snapshotAt(Date.now() - 23 * minute);
		const scan = snapshot.findings.find((finding) => finding.rule === 'source-scan');
		expect(scan?.title).toContain('216.160.83.56');
		expect(
			snapshot.flows?.aggregates.rejectedSources.find((source) => source.addr === '216.160.83.56')
				?.where,
		).toBe('lb');
	});

	it('reads the reset burst as the target resetting, once its minutes are published', async () => {
		// The burst runs from 24m30s to 26m30s into the cycle; ELB publishes each minute a minute later.
		const snapshot = await snapshotAt(Date.now() - (27 * minute + 30_000));
		const resets = snapshot.findings.find((finding) => finding.rule === 'reset-spike');
		expect(resets?.title).toMatch(/target/i);
	});

	it('shows no warning or critical finding in a quiet stretch, long after the last incident', async () => {
		// Two minutes into a new cycle: the last incident ended more than half an hour ago.
		const snapshot = await snapshotAt(Date.now() - 32 * minute);
		expect(snapshot.sources.flows.status).toBe('ok');
		expect(snapshot.sources.metrics.status).toBe('ok');
		expect(
			snapshot.findings
				.filter((finding) => finding.severity !== 'info')
				.map((finding) => finding.title),
		).toEqual([]);
	});
});
