// ELBv2's error codes (awsQuery codes; the SDK maps them to e.g. LoadBalancerNotFoundException).
import {SimError} from '../../context.js';

export function validationError(message: string): SimError {
	return new SimError('ValidationError', message);
}

export function loadBalancersNotFound(names?: readonly string[]): SimError {
	return new SimError(
		'LoadBalancerNotFound',
		names === undefined
			? 'One or more load balancers not found'
			: `Load balancers '[${names.join(', ')}]' not found`,
	);
}

export function targetGroupsNotFound(): SimError {
	return new SimError('TargetGroupNotFound', 'One or more target groups not found');
}

export function listenersNotFound(): SimError {
	return new SimError('ListenerNotFound', 'One or more listeners not found');
}

export function invalidMarker(): SimError {
	return validationError('The marker is not valid');
}

export const pageSizeRange = {min: 1, max: 400} as const;
