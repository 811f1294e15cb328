export {shortArn} from './arn.js';
export type {RawCloudTrailEvent, RawCloudTrailResource} from './raw-event.js';
export {
	isInScope,
	type PathOptions,
	type PathScope,
	pathScope,
	relevantToPath,
	touchesAny,
} from './relevant-to-path.js';
export {
	type SummarizedEvents,
	summarizeCloudTrailEvent,
	summarizeCloudTrailEvents,
} from './summarize-event.js';
