// EC2 query responses: members directly under `<OpResponse>` with a lower-case `requestId`,
// errors as `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>`.
import type {SimError} from '../context.js';
import type {HttpResponse} from './http-response.js';
import type {WireStruct} from './wire.js';
import {escapeXml, xmlMembers} from './xml.js';

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

function headers(requestId: string): Record<string, string> {
	return {'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId};
}

export function ec2Success(
	xmlNamespace: string,
	action: string,
	result: WireStruct,
	requestId: string,
): HttpResponse {
	const body =
		`${xmlDeclaration}<${action}Response xmlns="${escapeXml(xmlNamespace)}">` +
		`<requestId>${requestId}</requestId>${xmlMembers(result, 'item')}</${action}Response>`;
	return {status: 200, headers: headers(requestId), body};
}

export function ec2Error(error: SimError, requestId: string): HttpResponse {
	const body =
		`${xmlDeclaration}<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
		`<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
		`<RequestID>${requestId}</RequestID></Response>`;
	return {status: error.httpStatus, headers: headers(requestId), body};
}
