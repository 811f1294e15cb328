// The VPC Flow Logs fields lbtop knows by name (VPC user guide, "Available fields", versions 2 to 5,
// plus the ECS, reject-reason and encryption fields). Any other `${name}` in a LogFormat is kept as an
// unknown field: AWS adds fields over time and a newer format must not stop lbtop from reading records.

export const defaultFormatFields = [
	'version',
	'account-id',
	'interface-id',
	'srcaddr',
	'dstaddr',
	'srcport',
	'dstport',
	'protocol',
	'packets',
	'bytes',
	'start',
	'end',
	'action',
	'log-status',
] as const;

export const knownFlowFields = [
	...defaultFormatFields,
	'vpc-id',
	'subnet-id',
	'instance-id',
	'tcp-flags',
	'type',
	'pkt-srcaddr',
	'pkt-dstaddr',
	'region',
	'az-id',
	'sublocation-type',
	'sublocation-id',
	'pkt-src-aws-service',
	'pkt-dst-aws-service',
	'flow-direction',
	'traffic-path',
	'ecs-cluster-arn',
	'ecs-cluster-name',
	'ecs-container-instance-arn',
	'ecs-container-instance-id',
	'ecs-container-id',
	'ecs-second-container-id',
	'ecs-service-name',
	'ecs-task-definition-arn',
	'ecs-task-arn',
	'ecs-task-id',
	'reject-reason',
	'encryption-status',
	// Seen next to encryption-status in third-party formats; its meaning is unconfirmed, so lbtop only
	// carries it through as text.
	'resource-id',
] as const;

export type KnownFlowField = (typeof knownFlowFields)[number];

const knownFieldSet: ReadonlySet<string> = new Set(knownFlowFields);

export function isKnownFlowField(name: string): name is KnownFlowField {
	return knownFieldSet.has(name);
}

/** Fields lbtop interprets and stores in typed FlowRecord properties; the rest go to `extra`. */
export type InterpretedField =
	| 'interface-id'
	| 'srcaddr'
	| 'dstaddr'
	| 'srcport'
	| 'dstport'
	| 'protocol'
	| 'packets'
	| 'bytes'
	| 'start'
	| 'end'
	| 'action'
	| 'log-status'
	| 'tcp-flags'
	| 'pkt-srcaddr'
	| 'pkt-dstaddr'
	| 'flow-direction'
	| 'subnet-id'
	| 'az-id';

const interpretedFields: ReadonlySet<string> = new Set<InterpretedField>([
	'interface-id',
	'srcaddr',
	'dstaddr',
	'srcport',
	'dstport',
	'protocol',
	'packets',
	'bytes',
	'start',
	'end',
	'action',
	'log-status',
	'tcp-flags',
	'pkt-srcaddr',
	'pkt-dstaddr',
	'flow-direction',
	'subnet-id',
	'az-id',
]);

export function isInterpretedField(name: string): name is InterpretedField {
	return interpretedFields.has(name);
}
