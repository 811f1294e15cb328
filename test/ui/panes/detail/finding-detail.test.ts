import {describe, expect, it} from 'vitest';
import type {Finding} from '../../../../source/domain/snapshot.js';
import {evidenceLines} from '../../../../source/ui/panes/detail/evidence-lines.js';
import {findingDetailLines} from '../../../../source/ui/panes/detail/finding-detail.js';
import {lineText} from '../../../../source/ui/panes/line.js';
import {context, snapshot, targetGroupArn} from '../fixture.js';

const wide = context({width: 160, height: 30});
const finding = (id: string) => snapshot.findings.find((entry) => entry.id === id) as Finding;

describe('evidenceLines', () => {
	it.each<[Finding['evidence'][number], string]>([
		[
			{kind: 'connection', id: 'c-203.0.113.7-51234'},
			'  connection 203.0.113.7:51234 -> :443 => 10.0.1.10:8443  ACC ACC REJ  exact',
		],
		[
			{kind: 'change', id: 'ev-revoke'},
			'  change 13:38:12Z RevokeSecurityGroupIngress sg-0target tcp/8443 from 203.0.113.0/24 by ops-admin/alice',
		],
		[
			{kind: 'alarm', name: 'web-nlb-healthy-hosts'},
			'  alarm ALARM web-nlb-healthy-hosts · since 13:41Z (4m) · Threshold Crossed: 1 datapoint [1.0] was less than the threshold (2.0)',
		],
		[
			{kind: 'target', targetGroupArn, id: 'i-0def5678'},
			'  target i-0def5678 (10.0.2.20:8443) · us-east-1b · unhealthy · Target.FailedHealthChecks · Health checks failed',
		],
		[{kind: 'metric', seriesId: 'healthy'}, '  metric Healthy hosts · now 1 · max 2'],
		[
			{kind: 'rejected-source', addr: '45.33.32.156'},
			'  rejected source 45.33.32.156 · at LB · 40 records · ports 22,23,3389,5900 · 7KB',
		],
		[{kind: 'connection', id: 'c-gone'}, '  connection c-gone (no longer in the window)'],
		[{kind: 'change', id: 'ev-gone'}, '  change ev-gone (no longer in the window)'],
		[
			{kind: 'target', targetGroupArn, id: 'i-0gone'},
			'  target i-0gone (not among the registered targets discovery found)',
		],
		[{kind: 'gap', gap: 'no-flow-logs'}, '  monitoring gap no-flow-logs'],
	])('%j reads %j', (evidence, expected) => {
		expect(evidenceLines(evidence, snapshot, wide).map(lineText)).toEqual([expected]);
	});

	it('reads a monitoring gap in the words discovery gave it', () => {
		const message = 'Targets i-0abc1234 have no flow logs: REJECTs at the targets are not visible';
		const topology = snapshot.topology;
		const withGap =
			topology === undefined
				? snapshot
				: {
						...snapshot,
						topology: {
							...topology,
							gaps: [{kind: 'targets-without-flow-logs' as const, message, resources: []}],
						},
					};
		const lines = evidenceLines({kind: 'gap', gap: 'targets-without-flow-logs'}, withGap, wide);
		expect(lines.map(lineText)).toEqual([`  monitoring gap ${message}`]);
	});
});

describe('findingDetailLines', () => {
	it('has the title, since, confidence, next step and every evidence item', () => {
		const lines = findingDetailLines(finding('f-health'), snapshot, wide).map(lineText);
		expect(lines).toEqual([
			'WARN Target i-0def5678 is unhealthy (Target.FailedHealthChecks)',
			'     since 13:40Z (4m) · confidence high · rule unhealthy-target',
			'     next: Check the health check port on i-0def5678',
			'evidence (3):',
			'  target i-0def5678 (10.0.2.20:8443) · us-east-1b · unhealthy · Target.FailedHealthChecks · Health checks failed',
			'  metric Healthy hosts · now 1 · max 2',
			'  alarm ALARM web-nlb-healthy-hosts · since 13:41Z (4m) · Threshold Crossed: 1 datapoint [1.0] was less than the threshold (2.0)',
		]);
	});

	it('adds the related change when the evidence does not name it', () => {
		const related = {...finding('f-scan'), relatedChangeId: 'ev-denied'};
		const lines = findingDetailLines(related, snapshot, wide).map(lineText);
		expect(lines).toContain('evidence (2):');
		expect(lines.at(-1)).toMatch(
			/^ {2}change 13:40:03Z ModifyTargetGroupAttributes failed: AccessDenied/,
		);
	});

	it('wraps less when the pane is short, so the evidence keeps its room', () => {
		const short = context({width: 60, height: 8});
		const lines = findingDetailLines(finding('f-sg'), snapshot, short).map(lineText);
		expect(lines.slice(-3)).toEqual([
			'evidence (2):',
			'  connection 203.0.113.7:51234 -> :443 => 10.0.1.10:8443  ACC ACC REJ  exact',
			'  change 13:38:12Z RevokeSecurityGroupIngress sg-0target tcp/8443 from 203.0.113.0/24 by ops-admin/alice',
		]);
		expect(lines.length).toBeLessThanOrEqual(8);
	});
});
