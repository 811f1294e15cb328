// Findings on worlds nobody tuned lbtop for: a quiet LB with one rejected client, a busy LB with
// its normal background, and each control denying traffic in its own way. Every case names the
// control whose rules deny the traffic and never the other one.
import {describe, expect, it} from 'vitest';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {Finding, Snapshot} from '../../../source/domain/snapshot.js';
import {ids, minute, now} from './snapshot-builder.js';
import {
	aclEntry,
	aclIds,
	fin,
	flow,
	healthyFlows,
	lbSubnets,
	openAcl,
	permission,
	probe,
	rst,
	sourceRow,
	syn,
	synAck,
	world,
} from './worlds.js';

const loud = (findings: readonly Finding[]) =>
	findings.filter((finding) => finding.severity !== 'info');

function one(snapshot: Snapshot, rule: string): Finding {
	const found = evaluateFindings(snapshot).filter((finding) => finding.rule === rule);
	expect(found.map((finding) => finding.title)).toHaveLength(1);
	return found[0] as Finding;
}

const blockedClient = '203.0.113.7';
/** Seed 000: ACCEPT on the LB's interface for both legs, REJECT on the instance's. */
const rejectedAtTarget = (flags: boolean, at = now - 6 * minute) =>
	flow({
		client: blockedClient,
		clientPort: 51_000,
		at,
		frontend: {forward: {action: 'ACCEPT', ...(flags ? {flags: syn} : {})}},
		backend: {forward: {action: 'ACCEPT', ...(flags ? {flags: syn} : {})}},
		target: {forward: {action: 'REJECT', records: 2, ...(flags ? {flags: syn} : {})}},
	});

/** web-sg allows only the VPC: an internet client that reaches it through the NLB is rejected. */
const vpcOnly = {webIngress: [permission(80, ['10.0.0.0/16'])]};

describe('a quiet NLB: one client the target security group does not allow', () => {
	const quietTraffic = [
		flow({client: '10.0.7.7', clientPort: 41_000, at: now - 9 * minute}),
		flow({client: '10.0.7.8', clientPort: 41_001, at: now - 4 * minute}),
	];

	it.each([
		{name: 'with tcp-flags: one rejected SYN is enough', flags: true, rules: vpcOnly},
		{name: 'without tcp-flags: the rules deny exactly this client', flags: false, rules: vpcOnly},
	])('$name', ({flags, rules}) => {
		const snapshot = world({rules, connections: [...quietTraffic, rejectedAtTarget(flags)]});
		const finding = one(snapshot, 'target-sg-rejects');
		expect(finding.severity).toBe('critical');
		expect(finding.confidence).toBe('high');
		expect(finding.title).toMatch(
			/^Target SG \(web-sg \(sg-[0-9a-f]+\)\) rejects client IPs: ACCEPT at LB, REJECT at target on tcp\/80/,
		);
		expect(finding.title).toContain(`1 connection to ${ids.target1}`);
		expect(finding.title).toContain(`from ${blockedClient}`);
		expect(finding.title).not.toMatch(/NACL/);
		expect(finding.evidence).toContainEqual({kind: 'connection', id: rejectedAtTarget(flags).id});
		expect(evaluateFindings(snapshot).some((entry) => entry.rule === 'target-nacl-rejects')).toBe(
			false,
		);
	});

	it('without tcp-flags or rules, one REJECT is only a possible block, and says why', () => {
		const snapshot = world({connections: [...quietTraffic, rejectedAtTarget(false)]});
		if (snapshot.topology === undefined) {
			throw new Error('the world has a topology');
		}

		// Discovery from an older lbtop (or denied the rules): names only.
		const bare = {
			...snapshot,
			topology: {...snapshot.topology, securityGroupDetails: [], networkAcls: []},
		};
		const finding = one(bare, 'target-sg-rejects');
		expect(finding.severity).toBe('info');
		expect(finding.confidence).toBe('low');
		expect(finding.title).toMatch(/^Possible block: Target SG/);
		expect(finding.next).toContain('Judged by count: 1 rejected connection of the 3 connections');
		expect(finding.next).toContain('no tcp-flags field');
	});

	it('states the probes of ports with no listener as info: what, where, no action needed', () => {
		const prober = '192.0.2.99';
		const probes = [22, 23, 3389, 5900].map((port, index) =>
			probe(prober, port, now - (8 - index) * minute, syn),
		);
		const snapshot = world({
			rules: vpcOnly,
			connections: [...quietTraffic, rejectedAtTarget(true), ...probes],
			rejectedSources: [sourceRow(prober, [22, 23, 3389, 5900], 4, 'lb')],
		});
		const finding = one(snapshot, 'source-probes');
		expect(finding.severity).toBe('info');
		expect(finding.title).toBe(
			`Probe from ${prober} of ports with no listener (22, 23, 3389, 5900): 4 rejected flows, all REJECTed at the LB (LB SG lb-sg (${ids.lbSg})); no action needed`,
		);
		expect(finding.evidence).toContainEqual({kind: 'rejected-source', addr: prober});
		expect(loud(evaluateFindings(snapshot)).map((entry) => entry.rule)).toEqual([
			'target-sg-rejects',
		]);
	});
});

describe('a busy healthy LB with its normal background', () => {
	const lateFlags = [fin, rst, fin | rst, 0];
	function busy(flags: boolean): Snapshot {
		const healthy = healthyFlows(400, flags);
		// Late packets: a FIN or RST after the connection closed, in the same leg as its accepted
		// records, or alone when the accepted part lies before the rows begin.
		const lateInLeg = Array.from({length: 8}, (_, index) =>
			flow({
				client: `198.51.101.${index + 1}`,
				clientPort: 45_000 + index,
				at: now - (10 - index) * minute,
				target: {
					forward: {
						action: 'REJECT',
						records: 3,
						rejected: 1,
						...(flags ? {flags: syn | fin} : {}),
					},
					reverse: {action: 'ACCEPT', records: 2, ...(flags ? {flags: synAck | fin} : {})},
				},
			}),
		);
		const lateAlone = Array.from({length: 6}, (_, index) =>
			flow({
				client: `198.51.102.${index + 1}`,
				clientPort: 46_000 + index,
				at: now - 14 * minute,
				target: {
					forward: {
						action: 'REJECT',
						...(flags ? {flags: lateFlags[index % lateFlags.length] ?? fin} : {}),
					},
				},
			}),
		);
		// The same at the LB's interface: a client's FIN after the NLB's flow timed out.
		const lateAtLb = Array.from({length: 5}, (_, index) =>
			flow({
				client: `198.51.103.${index + 1}`,
				clientPort: 47_000 + index,
				at: now - 13 * minute,
				frontend: {
					forward: {
						action: 'REJECT',
						...(flags ? {flags: lateFlags[index % lateFlags.length] ?? fin} : {}),
					},
				},
			}),
		);
		const probers = Array.from({length: 12}, (_, index) => `192.0.2.${index + 10}`);
		const probes = probers.map((addr, index) =>
			probe(
				addr,
				[22, 23, 445, 3389][index % 4] ?? 22,
				now - index * minute,
				flags ? syn : undefined,
			),
		);
		return world({
			connections: [...healthy, ...lateInLeg, ...lateAlone, ...lateAtLb, ...probes],
			rejectedSources: [
				...probers.map((addr, index) =>
					sourceRow(addr, [[22, 23, 445, 3389][index % 4] ?? 22], 1, 'lb'),
				),
				...lateAlone.map((connection) => sourceRow(connection.clientAddr, [80], 1, 'target')),
				...lateAtLb.map((connection) => sourceRow(connection.clientAddr, [80], 1, 'lb')),
			],
			acceptedFlows: 1600,
		});
	}

	it.each([{flags: true}, {flags: false}])(
		'raises no warning or critical finding (tcp-flags: $flags)',
		({flags}) => {
			const findings = evaluateFindings(busy(flags));
			expect(loud(findings).map((finding) => finding.title)).toEqual([]);
			expect(findings.map((finding) => finding.rule)).toEqual(['source-probes']);
		},
	);
});

describe('blaming the right control', () => {
	const clients = ['203.0.113.10', '203.0.113.11', '203.0.113.12'];

	it('a NACL on the targets subnet denying outbound ephemeral ports: replies rejected at the target, the NACL named', () => {
		const rules = {
			targetsAcl: [aclEntry(90, true, 'deny', '0.0.0.0/0', [1024, 65_535]), ...openAcl],
		};
		for (const flags of [true, false]) {
			const rejected = clients.map((client, index) =>
				flow({
					client,
					clientPort: 52_000 + index,
					at: now - (6 - index) * minute,
					frontend: {forward: {action: 'ACCEPT', ...(flags ? {flags: syn} : {})}},
					backend: {forward: {action: 'ACCEPT', ...(flags ? {flags: syn} : {})}},
					target: {
						forward: {action: 'ACCEPT', records: 2, ...(flags ? {flags: syn} : {})},
						reverse: {action: 'REJECT', records: 2, ...(flags ? {flags: synAck} : {})},
					},
				}),
			);
			const snapshot = world({
				rules,
				connections: [...healthyFlows(20, flags).slice(0, 5), ...rejected],
			});
			const finding = one(snapshot, 'target-nacl-rejects');
			expect(finding.title).toMatch(
				new RegExp(
					`^NACL ${aclIds.targets} on ${ids.subnetA} \\(targets' subnet\\) denies outbound tcp 1024-65535 to 0\\.0\\.0\\.0/0 \\(rule 90\\): replies rejected at the target · 3 connections to ${ids.target1}`,
				),
			);
			expect(finding.severity).toBe('critical');
			expect(finding.next).toContain('stateless');
			expect(evaluateFindings(snapshot).some((entry) => entry.rule === 'target-sg-rejects')).toBe(
				false,
			);
		}
	});

	it('a NACL on the LB subnet denying one client range: blocked at the LB by the NACL, never the SG', () => {
		const rules = {lbAcl: [aclEntry(90, false, 'deny', '198.51.100.0/24'), ...openAcl]};
		const denied = ['198.51.100.7', '198.51.100.8'];
		const rejected = denied.map((client, index) =>
			flow({
				client,
				clientPort: 53_000 + index,
				at: now - (5 - index) * minute,
				frontend: {forward: {action: 'REJECT', records: 2}},
			}),
		);
		const others = healthyFlows(40, false).map((connection, index) => ({
			...connection,
			clientAddr: `203.0.113.${index + 20}`,
		}));
		const snapshot = world({
			rules,
			connections: [...others, ...rejected],
			rejectedSources: denied.map((addr) => sourceRow(addr, [80], 2, 'lb')),
		});
		const finding = one(snapshot, 'blocked-at-lb');
		expect(finding.title).toBe(
			`Blocked at the LB on tcp/80 (TCP listener): NACL ${aclIds.lb} on ${lbSubnets[0]} (the LB's subnet) denies inbound all traffic from 198.51.100.0/24 (rule 90); 4 rejected flows from 198.51.100.7, 198.51.100.8`,
		);
		expect(finding.title).not.toMatch(/SG|security group/);
		expect(finding.severity).toBe('warning');
		expect(finding.confidence).toBe('high');
	});

	// A block of many clients lists them after the control: a title cut to one line keeps the CIDR.
	it('a NACL denying a range many clients use: the title keeps the denied CIDR', () => {
		const rules = {lbAcl: [aclEntry(90, false, 'deny', '198.51.100.0/24'), ...openAcl]};
		const denied = Array.from({length: 60}, (_, index) => `198.51.100.${index + 100}`);
		const rejected = denied.map((client, index) =>
			flow({
				client,
				clientPort: 53_000 + index,
				at: now - 5 * minute,
				frontend: {forward: {action: 'REJECT', records: 2}},
			}),
		);
		const snapshot = world({
			rules,
			connections: [...healthyFlows(40, false), ...rejected],
			rejectedSources: denied.map((addr) => sourceRow(addr, [80], 1200, 'lb')),
		});
		const finding = one(snapshot, 'blocked-at-lb');
		expect(finding.title).toContain(
			`NACL ${aclIds.lb} on ${lbSubnets[0]} (the LB's subnet) denies inbound all traffic from 198.51.100.0/24 (rule 90)`,
		);
		expect(finding.title).toContain('72,000 rejected flows from 198.51.100.100');
	});

	it('the target security group missing the client: the SG named, not the NACL', () => {
		const rejected = clients.map((client, index) => ({
			...rejectedAtTarget(false, now - (7 - index) * minute),
			id: `rejected-${index}`,
			clientAddr: client,
		}));
		const snapshot = world({
			rules: vpcOnly,
			connections: [...healthyFlows(30, false), ...rejected],
		});
		const finding = one(snapshot, 'target-sg-rejects');
		expect(finding.title).toContain(`Target SG (web-sg (${ids.webSg}))`);
		expect(finding.next).toContain('no rule allows them now');
		expect(finding.next).not.toContain('network ACL');
		expect(evaluateFindings(snapshot).some((entry) => entry.rule === 'target-nacl-rejects')).toBe(
			false,
		);
	});

	it("the LB's own security group changed so clients are rejected: the LB SG named, critical", () => {
		const rules = {lbIngress: [permission(443, ['0.0.0.0/0'])]};
		const rejected = Array.from({length: 12}, (_, index) =>
			flow({
				client: `203.0.113.${index + 40}`,
				clientPort: 54_000 + index,
				at: now - 4 * minute + index * 10_000,
				frontend: {forward: {action: 'REJECT', flags: syn}},
			}),
		);
		const before = healthyFlows(6, true);
		const snapshot = world({
			rules,
			connections: [...before, ...rejected],
			rejectedSources: rejected.map((connection) =>
				sourceRow(connection.clientAddr, [80], 3, 'lb'),
			),
			acceptedFlows: 24,
		});
		const finding = one(snapshot, 'blocked-at-lb');
		expect(finding.title).toContain(
			`(TCP listener): LB SG lb-sg (${ids.lbSg}) has no rule allowing it; `,
		);
		expect(finding.title).not.toMatch(/NACL|network ACL/);
		expect(finding.severity).toBe('critical');
		expect(finding.next).toContain('has no inbound rule allowing');
	});
});

describe('probes that get further', () => {
	const prober = '192.0.2.77';

	it('are a warning of their own when something answered on a port with no listener', () => {
		const answered = flow({
			client: prober,
			clientPort: 58_022,
			at: now - 3 * minute,
			listenerPort: 2222,
		});
		const probes = [22, 23].map((port, index) =>
			probe(prober, port, now - (6 - index) * minute, syn),
		);
		const snapshot = world({
			connections: [...healthyFlows(20, true), ...probes, answered],
			rejectedSources: [sourceRow(prober, [22, 23], 2, 'lb')],
		});
		const finding = one(snapshot, 'source-probe');
		expect(finding.severity).toBe('warning');
		expect(finding.title).toBe(
			`Probe from ${prober}: ports 22, 23 rejected at the LB (2 rejected flows), and answered on 2222, where no listener or target port is`,
		);
		expect(evaluateFindings(snapshot).some((entry) => entry.rule === 'source-probes')).toBe(false);
	});

	it('are a warning when they reach a listener of an internal LB (the source is inside the network)', () => {
		const insider = '10.0.44.5';
		const connections = [
			...healthyFlows(20, true),
			probe(insider, 22, now - 6 * minute, syn),
			probe(insider, 3389, now - 5 * minute, syn),
			flow({client: insider, clientPort: 58_080, at: now - 4 * minute}),
		];
		const internet = world({connections});
		expect(loud(evaluateFindings(internet))).toEqual([]);
		const internal = {
			...internet,
			...(internet.topology === undefined
				? {}
				: {topology: {...internet.topology, scheme: 'internal' as const}}),
		};
		const finding = one(internal, 'source-probe');
		expect(finding.severity).toBe('warning');
		expect(finding.title).toContain('it reached listener 80 of this internal LB');
	});
});
