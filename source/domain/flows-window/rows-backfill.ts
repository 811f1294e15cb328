// The settled part of the window whose records the connection rows have not read (a longer window
// was asked for) is read once with FilterLogEvents, which has no scan charge: REJECTs first, since
// they are usually the incident and a flood of ACCEPTs must not crowd them out of the budget.
//
// FilterLogEvents takes a filter pattern; for space-delimited events the documented form names one
// slot per field in order, with conditions on the slots that matter (the CloudWatch Logs "Filter
// pattern syntax" page's VPC flow log example: `[version, account, eni, source, destination,
// srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT",
// flowlogstatus]`). A flow log's records carry its own format's fields in its own order, so the
// pattern is built from that format; a format without `action` gets no REJECT pass.
import type {FlowFormat} from '../flows/flow-format.js';

/** The slot names: the field names with `-` as `_`, as the documented examples spell theirs. */
function slotName(field: string): string {
	return field.replaceAll('-', '_');
}

/** `[version, account_id, …, action="REJECT", log_status]`, or undefined without `action`. */
export function rejectPattern(format: FlowFormat): string | undefined {
	if (!format.fields.includes('action')) {
		return undefined;
	}

	const slots = format.fields.map((field) =>
		field === 'action' ? 'action="REJECT"' : slotName(field),
	);
	return `[${slots.join(', ')}]`;
}
