// SigV4 is not verified (any credentials work), but the credential scope names the service the
// client signed for, which routes query requests, and an unsigned request is refused like AWS does.
import type {IncomingHttpHeaders} from 'node:http';

const scopePattern = /Credential=[^/,\s]*\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/;
const accessKeyPattern = /Credential=([^/,\s]+)\//;

export type RequestAuthentication = {
	readonly present: boolean;
	/** The credential scope's service, e.g. `elasticloadbalancing`, `monitoring`. */
	readonly scopeService?: string;
	/** Who signed: S3 buckets let only some access keys read them. */
	readonly accessKeyId?: string;
};

export function readAuthentication(
	headers: IncomingHttpHeaders,
	query: URLSearchParams,
): RequestAuthentication {
	const header = headers.authorization;
	if (typeof header === 'string' && header !== '') {
		const service = scopePattern.exec(header)?.[1];
		const accessKeyId = accessKeyPattern.exec(header)?.[1];
		return {
			present: true,
			...(service === undefined ? {} : {scopeService: service}),
			...(accessKeyId === undefined ? {} : {accessKeyId}),
		};
	}
	// Presigned requests carry the signature in the query string instead.
	const credential = query.get('X-Amz-Credential');
	if (credential !== null && query.has('X-Amz-Signature')) {
		const [accessKeyId, , , service] = credential.split('/');
		return {
			present: true,
			...(service === undefined ? {} : {scopeService: service}),
			...(accessKeyId === undefined || accessKeyId === '' ? {} : {accessKeyId}),
		};
	}
	return {present: false};
}
