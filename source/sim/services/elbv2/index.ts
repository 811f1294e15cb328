// Elastic Load Balancing v2 over awsQuery: the reads lbtop's discovery makes.
import type {QueryService} from '../../protocol/service.js';
import {
	describeLoadBalancerAttributes,
	describeLoadBalancers,
	describeTags,
} from './load-balancers.js';
import {
	describeListeners,
	describeTargetGroupAttributes,
	describeTargetGroups,
	describeTargetHealth,
} from './target-groups.js';

export const elbv2Service: QueryService = {
	style: 'query',
	signingName: 'elasticloadbalancing',
	iamPrefix: 'elasticloadbalancing',
	version: '2015-12-01',
	xmlNamespace: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
	paramErrors: {invalid: 'ValidationError', missing: 'ValidationError'},
	operations: {
		DescribeLoadBalancers: describeLoadBalancers,
		DescribeLoadBalancerAttributes: describeLoadBalancerAttributes,
		DescribeTags: describeTags,
		DescribeListeners: describeListeners,
		DescribeTargetGroups: describeTargetGroups,
		DescribeTargetGroupAttributes: describeTargetGroupAttributes,
		DescribeTargetHealth: describeTargetHealth,
	},
};
