// How a finding names a control: the security group by its name, the network ACL with its subnet
// and the entry that denies ("denies outbound tcp 1024-65535 to 0.0.0.0/0 (rule 90)").
import {securityGroupLabel} from '../topology/topology-lookup.js';
import type {NetworkAclEntry, Topology} from '../types/topology.js';
import type {Control} from './blame.js';

const catchAllRule = 32_767;

const protocolWords: Readonly<Record<string, string>> = {
	'-1': 'all traffic',
	all: 'all traffic',
	'6': 'tcp',
	tcp: 'tcp',
	'17': 'udp',
	udp: 'udp',
	'1': 'icmp',
	icmp: 'icmp',
};

function portsText(entry: NetworkAclEntry): string {
	const {fromPort, toPort} = entry;
	if (fromPort === undefined && toPort === undefined) {
		return '';
	}

	return fromPort === toPort ? ` ${fromPort}` : ` ${fromPort ?? 0}-${toPort ?? 65_535}`;
}

/** "denies outbound tcp 1024-65535 to 0.0.0.0/0 (rule 90)"; rule `*` is AWS's catch-all. */
export function entryText(entry: NetworkAclEntry): string {
	const protocol = protocolWords[entry.protocol.toLowerCase()] ?? `protocol ${entry.protocol}`;
	const rule =
		entry.ruleNumber === catchAllRule ? '*, no rule allows it' : String(entry.ruleNumber);
	return (
		`${entry.action === 'deny' ? 'denies' : 'allows'} ${entry.egress ? 'outbound' : 'inbound'} ` +
		`${protocol}${portsText(entry)} ${entry.egress ? 'to' : 'from'} ${entry.cidr} (rule ${rule})`
	);
}

function subnetRole(side: Control['side']): string {
	return side === 'lb' ? "the LB's subnet" : "targets' subnet";
}

/** "Target SG web-sg (sg-…)", "NACL acl-… on subnet-… (targets' subnet)". */
export function controlName(topology: Topology | undefined, control: Control): string {
	if (control.kind === 'security-group') {
		const owner = control.side === 'lb' ? 'LB SG' : 'Target SG';
		const groups = control.groupIds.map((id) => securityGroupLabel(topology, id));
		return groups.length > 0 ? `${owner} ${groups.join(', ')}` : owner;
	}

	if (control.networkAclId === undefined) {
		const subnet = control.subnetId ?? subnetRole(control.side);
		return `The network ACL of ${subnet}${control.subnetId === undefined ? '' : ` (${subnetRole(control.side)})`}`;
	}

	const subnet = control.subnetId === undefined ? '' : ` on ${control.subnetId}`;
	return `NACL ${control.networkAclId}${subnet} (${subnetRole(control.side)})`;
}

/** The control with what it denies, when its rules say. */
export function controlClaim(topology: Topology | undefined, control: Control): string {
	const name = controlName(topology, control);
	if (control.kind === 'network-acl' && control.entry !== undefined) {
		return `${name} ${entryText(control.entry)}`;
	}

	return name;
}

/** What the rules say against the traffic: the ACL's denying entry, or no group rule allowing it. */
export function denialText(topology: Topology | undefined, control: Control): string {
	if (control.kind === 'network-acl') {
		return controlClaim(topology, control);
	}

	return `${controlName(topology, control)} has no rule allowing it`;
}
