// The `likely` pass: a join claimed only where the evidence leaves one choice. A frontend and a
// backend unit are joined when each is the other's only compatible candidate; every other
// compatible pair is left apart, and both legs say how many candidates they had, so the row shows
// the ambiguity instead of a guess.
//
// Why this never joins two connections' legs: the LB forwards every frontend leg it accepted on a
// listener port, so that leg's own backend unit is among its candidates whenever it was read (the
// compatibility tests hold for a leg and its own partner by construction: same interface, routed
// group, overlapping windows, a shape within what the LB does to the traffic). A frontend whose
// only candidate is a unit is therefore joined to its own partner. Only when both legs' own
// partners are missing (not read yet, or cut from a sample) can two strangers look like each
// other's only choice.
import type {BackendUnit} from './backend-units.js';
import type {LegDraft} from './legs.js';
import {type MatchState, take} from './matching-pass.js';

/** Made once, reading what it needs from the context handed to runUniquePass (see Pass). */
export type UniquePass<Context> = {
	/** Frontend positions a unit may join (none: undefined). */
	readonly shortlist: (context: Context, unit: BackendUnit) => ArrayLike<number> | undefined;
	readonly fits: (context: Context, frontend: LegDraft, unit: BackendUnit) => boolean;
};

/** How many compatible candidates each leg had in the pass (by position). */
export type CandidateCounts = {
	readonly frontends: Uint32Array;
	readonly units: Uint32Array;
};

export function runUniquePass<Context>(
	state: MatchState,
	pass: UniquePass<Context>,
	context: Context,
): CandidateCounts {
	const {frontends, units, usedFrontends, usedUnits} = state;
	const frontendCounts = new Uint32Array(frontends.length);
	const unitCounts = new Uint32Array(units.length);
	const onlyFrontend = new Int32Array(units.length).fill(-1);
	for (let unitPosition = 0; unitPosition < units.length; unitPosition++) {
		const unit = units[unitPosition];
		const shortlist =
			unit === undefined || usedUnits[unitPosition] === 1
				? undefined
				: pass.shortlist(context, unit);
		if (unit === undefined || shortlist === undefined) {
			continue;
		}

		// An index loop: an iterator makes a result object per position wherever the code runs
		// unoptimized, as it does for a while after every full collection.
		for (let rank = 0; rank < shortlist.length; rank++) {
			const position = shortlist[rank] ?? -1;
			const frontend = frontends[position];
			if (
				frontend === undefined ||
				usedFrontends[position] !== 0 ||
				!pass.fits(context, frontend, unit)
			) {
				continue;
			}

			frontendCounts[position] = (frontendCounts[position] ?? 0) + 1;
			unitCounts[unitPosition] = (unitCounts[unitPosition] ?? 0) + 1;
			onlyFrontend[unitPosition] = position;
		}
	}

	for (let unitPosition = 0; unitPosition < units.length; unitPosition++) {
		const frontend = onlyFrontend[unitPosition] ?? -1;
		if (unitCounts[unitPosition] === 1 && frontendCounts[frontend] === 1) {
			take(state, 'likely', frontend, unitPosition);
		}
	}

	return {frontends: frontendCounts, units: unitCounts};
}
