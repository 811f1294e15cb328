// A service spoken over the AWS JSON protocols (awsJson1_0 / awsJson1_1): the server routes
// `X-Amz-Target: <targetPrefix>.<Operation>` to `operations[Operation]`.
import type {JsonObject, JsonValue, SimContext} from '../context.js';

export type JsonOperation = (
	input: JsonObject,
	context: SimContext,
) => JsonValue | Promise<JsonValue>;

export type JsonService = {
	/** e.g. `Logs_20140328`, `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`. */
	readonly targetPrefix: string;
	/** SigV4 signing name, e.g. `logs`, `cloudtrail`, `monitoring`. */
	readonly signingName: string;
	readonly jsonVersion: '1.0' | '1.1';
	readonly operations: Readonly<Record<string, JsonOperation>>;
	/** The service's own throttling error, where it is not `ThrottlingException` (Athena's). */
	readonly throttlingCode?: string;
};
