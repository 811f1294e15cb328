// The sources a benchmark's engine polls: the product's own list, with the flows source added
// while it is not wired into that list yet (the benchmarks need flows to mean anything).
import {changesSource} from '../source/live/changes-source.js';
import {discoverySource} from '../source/live/discovery-source.js';
import {flowsSource} from '../source/live/flows-source.js';
import {identitySource} from '../source/live/identity-source.js';
import {metricsSource} from '../source/live/metrics-source.js';
import type {SourceFactory} from '../source/live/source.js';
import {defaultSources} from '../source/live/sources.js';

export const flowsWired = defaultSources.includes(flowsSource);

export const monitorSources: readonly SourceFactory[] = flowsWired
	? defaultSources
	: [identitySource, discoverySource, flowsSource, metricsSource, changesSource];

/** Said in the notes of every figure the difference could change. */
export const sourcesNote = flowsWired
	? 'engine: the product’s defaultSources'
	: 'engine: defaultSources with flowsSource in place of the flows placeholder (not wired yet)';
