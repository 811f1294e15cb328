// Who made the call, in the words an on-call engineer searches chat for: the user name, or the role
// and its session name (usually the human or the pipeline behind an assumed role).
import type {ChangeEvent} from '../types/changes.js';
import {type JsonRecord, recordAt, stringAt} from './json-value.js';

type Actor = ChangeEvent['actor'];

export function readActor(
	record: JsonRecord | undefined,
	lookupUsername: string | undefined,
): Actor {
	const identity = recordAt(record, 'userIdentity');
	const type = stringAt(identity, 'type') ?? 'unknown';
	const arn = stringAt(identity, 'arn');
	const issuer = recordAt(recordAt(identity, 'sessionContext'), 'sessionIssuer');

	if (type === 'AssumedRole' || type === 'FederatedUser') {
		const assumed =
			arn === undefined ? undefined : /:(?:assumed-role|federated-user)\/(.+)$/.exec(arn);
		const [role, ...session] = (assumed?.[1] ?? '').split('/');
		const name = stringAt(issuer, 'userName') ?? (role || undefined);
		const sessionName = session.join('/') || lookupUsername;
		return {
			type,
			name: name ?? lookupUsername ?? 'unknown',
			...(sessionName !== undefined && sessionName !== name ? {session: sessionName} : {}),
		};
	}

	if (type === 'Root') {
		return {type, name: 'root'};
	}

	if (type === 'AWSService') {
		return {type, name: stringAt(identity, 'invokedBy') ?? lookupUsername ?? 'AWS service'};
	}

	const name =
		stringAt(identity, 'userName') ??
		lookupUsername ??
		(arn === undefined ? undefined : arn.split('/').pop()) ??
		stringAt(identity, 'principalId') ??
		'unknown';
	return {type, name};
}
