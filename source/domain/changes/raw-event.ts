// One event as CloudTrail LookupEvents returns it. Every field is optional because the API marks
// them so; the SDK's `Event` type is assignable to this one, so domain code needs no SDK import.

export type RawCloudTrailResource = {
	readonly ResourceType?: string | undefined;
	readonly ResourceName?: string | undefined;
};

export type RawCloudTrailEvent = {
	readonly EventId?: string | undefined;
	readonly EventName?: string | undefined;
	/** A Date from the SDK; epoch seconds or ISO text when read from the wire or a fixture. */
	readonly EventTime?: Date | number | string | undefined;
	readonly EventSource?: string | undefined;
	readonly Username?: string | undefined;
	/** `"true"` | `"false"`. */
	readonly ReadOnly?: string | undefined;
	readonly AccessKeyId?: string | undefined;
	readonly Resources?: readonly RawCloudTrailResource[] | undefined;
	/** The full CloudTrail record as a JSON string. */
	readonly CloudTrailEvent?: string | undefined;
};

/** Epoch seconds below this are taken as seconds, above as milliseconds (year 2001 in ms). */
const millisecondsThreshold = 1e12;

export function eventTimeMs(value: Date | number | string | undefined): number | undefined {
	if (value instanceof Date) {
		const ms = value.getTime();
		return Number.isFinite(ms) ? ms : undefined;
	}

	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value <= 0) {
			return undefined;
		}

		return value < millisecondsThreshold ? Math.round(value * 1000) : Math.round(value);
	}

	if (typeof value === 'string' && value !== '') {
		const ms = /^\d+(?:\.\d+)?$/.test(value) ? eventTimeMs(Number(value)) : Date.parse(value);
		return ms !== undefined && Number.isFinite(ms) ? ms : undefined;
	}

	return undefined;
}
