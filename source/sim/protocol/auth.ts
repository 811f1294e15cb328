// SigV4 is not verified (any credentials work), but the credential scope names the service the
// client signed for, which routes query requests, and an unsigned request is refused like AWS does.
import type {IncomingHttpHeaders} from 'node:http';

const scopePattern = /Credential=[^/,\s]*\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/;

export type RequestAuthentication = {
	readonly present: boolean;
	/** The credential scope's service, e.g. `elasticloadbalancing`, `monitoring`. */
	readonly scopeService?: string;
};

export function readAuthentication(
	headers: IncomingHttpHeaders,
	query: URLSearchParams,
): RequestAuthentication {
	const header = headers.authorization;
	if (typeof header === 'string' && header !== '') {
		const service = scopePattern.exec(header)?.[1];
		return service === undefined ? {present: true} : {present: true, scopeService: service};
	}
	// Presigned requests carry the signature in the query string instead.
	const credential = query.get('X-Amz-Credential');
	if (credential !== null && query.has('X-Amz-Signature')) {
		const service = credential.split('/')[3];
		return service === undefined ? {present: true} : {present: true, scopeService: service};
	}
	return {present: false};
}
