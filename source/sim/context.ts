// What every sim service handler receives, and the one error type they throw.
// The protocol layer turns a SimError into the error shape of the caller's wire protocol.
import type {World} from './world/types.js';

export type JsonValue =
	| string
	| number
	| boolean
	| null
	| readonly JsonValue[]
	| {readonly [key: string]: JsonValue};
export type JsonObject = {readonly [key: string]: JsonValue};

export type SimClock = {
	/** Unix ms in the world's time (runs `speed` times faster than the wall clock when accelerated). */
	readonly now: () => number;
};

export class SimError extends Error {
	constructor(
		/** The AWS error code, e.g. `ResourceNotFoundException`, `LoadBalancerNotFound`. */
		readonly code: string,
		message: string,
		readonly httpStatus = 400,
		/** 'Sender' for client faults, 'Receiver' for server faults (query protocols). */
		readonly faultType: 'Sender' | 'Receiver' = httpStatus >= 500 ? 'Receiver' : 'Sender',
	) {
		super(message);
		this.name = 'SimError';
	}
}

export type SimContext = {
	readonly world: World;
	readonly clock: SimClock;
	/** Called before serving any read so a driven world (the demo) can catch up to `clock.now()`. */
	readonly advance: () => void;
};
