// Pins the local time zone for the tests of a file: the header carries a local clock beside UTC's
// whenever the zone is not UTC, so a frame's layout depends on where the machine runs the tests.
import process from 'node:process';
import {afterEach, beforeEach} from 'vitest';

export function inTimeZone(zone: string): void {
	const before = process.env.TZ;
	beforeEach(() => {
		process.env.TZ = zone;
	});
	afterEach(() => {
		if (before === undefined) {
			delete process.env.TZ;
		} else {
			process.env.TZ = before;
		}
	});
}
