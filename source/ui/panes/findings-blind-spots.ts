// What the findings could not look at: "no findings" only means something when every source
// was read, so the pane names the ones that were not and why.
import type {Snapshot, SourceName, SourceState} from '../../domain/snapshot.js';
import type {Glyphs} from './glyphs.js';
import {type Line, line, seg, type Tone} from './line.js';

export type BlindSpot = {
	readonly source: SourceName;
	/** "cannot see flows: " or, when the findings see older data, "stale flows: ". */
	readonly label: string;
	readonly reason: string;
	readonly tone: Tone;
};

export function blindSpots(sources: Snapshot['sources'], glyphs: Glyphs): BlindSpot[] {
	return (Object.entries(sources) as Array<[SourceName, SourceState]>).flatMap(
		([source, state]) => {
			const spot = blindSpot(source, state, glyphs);
			return spot === undefined ? [] : [spot];
		},
	);
}

function blindSpot(source: SourceName, state: SourceState, glyphs: Glyphs): BlindSpot | undefined {
	const failure = state.error?.message ?? 'the last refresh failed';
	const cannotSee = `cannot see ${source}: `;
	switch (state.status) {
		case 'ok': {
			return undefined;
		}

		case 'pending': {
			return {source, label: cannotSee, reason: glyphs.waiting, tone: 'dim'};
		}

		case 'unavailable': {
			return {source, label: cannotSee, reason: state.note ?? 'not available', tone: 'yellow'};
		}

		case 'stale': {
			return {source, label: `stale ${source}: `, reason: failure, tone: 'yellow'};
		}

		case 'error': {
			return {source, label: cannotSee, reason: failure, tone: 'red'};
		}
	}
}

export function blindSpotLines(spots: readonly BlindSpot[], room: number): Line[] {
	if (spots.length === 0 || room <= 0) {
		return [];
	}

	if (spots.length <= room) {
		return spots.map((spot) => [seg(spot.label, 'dim'), seg(spot.reason, spot.tone)]);
	}

	const names = spots.map((spot) => spot.source).join(', ');
	return [line(`not seen in full: ${names}`, 'yellow')];
}
