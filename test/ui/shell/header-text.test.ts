import {describe, expect, it} from 'vitest';
import {healthSegments, identityText, windowText} from '../../../source/ui/shell/header-text.js';
import {pauseSummary, pauseText} from '../../../source/ui/shell/pause-summary.js';
import {fixtureNow, fixtureSnapshot} from '../../helpers/snapshot-fixture.js';

describe('identityText', () => {
	it('names the load balancer, its type, region and account', () => {
		expect(identityText(fixtureSnapshot(), ' · ', false)).toBe(
			'lbtop web-prod-nlb NLB internet-facing · us-east-1 · acct 123456789012',
		);
	});

	it('says discovery is running before the topology is known', () => {
		const snapshot = fixtureSnapshot();
		const {topology: _topology, identity: _identity, ...rest} = snapshot;
		const discovering = {
			...rest,
			target: 'web-prod-nlb',
			sources: {...snapshot.sources, discovery: {status: 'pending'}},
		} as const;
		expect(identityText(discovering, ' | ', true)).toBe(
			'lbtop web-prod-nlb discovering... | us-east-1',
		);
	});

	it.each([
		['network', 'cannot connect'],
		['throttled', 'throttled'],
		['not-found', 'not found'],
		['unknown', 'cannot start'],
	] as const)(
		'before the topology, a %s failure says %s, not that the load balancer is missing',
		(kind, word) => {
			const snapshot = fixtureSnapshot();
			const {topology: _topology, identity: _identity, ...rest} = snapshot;
			const failing = {
				...rest,
				target: 'web-prod-nlb',
				sources: {
					...snapshot.sources,
					discovery: {status: 'error', error: {kind, message: 'x', hint: 'y', at: 0}},
				},
			} as const;
			expect(identityText(failing, ' | ', true)).toBe(`lbtop web-prod-nlb ${word} | us-east-1`);
		},
	);

	it('sanitizes names that came from AWS', () => {
		const {topology} = fixtureSnapshot();
		if (topology === undefined) {
			throw new Error('the fixture has a topology');
		}
		const snapshot = fixtureSnapshot({topology: {...topology, name: 'evil\u001B[2Jname'}});
		expect(identityText(snapshot, ' · ', false)).toMatch(/^lbtop evilname NLB/);
	});
});

describe('windowText', () => {
	it('shows the window and the one asked for while the engine catches up', () => {
		const snapshot = fixtureSnapshot();
		expect(windowText(snapshot, 15, 'utc', '→')).toBe('window 15m (13:27:10Z-13:42:10Z)');
		expect(windowText(snapshot, 60, 'utc', '→')).toBe('window 15m → 1h (13:27:10Z-13:42:10Z)');
	});
});

describe('healthSegments', () => {
	it('counts healthy targets, zones, firing alarms and monitoring gaps', () => {
		const {topology} = fixtureSnapshot();
		if (topology === undefined) {
			throw new Error('the fixture has a topology');
		}
		const withGap = fixtureSnapshot({
			topology: {
				...topology,
				gaps: [{kind: 's3-only', message: 'Flow logs go to S3 only', resources: []}],
			},
		});
		expect(healthSegments(withGap)).toEqual([
			{key: 'targets', text: 'targets 1/2 healthy', tone: 'error'},
			{key: 'zones', text: '2 AZs', tone: 'normal'},
			{key: 'alarms', text: '1 alarm firing', tone: 'error'},
			{key: 'gaps', text: '1 monitoring gap', tone: 'warn'},
		]);
	});
});

describe('pause summary', () => {
	it('says how much newer data waits and how many findings are new', () => {
		const frozen = fixtureSnapshot();
		const live = fixtureSnapshot({
			generatedAt: fixtureNow + 95_000,
			findings: [
				...frozen.findings,
				{
					id: 'f-new',
					rule: 'scan',
					severity: 'info',
					confidence: 'low',
					title: 'scan',
					evidence: [],
					next: '',
				},
			],
		});
		expect(pauseSummary(frozen, live)).toMatchObject({heldBackMs: 95_000, newFindings: 1});
		expect(pauseText(frozen, live, 'utc', ' · ')).toBe(
			'PAUSED at 13:42:10Z · held back 1m35s: 1 new finding · p resumes',
		);
		expect(pauseText(frozen, frozen, 'utc', ' · ')).toBe(
			'PAUSED at 13:42:10Z · still collecting, nothing newer yet · p resumes',
		);
	});
});
