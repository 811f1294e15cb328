// The incident library at lbtop's depth: each incident of examples/ served by the sim and read by
// the built CLI as a user would (`lbtop shop-nlb --json` and `--once`), right after the sim starts,
// so the first snapshot must already name the incident with its evidence; each healthy twin (the
// same world without the fault) must give no warning or critical finding. One table drives it all.
// Needs the build (the test script builds first).
import {existsSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import type {EvidenceRef, Finding} from '../../source/domain/types/findings.js';
import {startWorldSim, type WorldSim} from '../../source/sim/serve.js';
import {cliPath, runCli} from '../cli/run-cli.js';

type Incident = {
	/** examples/incident-<name>.json and examples/incident-<name>.healthy-twin.json */
	readonly name: string;
	readonly loadBalancer: string;
	readonly rule: string;
	/** What the title must say: the control, the CIDR, the AZ, the event, the sources. */
	readonly title: readonly RegExp[];
	/** Evidence the finding must point at, by kind (and, for changes, the CloudTrail event's name). */
	readonly evidence: readonly EvidenceKind[];
	readonly change?: string;
	/** Other rules the incident's own mechanism can fire, once their metric minute is published. */
	readonly consequences?: readonly string[];
};

type EvidenceKind = EvidenceRef['kind'];

const incidents: readonly Incident[] = [
	{
		name: 'nacl-blocks-return-traffic',
		loadBalancer: 'shop-nlb',
		rule: 'target-nacl-rejects',
		title: [/NACL acl-0a1000000000000a9/, /targets' subnet/, /outbound/, /replies rejected/],
		evidence: ['connection', 'change'],
		change: 'ReplaceNetworkAclEntry',
	},
	{
		name: 'nacl-denies-client-range',
		loadBalancer: 'shop-nlb',
		rule: 'blocked-at-lb',
		title: [/NACL acl-0a10000000000b11c/, /the LB's subnet/, /203\.0\.113\.0/],
		evidence: ['rejected-source', 'connection', 'change'],
		change: 'CreateNetworkAclEntry',
	},
	{
		name: 'health-check-wrong-port',
		loadBalancer: 'shop-nlb',
		rule: 'unhealthy-targets',
		title: [/4 of 4 targets unhealthy/, /Target\.FailedHealthChecks/, /ModifyTargetGroup/],
		evidence: ['target', 'metric', 'change'],
		change: 'ModifyTargetGroup',
	},
	{
		name: 'az-without-healthy-target',
		loadBalancer: 'shop-nlb',
		rule: 'unhealthy-targets',
		title: [/no healthy target in us-east-1b/],
		evidence: ['target', 'metric'],
		// Clients still on us-east-1b's address reach its unhealthy targets, which answer with a
		// reset: TCP_Target_Reset_Count rises (the scenario's description says so).
		consequences: ['reset-spike'],
	},
	{
		name: 'handshake-never-completes',
		loadBalancer: 'shop-nlb',
		rule: 'handshake-unanswered',
		title: [/SYN/, /no answer/i],
		evidence: ['connection'],
	},
	{
		name: 'target-deregistered-mid-traffic',
		loadBalancer: 'shop-nlb',
		rule: 'target-deregistered',
		title: [/i-0a100000000000a12/, /DeregisterTargets/, /reset/],
		evidence: ['change', 'metric'],
		change: 'DeregisterTargets',
	},
	{
		name: 'lb-security-group-rejects-clients',
		loadBalancer: 'shop-nlb',
		rule: 'blocked-at-lb',
		title: [/LB SG nlb-sg \(sg-0a100000000000n1b\)/],
		evidence: ['rejected-source', 'connection', 'change'],
		change: 'RevokeSecurityGroupIngress',
	},
	{
		name: 'unexpected-heavy-source',
		loadBalancer: 'shop-nlb',
		rule: 'heavy-sources',
		title: [/shop-nlb-new-flows-high/, /45\.155\.205\.\d|193\.142\.146\.3\d/],
		evidence: ['alarm', 'connection'],
	},
];

const credentials = {
	AWS_ACCESS_KEY_ID: 'test',
	AWS_SECRET_ACCESS_KEY: 'test',
	AWS_REGION: 'us-east-1',
};

type Read = {readonly json: Snapshot; readonly text?: string};

const served: WorldSim[] = [];
const reads = new Map<string, Read>();

async function lbtop(sim: WorldSim, loadBalancer: string, mode: '--json' | '--once') {
	const result = await runCli([loadBalancer, '--endpoint-url', sim.url, mode], credentials);
	if (result.code !== 0) {
		throw new Error(`lbtop ${loadBalancer} ${mode} exited ${result.code}: ${result.stderr}`);
	}

	return result.stdout;
}

/** Reads one scenario: the JSON snapshot, and for an incident the text one too. */
async function readScenario(file: string, loadBalancer: string, withText: boolean): Promise<Read> {
	const sim = await startWorldSim({scenarioPath: `examples/${file}.json`, port: 0});
	served.push(sim);
	const [json, text] = await Promise.all([
		lbtop(sim, loadBalancer, '--json'),
		withText ? lbtop(sim, loadBalancer, '--once') : Promise.resolve(undefined),
	]);
	return {json: JSON.parse(json) as Snapshot, ...(text === undefined ? {} : {text})};
}

/** Runs the jobs a few at a time: the machine is shared, and each run is a node process. */
async function inTurns(jobs: readonly (() => Promise<void>)[], atOnce: number): Promise<void> {
	const queue = [...jobs];
	const worker = async () => {
		for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
			await job();
		}
	};
	await Promise.all(Array.from({length: atOnce}, worker));
}

beforeAll(async () => {
	if (!existsSync(cliPath)) {
		throw new Error(`${cliPath} is missing: run \`npm run build\` before this test`);
	}

	await inTurns(
		incidents.flatMap((incident) => [
			async () => {
				const file = `incident-${incident.name}`;
				reads.set(file, await readScenario(file, incident.loadBalancer, true));
			},
			async () => {
				const file = `incident-${incident.name}.healthy-twin`;
				reads.set(file, await readScenario(file, incident.loadBalancer, false));
			},
		]),
		4,
	);
}, 170_000);

afterAll(async () => {
	await Promise.all(served.map((sim) => sim.close()));
});

function readOf(file: string): Read {
	const read = reads.get(file);
	if (read === undefined) {
		throw new Error(`${file} was not read`);
	}

	return read;
}

const alarming = (findings: readonly Finding[]) =>
	findings.filter((finding) => finding.severity !== 'info');

/**
 * The text snapshot wraps long lines; compare with the wrapping taken out. The two runs are seconds
 * apart, so the counts in a title may differ: they are compared as numbers, not values.
 */
const unwrapped = (text: string) => text.replace(/\s+/g, ' ').replace(/\d[\d,]*/g, '#');

describe.each(incidents)('incident $name', (incident) => {
	it(`is named by ${incident.rule} on the first --json snapshot, with its evidence`, () => {
		const {json} = readOf(`incident-${incident.name}`);
		const finding = json.findings.find((candidate) => candidate.rule === incident.rule);
		expect(
			finding,
			`findings: ${json.findings.map((item) => `${item.rule}: ${item.title}`).join(' | ')}`,
		).toBeDefined();
		if (finding === undefined) return;
		expect(['warning', 'critical']).toContain(finding.severity);
		for (const pattern of incident.title) {
			expect(finding.title).toMatch(pattern);
		}

		const kinds = new Set(finding.evidence.map((ref) => ref.kind));
		for (const kind of incident.evidence) {
			expect(kinds, `evidence of ${finding.title}`).toContain(kind);
		}

		for (const ref of finding.evidence) {
			if (ref.kind === 'connection') {
				expect(json.flows?.connections.some((row) => row.id === ref.id)).toBe(true);
			}
		}

		if (incident.change !== undefined) {
			const changes = finding.evidence.flatMap((ref) =>
				ref.kind === 'change'
					? (json.changes?.events.filter((event) => event.id === ref.id) ?? [])
					: [],
			);
			expect(changes.map((event) => event.name)).toContain(incident.change);
		}
	});

	it('shows no other warning or critical finding beside it, but for its own consequences', () => {
		const {json} = readOf(`incident-${incident.name}`);
		const own = new Set([incident.rule, ...(incident.consequences ?? [])]);
		expect(
			alarming(json.findings)
				.filter((finding) => !own.has(finding.rule))
				.map((finding) => `${finding.rule}: ${finding.title}`),
		).toEqual([]);
	});

	it('is named the same way by --once, with the same title', () => {
		const {json, text} = readOf(`incident-${incident.name}`);
		const finding = json.findings.find((candidate) => candidate.rule === incident.rule);
		const severity = finding?.severity.toUpperCase() ?? 'missing';
		const title = unwrapped(finding?.title ?? 'missing');
		expect(unwrapped(text ?? '')).toContain(`[${severity}] ${title}`);
	});

	it('has a healthy twin with no warning or critical finding', () => {
		const {json} = readOf(`incident-${incident.name}.healthy-twin`);
		expect(json.sources.flows.status).toBe('ok');
		expect(json.sources.metrics.status).toBe('ok');
		expect(alarming(json.findings).map((finding) => `${finding.rule}: ${finding.title}`)).toEqual(
			[],
		);
	});
});
