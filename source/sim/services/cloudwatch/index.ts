// Amazon CloudWatch, one implementation served two ways: AWS JSON 1.0 (target prefix
// `GraniteServiceVersion20100801`, the SDK v3 client's default) and awsQuery (AWS CLI v2.9).
// Smithy RPCv2 CBOR, which clients can opt into, is not served.
import type {JsonObject} from '../../context.js';
import {Params} from '../../protocol/params.js';
import type {JsonEndpoint, QueryService, WireOperation} from '../../protocol/service.js';
import {toJsonValue} from '../../protocol/wire.js';
import type {JsonOperation} from '../json-service.js';
import {describeAlarms} from './alarms.js';
import {cloudWatchJsonErrorShapes} from './errors.js';
import {listMetrics} from './list.js';
import {getMetricData, getMetricStatistics} from './metric-data.js';
import {putMetricData} from './put.js';

const paramErrors = {invalid: 'InvalidParameterValue', missing: 'MissingParameter'} as const;

const operations: Readonly<Record<string, WireOperation>> = {
	DescribeAlarms: describeAlarms,
	GetMetricData: getMetricData,
	GetMetricStatistics: getMetricStatistics,
	ListMetrics: listMetrics,
	PutMetricData: putMetricData,
};

export const cloudWatchQueryService: QueryService = {
	style: 'query',
	signingName: 'monitoring',
	iamPrefix: 'cloudwatch',
	version: '2010-08-01',
	xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
	paramErrors,
	operations,
};

function asJsonOperation(operation: WireOperation): JsonOperation {
	return (input: JsonObject, context) =>
		toJsonValue(operation(new Params(input, paramErrors), context)) ?? {};
}

export const cloudWatchJsonEndpoint: JsonEndpoint = {
	service: {
		targetPrefix: 'GraniteServiceVersion20100801',
		signingName: 'monitoring',
		jsonVersion: '1.0',
		operations: Object.fromEntries(
			Object.entries(operations).map(([name, operation]) => [name, asJsonOperation(operation)]),
		),
	},
	iamPrefix: 'cloudwatch',
	queryCompatibleShapes: cloudWatchJsonErrorShapes,
};
