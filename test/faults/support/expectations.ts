// What every fault test checks about the screen's sources: the affected one names the fault, the
// last good data stays (marked stale), and the others carry on.
import {expect} from 'vitest';
import type {ErrorKind, SourceName} from '../../../source/domain/snapshot.js';
import {allSources, dataOf, describeSources, type Rig} from './fault-rig.js';

/** Sources that read the topology: without discovery they wait (pending), they do not fail. */
const needTopology: readonly SourceName[] = ['flows', 'metrics', 'changes'];

export type ExpectedFault = {
	readonly kind: ErrorKind;
	/** The IAM action the screen names, when the fault is about one call. */
	readonly iamAction?: string;
};

export function expectFailed(rig: Rig, name: SourceName, fault: ExpectedFault): void {
	const snapshot = rig.snapshot();
	const state = snapshot.sources[name];
	const held = dataOf(snapshot, name) !== undefined;
	const picture = describeSources(snapshot);
	// Data held from an earlier success stays on screen, marked stale; with none it is an error.
	expect(state.status, picture).toBe(held ? 'stale' : 'error');
	expect(state.error?.kind, picture).toBe(fault.kind);
	if (fault.iamAction !== undefined) {
		expect(state.error?.iamAction, picture).toBe(fault.iamAction);
		expect(state.error?.message, picture).toContain(fault.iamAction);
	}
	expect(state.error?.hint.length ?? 0, picture).toBeGreaterThan(0);
	expect(state.retryAt ?? 0, picture).toBeGreaterThan(state.error?.at ?? Number.POSITIVE_INFINITY);
}

export function expectOthersCarryOn(rig: Rig, affected: readonly SourceName[]): void {
	const snapshot = rig.snapshot();
	for (const name of allSources.filter((source) => !affected.includes(source))) {
		const waiting = snapshot.topology === undefined && needTopology.includes(name);
		expect(snapshot.sources[name].status, `${name}: ${describeSources(snapshot)}`).toBe(
			waiting ? 'pending' : 'ok',
		);
	}
}

export function expectAllOk(rig: Rig): void {
	const snapshot = rig.snapshot();
	for (const name of allSources) {
		expect(snapshot.sources[name].status, describeSources(snapshot)).toBe('ok');
		expect(snapshot.sources[name].error, describeSources(snapshot)).toBeUndefined();
	}
}

/** Waits for every source to be ok again: dependents rerun once discovery has a topology. */
export async function untilAllOk(rig: Rig): Promise<void> {
	await rig.until(
		'every source ok',
		() => allSources.every((name) => rig.snapshot().sources[name].status === 'ok') && !rig.busy(),
	);
}
