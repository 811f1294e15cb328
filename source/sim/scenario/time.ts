// Times in a scenario file: absolute ISO 8601 strings with a zone, or offsets from load time
// ("now", "-5m", "-90s", "-1h30m", "+2m") so a scenario file stays useful on any day.

const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const relativePattern = /^([+-])((?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+)$/;
const partPattern = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

const unitMs: Readonly<Record<string, number>> = {
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
};

export const timeHint =
	'an ISO 8601 time with a zone ("2024-05-01T12:00:00Z") or an offset from load time ("now", "-5m", "-90s", "-1h30m")';

/** Unix ms, or undefined when the text is neither form. */
export function parseScenarioTime(text: string, now: number): number | undefined {
	const trimmed = text.trim();
	if (trimmed === 'now') {
		return now;
	}
	const relative = relativePattern.exec(trimmed);
	if (relative !== null) {
		let offset = 0;
		for (const part of (relative[2] ?? '').matchAll(partPattern)) {
			offset += Number(part[1]) * (unitMs[part[2] ?? ''] ?? 0);
		}
		return Math.round(relative[1] === '-' ? now - offset : now + offset);
	}
	if (isoPattern.test(trimmed)) {
		const parsed = Date.parse(trimmed);
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	return undefined;
}
