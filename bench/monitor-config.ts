// The Config the interactive monitor would build for `lbtop demo-nlb`, for in-process engines.
import {type Config, defaultRefreshMs, defaultWindowMs} from '../source/domain/config.js';

export function monitorConfig(overrides: Partial<Config> = {}): Config {
	return {
		target: 'demo-nlb',
		windowMs: defaultWindowMs,
		refreshMs: defaultRefreshMs,
		logGroups: [],
		output: 'interactive',
		color: true,
		ascii: false,
		...overrides,
	};
}
