// The sim's CloudWatch Logs Insights engine: parse a query once, run it over the events of the
// queried log groups and time range. Pure: the Logs service selects the events and owns the
// query lifecycle (StartQuery / GetQueryResults / StopQuery).
export type {ParsedQuery} from './ast.js';
export {maxLimit} from './command-parsers.js';
export {InsightsQueryError} from './errors.js';
export {type ExecuteOptions, executeInsightsQuery, type QueryOutcome} from './execute.js';
export type {QueryResultRow} from './output.js';
export {parseInsightsQuery} from './query-parser.js';
export {type ResumableScan, resumableScan} from './resumable.js';
export type {InsightsEvent} from './rows.js';
