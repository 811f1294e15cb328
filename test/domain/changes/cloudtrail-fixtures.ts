// LookupEvents events for the summarizer tests. The ELB records are seed 001's documented
// example (Alice creating and deleting a load balancer with the CLI), verbatim, including the
// documentation's typo `"eventVersion: "1.03"` that makes the record invalid JSON. The EC2
// records follow CloudTrail's documented shape for security group and network ACL calls.
import type {RawCloudTrailEvent} from '../../../source/domain/changes/raw-event.js';

export const seedCreateRecord = `{
      "eventVersion: "1.03",
      "userIdentity": {
         "type": "IAMUser",
         "principalId": "123456789012",
         "arn": "arn:aws:iam::123456789012:user/Alice",
         "accountId": "123456789012",
         "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
         "userName": "Alice"
      },
      "eventTime": "2016-04-01T15:31:48Z",
      "eventSource": "elasticloadbalancing.amazonaws.com",
      "eventName": "CreateLoadBalancer",
      "awsRegion": "us-west-2",
      "sourceIPAddress": "198.51.100.1",
      "userAgent": "aws-cli/1.10.10 Python/2.7.9 Windows/7 botocore/1.4.1",
      "requestParameters": {
         "subnets": ["subnet-8360a9e7","subnet-b7d581c0"],
         "securityGroups": ["sg-5943793c"],
         "name": "my-load-balancer",
         "scheme": "internet-facing"
      },
      "responseElements": {
         "loadBalancers":[{
            "type": "application",
            "loadBalancerName": "my-load-balancer",
            "vpcId": "vpc-3ac0fb5f",
            "securityGroups": ["sg-5943793c"],
            "state": {"code":"provisioning"},
            "availabilityZones": [
               {"subnetId":"subnet-8360a9e7","zoneName":"us-west-2a"},
               {"subnetId":"subnet-b7d581c0","zoneName":"us-west-2b"}
            ],
            "dNSName": "my-load-balancer-1836718677.us-west-2.elb.amazonaws.com",
            "canonicalHostedZoneId": "Z2P70J7HTTTPLU",
            "createdTime": "Apr 11, 2016 5:23:50 PM",
            "loadBalancerArn": "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/ffcddace1759e1d0",
            "scheme": "internet-facing"
         }]
      },
      "requestID": "b9960276-b9b2-11e3-8a13-f1ef1EXAMPLE",
      "eventID": "6f4ab5bd-2daa-4d00-be14-d92efEXAMPLE",
      "eventType": "AwsApiCall",
      "apiVersion": "2015-12-01",
      "recipientAccountId": "123456789012"
   }`;

export const seedDeleteRecord = `{
      "eventVersion: "1.03",
      "userIdentity": {
         "type": "IAMUser",
         "principalId": "123456789012",
         "arn": "arn:aws:iam::123456789012:user/Alice",
         "accountId": "123456789012",
         "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
         "userName": "Alice"
      },
      "eventTime": "2016-04-01T15:31:48Z",
      "eventSource": "elasticloadbalancing.amazonaws.com",
      "eventName": "DeleteLoadBalancer",
      "awsRegion": "us-west-2",
      "sourceIPAddress": "198.51.100.1",
      "userAgent": "aws-cli/1.10.10 Python/2.7.9 Windows/7 botocore/1.4.1",
      "requestParameters": {
         "loadBalancerArn": "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/ffcddace1759e1d0"
      },
      "responseElements": null,
      "requestID": "349598b3-000e-11e6-a82b-298133eEXAMPLE",
      "eventID": "75e81c95-4012-421f-a0cf-babdaEXAMPLE",
      "eventType": "AwsApiCall",
      "apiVersion": "2015-12-01",
      "recipientAccountId": "123456789012"
   }`;

/** The same records with the documentation's typo repaired, as real CloudTrail would send them. */
export const repaired = (record: string): string =>
	record.replace('"eventVersion: "1.03"', '"eventVersion": "1.03"');

export const seedLoadBalancerArn =
	'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/ffcddace1759e1d0';

/** LookupEvents wraps each record with top-level fields; these mirror the record's own. */
export function seedLookupEvent(
	name: 'CreateLoadBalancer' | 'DeleteLoadBalancer',
	record: string,
): RawCloudTrailEvent {
	return {
		EventId:
			name === 'CreateLoadBalancer'
				? '6f4ab5bd-2daa-4d00-be14-d92efEXAMPLE'
				: '75e81c95-4012-421f-a0cf-babdaEXAMPLE',
		EventName: name,
		EventTime: new Date('2016-04-01T15:31:48Z'),
		EventSource: 'elasticloadbalancing.amazonaws.com',
		Username: 'Alice',
		ReadOnly: 'false',
		AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
		Resources: [
			{
				ResourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
				ResourceName: seedLoadBalancerArn,
			},
		],
		CloudTrailEvent: record,
	};
}

type RecordParts = {
	readonly eventName: string;
	readonly eventSource?: string;
	readonly requestParameters?: unknown;
	readonly responseElements?: unknown;
	readonly userAgent?: string;
	readonly errorCode?: string;
	readonly errorMessage?: string;
	readonly userIdentity?: unknown;
	readonly eventId?: string;
	readonly eventTime?: string;
};

export const assumedRole = {
	type: 'AssumedRole',
	principalId: 'AROAEXAMPLEID:alice@example.com',
	arn: 'arn:aws:sts::123456789012:assumed-role/OpsAdmin/alice@example.com',
	accountId: '123456789012',
	sessionContext: {
		sessionIssuer: {
			type: 'Role',
			principalId: 'AROAEXAMPLEID',
			arn: 'arn:aws:iam::123456789012:role/OpsAdmin',
			accountId: '123456789012',
			userName: 'OpsAdmin',
		},
	},
};

/** A well-formed record wrapped the way LookupEvents returns it. */
export function lookupEvent(parts: RecordParts): RawCloudTrailEvent {
	const eventId = parts.eventId ?? `evt-${parts.eventName}`;
	const eventTime = parts.eventTime ?? '2025-01-15T13:37:00Z';
	const eventSource = parts.eventSource ?? 'ec2.amazonaws.com';
	const record = {
		eventVersion: '1.09',
		userIdentity: parts.userIdentity ?? assumedRole,
		eventTime,
		eventSource,
		eventName: parts.eventName,
		awsRegion: 'us-east-1',
		sourceIPAddress: '192.0.2.15',
		userAgent:
			parts.userAgent ?? 'aws-cli/2.9.19 Python/3.11.2 Linux/6.1.0 source/x86_64.debian.12',
		requestParameters: parts.requestParameters ?? null,
		responseElements: parts.responseElements ?? null,
		...(parts.errorCode === undefined ? {} : {errorCode: parts.errorCode}),
		...(parts.errorMessage === undefined ? {} : {errorMessage: parts.errorMessage}),
		requestID: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
		eventID: eventId,
		readOnly: false,
		eventType: 'AwsApiCall',
		managementEvent: true,
		recipientAccountId: '123456789012',
		eventCategory: 'Management',
	};
	return {
		EventId: eventId,
		EventName: parts.eventName,
		EventTime: new Date(eventTime),
		EventSource: eventSource,
		Username: 'alice@example.com',
		ReadOnly: 'false',
		Resources: [],
		CloudTrailEvent: JSON.stringify(record),
	};
}

/** RevokeSecurityGroupIngress as the console and CLI record it: lists wrapped in {"items": [...]}. */
export function securityGroupIngress(
	eventName: 'AuthorizeSecurityGroupIngress' | 'RevokeSecurityGroupIngress',
	groupId: string,
	overrides: Partial<RecordParts> = {},
): RawCloudTrailEvent {
	return lookupEvent({
		eventName,
		requestParameters: {
			groupId,
			ipPermissions: {
				items: [
					{
						ipProtocol: 'tcp',
						fromPort: 80,
						toPort: 80,
						groups: {},
						ipRanges: {items: [{cidrIp: '203.0.113.0/24', description: 'partner office'}]},
						ipv6Ranges: {},
						prefixListIds: {},
					},
					{
						ipProtocol: 'tcp',
						fromPort: 8000,
						toPort: 8080,
						groups: {items: [{userId: '123456789012', groupId: 'sg-0a1b2c3d4e5f60718'}]},
						ipRanges: {},
						ipv6Ranges: {items: [{cidrIpv6: '2001:db8::/32'}]},
						prefixListIds: {},
					},
				],
			},
		},
		responseElements: {
			requestId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
			_return: true,
			...(eventName === 'AuthorizeSecurityGroupIngress'
				? {
						securityGroupRuleSet: {
							items: [
								{
									groupId,
									securityGroupRuleId: 'sgr-0123456789abcdef0',
									isEgress: false,
									ipProtocol: 'tcp',
									fromPort: 80,
									toPort: 80,
									cidrIpv4: '203.0.113.0/24',
								},
							],
						},
					}
				: {}),
		},
		...overrides,
	});
}
