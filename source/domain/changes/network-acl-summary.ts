// Network ACL changes, summarized as "acl-0abc rule 100 ingress deny tcp/80 from 0.0.0.0/0 added".
import {booleanAt, type JsonRecord, numberAt, recordAt, stringAt} from './json-value.js';
import {portRangeLabel} from './port-label.js';

export function isNetworkAclEvent(name: string): boolean {
	return /NetworkAcl/.test(name);
}

export function summarizeNetworkAcl(name: string, parameters: JsonRecord): string {
	const acl = stringAt(parameters, 'networkAclId') ?? 'network ACL';

	if (name === 'ReplaceNetworkAclAssociation') {
		const association = stringAt(parameters, 'associationId') ?? 'subnet association';
		return `${association} now uses ${acl}`;
	}

	if (name === 'CreateNetworkAcl') {
		return `new network ACL in ${stringAt(parameters, 'vpcId') ?? 'a VPC'}`;
	}

	if (name === 'DeleteNetworkAcl') {
		return `${acl} deleted`;
	}

	const rule = numberAt(parameters, 'ruleNumber');
	const egress = booleanAt(parameters, 'egress') ?? false;
	const head = `${acl} rule ${rule ?? '?'} ${egress ? 'egress' : 'ingress'}`;

	if (name === 'DeleteNetworkAclEntry') {
		return `${head} deleted`;
	}

	const action = stringAt(parameters, 'ruleAction') ?? 'allow?';
	const range = recordAt(parameters, 'portRange');
	const port = portRangeLabel(
		stringAt(parameters, 'aclProtocol') ?? stringAt(parameters, 'protocol'),
		numberAt(range, 'from'),
		numberAt(range, 'to'),
	);
	const peer = stringAt(parameters, 'cidrBlock') ?? stringAt(parameters, 'ipv6CidrBlock') ?? 'any';
	const verb = name.startsWith('Replace')
		? 'replaced'
		: name.startsWith('Create')
			? 'added'
			: 'changed';
	return `${head} ${action} ${port} ${egress ? 'to' : 'from'} ${peer} ${verb}`;
}
