export type {DraftFinding, FindingRule} from './draft.js';
export {findingId} from './draft.js';
export {
	compareFindings,
	type EvaluateOptions,
	evaluateFindings,
	findingRules,
} from './evaluate-findings.js';
