// CloudWatch handlers throw awsQuery error codes; over AWS JSON 1.0 the same errors travel as the
// modelled shape names, with the query code in `x-amzn-query-error` (CloudWatch is query-compatible).
import {SimError} from '../../context.js';

export function validationError(message: string): SimError {
	return new SimError('ValidationError', message);
}

export function invalidParameterValue(message: string): SimError {
	return new SimError('InvalidParameterValue', message);
}

export function invalidParameterCombination(message: string): SimError {
	return new SimError('InvalidParameterCombination', message);
}

export function invalidNextToken(): SimError {
	return new SimError('InvalidNextToken', 'The service cannot find the provided NextToken');
}

export const cloudWatchJsonErrorShapes: Readonly<Record<string, string>> = {
	AccessDenied: 'AccessDeniedException',
	InternalFailure: 'InternalFailure',
	InternalServiceError: 'InternalServiceFault',
	InvalidAction: 'UnknownOperationException',
	InvalidNextToken: 'InvalidNextToken',
	InvalidParameterCombination: 'InvalidParameterCombinationException',
	InvalidParameterValue: 'InvalidParameterValueException',
	LimitExceeded: 'LimitExceededFault',
	MalformedQueryString: 'SerializationException',
	MissingAuthenticationToken: 'MissingAuthenticationTokenException',
	MissingParameter: 'MissingRequiredParameterException',
	ResourceNotFound: 'ResourceNotFound',
	ServiceUnavailable: 'ServiceUnavailable',
	Throttling: 'ThrottlingException',
	ValidationError: 'ValidationException',
};
