export type {DraftFinding, FindingRule} from './draft.js';
export {findingId} from './draft.js';
export {
	compareFindings,
	type EvaluateOptions,
	evaluateFindings,
	type FindingHistory,
	findingRules,
} from './evaluate-findings.js';
export {resolvedFinding} from './resolved.js';
export {RuleMemo} from './rule-memo.js';
export {resolvedKeepMs} from './thresholds.js';
