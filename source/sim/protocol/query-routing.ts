// Which query service a request is for. The credential scope names the signing service; the
// `Version` parameter separates APIs that share one (classic ELB and ELBv2 both sign as
// `elasticloadbalancing`).
import type {QueryService} from './service.js';

export function pickQueryService(
	services: readonly QueryService[],
	scopeService: string | undefined,
	version: string | undefined,
): QueryService | undefined {
	const signedFor = services.filter((service) => service.signingName === scopeService);
	const byVersion = (candidates: readonly QueryService[]) =>
		candidates.find((service) => service.version === version);
	if (signedFor.length > 0) {
		return byVersion(signedFor) ?? (version === undefined ? signedFor[0] : undefined);
	}
	return byVersion(services);
}
