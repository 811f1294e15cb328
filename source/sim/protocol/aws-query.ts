// awsQuery responses (ELBv2, STS, CloudWatch via the CLI): `<OpResponse><OpResult>` + metadata,
// errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`.
import type {SimError} from '../context.js';
import type {HttpResponse} from './http-response.js';
import type {WireStruct} from './wire.js';
import {escapeXml, xmlMembers} from './xml.js';

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

function headers(requestId: string): Record<string, string> {
	return {'content-type': 'text/xml', 'x-amzn-requestid': requestId};
}

export function querySuccess(
	xmlNamespace: string,
	action: string,
	result: WireStruct,
	requestId: string,
): HttpResponse {
	const members = xmlMembers(result, 'member');
	// Operations without output members (PutMetricData) have no Result element, like AWS.
	const resultElement = members === '' ? '' : `<${action}Result>${members}</${action}Result>`;
	const body =
		`${xmlDeclaration}<${action}Response xmlns="${escapeXml(xmlNamespace)}">${resultElement}` +
		`<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
	return {status: 200, headers: headers(requestId), body};
}

export function queryError(error: SimError, requestId: string): HttpResponse {
	const body =
		`${xmlDeclaration}<ErrorResponse><Error><Type>${error.faultType}</Type>` +
		`<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
		`</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
	return {status: error.httpStatus, headers: headers(requestId), body};
}
