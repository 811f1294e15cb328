// Hand-built requests for what the SDK never sends: unsigned calls, unknown actions, GET queries.

export function signedFor(service: string): Record<string, string> {
	return {
		authorization: `AWS4-HMAC-SHA256 Credential=test/20240501/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000`,
		'x-amz-date': '20240501T120000Z',
	};
}

export type RawResponse = {
	readonly status: number;
	readonly headers: Headers;
	readonly body: string;
};

export async function postForm(
	url: string,
	body: string,
	headers: Readonly<Record<string, string>> = {},
): Promise<RawResponse> {
	const response = await fetch(url, {
		method: 'POST',
		headers: {'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers},
		body,
	});
	return {status: response.status, headers: response.headers, body: await response.text()};
}

export async function postJson(
	url: string,
	target: string,
	body: string,
	headers: Readonly<Record<string, string>> = {},
): Promise<RawResponse> {
	const response = await fetch(url, {
		method: 'POST',
		headers: {'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target, ...headers},
		body,
	});
	return {status: response.status, headers: response.headers, body: await response.text()};
}
