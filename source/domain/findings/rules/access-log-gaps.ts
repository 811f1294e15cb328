// What lbtop cannot see in the LB's access logs (off, an NLB without TLS listeners, a bucket it
// cannot read), stated as info like the flow log gaps: it limits the request and TLS findings.
import type {Snapshot} from '../../snapshot.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';

export const accessLogGapsRule: FindingRule = {
	name: 'access-log-gap',
	evaluate: (snapshot) => accessLogGaps(snapshot),
};

export function accessLogGaps(snapshot: Snapshot): DraftFinding[] {
	return (snapshot.accessLogs?.gaps ?? []).map((gap) =>
		draft({
			rule: 'access-log-gap',
			key: gap.kind,
			severity: 'info',
			confidence: 'high',
			title: `Monitoring gap: ${gap.message}`,
			evidence: [{kind: 'gap', gap: gap.kind}],
			next:
				gap.command === undefined
					? gap.message
					: `To enable them (lbtop only reads), set ${gap.attributes?.join(', ') ?? 'the attributes'}: ${gap.command}`,
			relatedResources: [snapshot.topology?.arn],
		}),
	);
}
