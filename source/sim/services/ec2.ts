// Amazon EC2 over the EC2 query protocol: the VPC reads lbtop's discovery makes.
import type {QueryService} from '../protocol/service.js';
import {describeFlowLogs} from './ec2-flow-logs.js';
import {describeInstances} from './ec2-instances.js';
import {describeNetworkAcls} from './ec2-network-acls.js';
import {describeNetworkInterfaces} from './ec2-network-interfaces.js';
import {describeSecurityGroups} from './ec2-security-groups.js';
import {describeSubnets, describeVpcs} from './ec2-vpcs.js';

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
