// The wording and judgement of each rule beyond "it fires": what the title names, what the next
// step tells the engineer to check, and how severity and confidence follow the evidence.
import {describe, expect, it} from 'vitest';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {Finding, GapKind, Snapshot} from '../../../source/domain/snapshot.js';
import {
	applicationErrorsSnapshot,
	blockedAtLbSnapshot,
	resetSpikeSnapshot,
	scanSnapshot,
	targetRejectsConnections,
	unhealthyTargetSnapshot,
} from './scenarios.js';
import {
	buildSnapshot,
	connection,
	flows,
	healthyMetrics,
	ids,
	minute,
	now,
	series,
	source,
	spiking,
	steadyConnections,
	target,
	target1,
	target2,
	targetGroup,
	topology,
	withSeries,
} from './snapshot-builder.js';

function only(snapshot: Snapshot, rule: string): Finding {
	const findings = evaluateFindings(snapshot).filter((finding) => finding.rule === rule);
	expect(findings).toHaveLength(1);
	const [finding] = findings;
	if (finding === undefined) {
		throw new Error(`no ${rule} finding`);
	}

	return finding;
}

describe('target security group rejects', () => {
	it('names the security group by its name when discovery read it', () => {
		const snapshot = buildSnapshot({
			topology: topology({securityGroupDetails: [{groupId: ids.webSg, groupName: 'web-sg'}]}),
			flows: flows([...steadyConnections(), ...targetRejectsConnections()]),
		});
		expect(only(snapshot, 'target-sg-rejects').title).toMatch(
			new RegExp(`^Target SG \\(web-sg \\(${ids.webSg}\\)\\) rejects client IPs`),
		);
	});

	it('says the target rejects the LB when client IP preservation is off', () => {
		const rejected = Array.from({length: 3}, (_, index) =>
			connection({
				clientPort: 50_000 + index,
				atTarget: 'REJECT',
				targetSees: ids.lbIpA,
				kind: 'likely',
			}),
		);
		const snapshot = buildSnapshot({
			topology: topology({
				targetGroups: [targetGroup({targetType: 'ip', preserveClientIp: false})],
			}),
			flows: flows([...steadyConnections(), ...rejected]),
		});
		const finding = only(snapshot, 'target-sg-rejects');
		expect(finding.title).toContain("rejects the LB's address");
		expect(finding.title).toContain(`from ${ids.lbIpA}`);
		expect(finding.next).toContain(
			`allow the LB's private IPs ${ids.lbIpA}, ${ids.lbIpB} on tcp/80`,
		);
		expect(finding.next).toContain('client IP preservation is off for web-tg');
		expect(finding.confidence).toBe('medium');
	});

	it('names the address when the target is not in the topology', () => {
		const rejected = Array.from({length: 3}, (_, index) =>
			connection({
				clientPort: 50_000 + index,
				atTarget: 'REJECT',
				targetIp: '10.0.9.9',
				targetEni: 'eni-0fff0000000000009',
			}),
		);
		const finding = only(
			buildSnapshot({flows: flows([...steadyConnections(), ...rejected])}),
			'target-sg-rejects',
		);
		expect(finding.id).toBe('target-sg-rejects:target/10.0.9.9');
		expect(finding.title).toContain('ACCEPT at LB, REJECT at target');
		expect(finding.title).toContain('to 10.0.9.9');
		expect(finding.confidence).toBe('medium');
	});

	it('gives targets behind different security groups their own finding', () => {
		const otherTarget = target2({securityGroups: [ids.otherSg]});
		const rejected = [
			...targetRejectsConnections(3),
			...Array.from({length: 3}, (_, index) =>
				connection({
					clientPort: 51_000 + index,
					atTarget: 'REJECT',
					targetIp: ids.target2Ip,
					targetEni: ids.target2Eni,
				}),
			),
		];
		const snapshot = buildSnapshot({
			topology: topology({targetGroups: [targetGroup({targets: [target1(), otherTarget]})]}),
			flows: flows([...steadyConnections(), ...rejected]),
		});
		const findings = evaluateFindings(snapshot).filter(
			(finding) => finding.rule === 'target-sg-rejects',
		);
		expect(findings.map((finding) => finding.id).sort()).toEqual([
			`target-sg-rejects:${ids.otherSg}`,
			`target-sg-rejects:${ids.webSg}`,
		]);
	});

	it('names an instance registered on two ports by the port its last rejection reached', () => {
		const rejected = [80, 8080, 80].map((targetPort, index) =>
			connection({clientPort: 52_000 + index, atTarget: 'REJECT', targetPort}),
		);
		const snapshot = buildSnapshot({
			topology: topology({
				targetGroups: [
					targetGroup({targets: [target1({port: 80}), target1({port: 8080}), target2()]}),
				],
			}),
			flows: flows([...steadyConnections(), ...rejected]),
		});
		const {title} = only(snapshot, 'target-sg-rejects');
		expect(title).toContain(`${ids.target1} (${ids.target1Ip}:80)`);
		expect(title).not.toContain(':8080');
	});

	it('starts at the first rejected leg and lists the rows as evidence', () => {
		const finding = only(
			buildSnapshot({
				flows: flows([...steadyConnections(), ...targetRejectsConnections(4, now - 7 * minute)]),
			}),
			'target-sg-rejects',
		);
		expect(finding.since).toBe(now - 7 * minute);
		expect(finding.evidence).toContainEqual({
			kind: 'target',
			targetGroupArn: ids.tgArn,
			id: ids.target1,
		});
		expect(finding.evidence.filter((evidence) => evidence.kind === 'connection')).toHaveLength(4);
	});
});

describe('blocked at the LB', () => {
	it('points at the network ACL alone when the LB has no security group', () => {
		const base = blockedAtLbSnapshot();
		const finding = only({...base, topology: topology({securityGroups: []})}, 'blocked-at-lb');
		expect(finding.title).toContain('(subnet network ACL)');
		expect(finding.next).toMatch(
			/^The LB has no security group, so check the network ACLs of the LB's subnets subnet-/,
		);
	});

	it('is a warning while most flows on the port still get through', () => {
		expect(only(blockedAtLbSnapshot(9), 'blocked-at-lb').severity).toBe('warning');
		expect(only(blockedAtLbSnapshot(60), 'blocked-at-lb').severity).toBe('critical');
	});
});

describe('source scans', () => {
	it('warns when the scan got an answer outside the listeners', () => {
		const finding = only(scanSnapshot({answeredPort: 22}), 'source-scan');
		expect(finding.severity).toBe('warning');
		expect(finding.title).toContain('answered on 22');
		expect(finding.next).toContain('Find what answers on 22');
	});

	it('counts a sweep over many addresses as a scan', () => {
		const sweep = Array.from({length: 9}, (_, index) =>
			connection({
				client: '198.51.100.77',
				clientPort: 53_000 + index,
				frontend: 'none',
				backend: 'none',
				atTarget: 'REJECT',
				targetIp: `10.0.2.${20 + index}`,
				kind: 'unpaired',
			}),
		);
		const finding = only(
			buildSnapshot({flows: flows([...steadyConnections(), ...sweep])}),
			'source-scan',
		);
		expect(finding.title).toContain('Scan from 198.51.100.77: 9 addresses and 1 port');
	});

	// A target deregistered during discovery is no longer known as the path's own address: its
	// replies to clients' ephemeral ports show as a source of many ports, all accepted.
	it('never calls a scanner a source that only sent records, none rejected and no connection of its own', () => {
		const replies = source(
			'10.0.3.12',
			Array.from({length: 16}, (_, index) => 30_000 + index * 7),
			463,
		);
		const snapshot = buildSnapshot({
			flows: flows(steadyConnections(), {acceptedSources: [replies]}),
		});
		expect(evaluateFindings(snapshot).filter((finding) => finding.rule === 'source-scan')).toEqual(
			[],
		);
	});

	it('never calls the LB itself or a target a scanner', () => {
		const healthChecks = Array.from({length: 12}, (_, index) =>
			source(ids.lbIpA, [8000 + index], 1),
		);
		const snapshot = buildSnapshot({
			flows: flows(steadyConnections(), {acceptedSources: healthChecks}),
		});
		expect(evaluateFindings(snapshot)).toEqual([]);
	});
});

describe('unhealthy targets', () => {
	it.each([
		{
			reason: 'Target.Timeout',
			next: `Check that ${ids.webSg} allows the health check from the LB's security group ${ids.lbSg} on port 80`,
		},
		{reason: 'Target.FailedHealthChecks', next: 'listens on port 80'},
		{
			reason: 'Target.ResponseCodeMismatch',
			next: "gets the wrong status code: check the application's health endpoint",
		},
		{reason: 'Target.NotInUse', next: 'its AZ is enabled on the LB'},
	])('advises on $reason', ({reason, next}) => {
		const snapshot = buildSnapshot({
			topology: topology({
				targetGroups: [
					targetGroup({targets: [target1({health: {state: 'unhealthy', reason}}), target2()]}),
				],
			}),
		});
		const finding = only(snapshot, 'unhealthy-targets');
		expect(finding.next).toContain(next);
		expect(finding.severity).toBe('critical');
		expect(finding.title).toContain('no healthy target in us-east-1a');
	});

	it('is a warning while every AZ keeps a healthy target', () => {
		const third = target({id: 'i-0eee5555ffff66667', ip: '10.0.0.11'});
		const snapshot = buildSnapshot({
			topology: topology({
				targetGroups: [
					targetGroup({targets: [target1({health: {state: 'unhealthy'}}), third, target2()]}),
				],
			}),
		});
		const finding = only(snapshot, 'unhealthy-targets');
		expect(finding.severity).toBe('warning');
		expect(finding.title).toBe(`1 of 3 targets unhealthy in web-tg: ${ids.target1}`);
	});

	it('takes the start of the zero run in an AZ as the time it began', () => {
		expect(only(unhealthyTargetSnapshot(), 'unhealthy-targets').since).toBe(now - 4 * minute);
	});
});

describe('reset spikes', () => {
	it.each([
		{
			metric: 'TCP_Client_Reset_Count',
			title: 'Clients resetting connections',
			next: 'Clients are closing connections',
		},
		{
			metric: 'TCP_ELB_Reset_Count',
			title: 'The LB is resetting connections',
			next: 'TCP idle timeout (350 s by default)',
		},
		{
			metric: 'TCP_Target_Reset_Count',
			title: 'Targets resetting connections (the application)',
			next: 'check the application on',
		},
	])('reads $metric as its side', ({metric, title, next}) => {
		const finding = only(resetSpikeSnapshot(metric), 'reset-spike');
		expect(finding.title).toMatch(new RegExp(`^${title.replace(/[()]/g, '\\$&')}`));
		expect(finding.next).toContain(next);
		expect(finding.since).toBe(now - 2 * minute);
		expect(finding.confidence).toBe('high');
	});

	it('reads per-AZ series when there is no LB-wide one, keyed by AZ', () => {
		const perZone = series('TCP_ELB_Reset_Count', spiking(2, 300), {
			dimensions: {LoadBalancer: ids.lbDimension, AvailabilityZone: 'us-east-1b'},
		});
		const snapshot = buildSnapshot({
			metrics: {
				series: [
					...healthyMetrics().filter((entry) => entry.metricName !== 'TCP_ELB_Reset_Count'),
					perZone,
				],
				alarms: [],
			},
		});
		const finding = only(snapshot, 'reset-spike');
		expect(finding.id).toBe('reset-spike:TCP_ELB_Reset_Count:us-east-1b');
		expect(finding.title).toContain('in us-east-1b');
	});

	it.each([
		{name: 'a short series reports only a large count', values: [300, 300, 300], fires: true},
		{name: 'a short series ignores a moderate count', values: [60, 60, 60], fires: false},
	])('$name', ({values, fires}) => {
		const snapshot = buildSnapshot({
			metrics: {
				series: withSeries(healthyMetrics(), series('TCP_Client_Reset_Count', values)),
				alarms: [],
			},
		});
		const rules = evaluateFindings(snapshot).map((finding) => finding.rule);
		expect(rules.includes('reset-spike')).toBe(fires);
	});
});

describe('application latency and errors', () => {
	it('blames the LB-generated 5XX on unreachable or failing targets', () => {
		const finding = only(
			applicationErrorsSnapshot({latency: 0.12, target5xx: 1, elb5xx: 90}),
			'app-errors',
		);
		expect(finding.title).toContain(
			'The LB answers 5XX (web-tg): HTTPCode_ELB_5XX_Count 90 per 1m (usual 0)',
		);
		expect(finding.next).toContain('503 (no healthy targets)');
	});

	it('does not claim the network is fine when flows are being rejected', () => {
		const base = applicationErrorsSnapshot({target5xx: 1});
		const snapshot = {
			...base,
			flows: flows(steadyConnections(), {rejected: {flows: 30, packets: 60, bytes: 3600}}),
		};
		const finding = only(snapshot, 'app-latency');
		expect(finding.title).not.toContain('not the network');
		expect(finding.next).toContain('rule out the REJECT pane first');
		expect(finding.confidence).toBe('medium');
	});
});

describe('metric gaps', () => {
	it('are missing periods, not zeros, in the baseline', () => {
		// Read as zeros, the gaps would pull the usual latency to 0 and 1.2 s would be a spike;
		// the periods that exist say 0.5 s is usual, and 1.2 s is not three times that.
		const sparse = [
			0.5,
			undefined,
			0.5,
			undefined,
			undefined,
			0.5,
			undefined,
			0.5,
			undefined,
			0.5,
			undefined,
			undefined,
			0.5,
			1.2,
			1.2,
		];
		const snapshot = buildSnapshot({
			topology: topology({type: 'application'}),
			metrics: {series: [series('TargetResponseTime', sparse, {stat: 'Average'})], alarms: []},
		});
		expect(evaluateFindings(snapshot)).toEqual([]);
	});
});

describe('monitoring gaps', () => {
	const kinds: readonly GapKind[] = [
		'no-flow-logs',
		's3-only',
		'ten-minute-aggregation',
		'targets-without-flow-logs',
		'log-group-not-covering',
		'traffic-type-partial',
		'interfaces-not-found',
	];

	it.each(kinds)('gives concrete advice for %s', (kind) => {
		const snapshot = buildSnapshot({
			topology: topology({gaps: [{kind, message: `Gap ${kind}.`, resources: [ids.lbEniA]}]}),
		});
		const finding = only(snapshot, 'monitoring-gap');
		expect(finding).toMatchObject({
			severity: 'info',
			title: `Monitoring gap: Gap ${kind}.`,
			evidence: [{kind: 'gap', gap: kind}],
		});
		expect(finding.next).toContain(ids.lbEniA);
	});
});
