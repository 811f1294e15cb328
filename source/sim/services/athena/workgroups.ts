// Athena workgroups: `primary` always exists; a world may name others, with the result location
// queries write to, or Athena-managed results that need none.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {AthenaWorkGroup} from '../../world/types.js';
import {readInput} from '../logs/input.js';

export const invalidRequest = 'InvalidRequestException';

export function findWorkGroup(context: SimContext, name: string): AthenaWorkGroup {
	const found = context.world.dataLake?.athenaWorkGroups.find((group) => group.name === name);
	if (found !== undefined) {
		return found;
	}
	if (name === 'primary') {
		return {name};
	}
	throw new SimError(invalidRequest, `WorkGroup ${name} is not found.`);
}

export function getWorkGroup(input: JsonObject, context: SimContext): JsonValue {
	const group = findWorkGroup(
		context,
		readInput(input, invalidRequest).requiredString('WorkGroup'),
	);
	return {
		WorkGroup: {
			Name: group.name,
			State: 'ENABLED',
			Description: '',
			CreationTime: context.clock.now() / 1000 - 86_400 * 30,
			Configuration: {
				...(group.outputLocation === undefined
					? {}
					: {ResultConfiguration: {OutputLocation: group.outputLocation}}),
				EnforceWorkGroupConfiguration: false,
				PublishCloudWatchMetricsEnabled: false,
				RequesterPaysEnabled: false,
				...(group.bytesScannedCutoffPerQuery === undefined
					? {}
					: {BytesScannedCutoffPerQuery: group.bytesScannedCutoffPerQuery}),
				EngineVersion: {
					SelectedEngineVersion: 'AUTO',
					EffectiveEngineVersion: 'Athena engine version 3',
				},
				ManagedQueryResultsConfiguration: {Enabled: group.managedQueryResults === true},
			},
		},
	};
}
