// A finding whose evidence stopped: it says when, drops to info and keeps its earlier advice for
// context (the on-call engineer may need to know what it was and what was changed).
import {sanitizeText} from '../sanitize.js';
import type {Finding} from '../types/findings.js';
import {utcTime} from './format.js';

const maxNextLength = 720;

export function resolvedFinding(finding: Finding, at: number): Finding {
	if (finding.resolvedAt !== undefined) {
		return finding;
	}

	return {
		...finding,
		severity: 'info',
		resolvedAt: at,
		next: sanitizeText(
			`Resolved at ${utcTime(at)}: no new evidence since. Earlier advice: ${finding.next}`,
			maxNextLength,
		),
	};
}
