// Amazon EC2 over the EC2 query protocol: the VPC reads lbtop's discovery makes.
import type {QueryService} from '../../protocol/service.js';
import {describeFlowLogs} from './flow-logs.js';
import {describeInstances} from './instances.js';
import {describeNetworkAcls} from './network-acls.js';
import {describeNetworkInterfaces} from './network-interfaces.js';
import {describeSecurityGroups} from './security-groups.js';
import {describeSubnets, describeVpcs} from './vpcs.js';

export const ec2Service: QueryService = {
	style: 'ec2',
	signingName: 'ec2',
	iamPrefix: 'ec2',
	version: '2016-11-15',
	xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
	paramErrors: {invalid: 'InvalidParameterValue', missing: 'MissingParameter'},
	operations: {
		DescribeFlowLogs: describeFlowLogs,
		DescribeInstances: describeInstances,
		DescribeNetworkAcls: describeNetworkAcls,
		DescribeNetworkInterfaces: describeNetworkInterfaces,
		DescribeSecurityGroups: describeSecurityGroups,
		DescribeSubnets: describeSubnets,
		DescribeVpcs: describeVpcs,
	},
};
