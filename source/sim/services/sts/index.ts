// AWS STS over awsQuery: GetCallerIdentity, which lbtop uses to name the account it watches.
import type {QueryService} from '../../protocol/service.js';

export const stsService: QueryService = {
	style: 'query',
	signingName: 'sts',
	iamPrefix: 'sts',
	version: '2011-06-15',
	xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
	paramErrors: {invalid: 'ValidationError', missing: 'MissingParameter'},
	operations: {
		GetCallerIdentity: (_params, {world}) => ({
			UserId: world.identity.userId,
			Account: world.identity.account,
			Arn: world.identity.arn,
		}),
	},
};
