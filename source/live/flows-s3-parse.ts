// One flow log object, read as it streams in: gzip text whose header line names the fields (the
// header wins over the flow log's LogFormat when they differ: it describes the bytes at hand), or
// Parquet read through its footer and column chunks. Only the path's interfaces' records are kept;
// a line that does not parse is counted as malformed when it names one of them. A damaged object
// (corrupt gzip, a cut-off Parquet file) keeps what was read before the damage and says so.
import {createInterface} from 'node:readline';
import {Readable} from 'node:stream';
import {createGunzip, gunzipSync} from 'node:zlib';
import {
	type AsyncBuffer,
	cachedAsyncBuffer,
	parquetMetadataAsync,
	parquetReadObjects,
} from 'hyparquet';
import {AwsCallError} from '../aws/errors.js';
import {type FlowFormat, parseLogFormat, renderLogFormat} from '../domain/flows/flow-format.js';
import {parseFlowRecord} from '../domain/flows/flow-record.js';
import type {HeldRecord} from '../domain/flows-window/index.js';
import {sanitizeText} from '../domain/sanitize.js';

export type ObjectContext = {
	readonly key: string;
	/** The flow log's own format: what a file without a header line is read by. */
	readonly format: FlowFormat;
	readonly interfaceIds: ReadonlySet<string>;
};

export type ParsedObject = {
	/** Records with traffic of the path's interfaces; `timestamp` is the record's end (ms). */
	readonly records: HeldRecord[];
	/** Lines naming one of the path's interfaces that did not parse. */
	readonly malformed: number;
	/** The fields the file's header named, when they differ from the flow log's format. */
	readonly headerFormat?: FlowFormat;
	/** Why the object could not be read to its end. */
	readonly damage?: string;
};

const gunzipOf = (bytes: Uint8Array) => new Uint8Array(gunzipSync(bytes));

type Tally = {records: HeldRecord[]; malformed: number};

function readLine(
	line: string,
	lineNumber: number,
	format: FlowFormat,
	context: ObjectContext,
	tally: Tally,
) {
	const text = line.trim();
	if (text === '') {
		return;
	}

	const at = format.fields.indexOf('interface-id');
	const tokens = text.split(/ +/);
	const interfaceId = at < 0 ? onlyInterface(context) : tokens[at];
	if (tokens.length !== format.fields.length) {
		if (tokens.some((token) => context.interfaceIds.has(token))) {
			tally.malformed++;
		}
		return;
	}

	if (interfaceId === undefined || !context.interfaceIds.has(interfaceId)) {
		return;
	}

	const parsed = parseFlowRecord(text, format, {interfaceId});
	if (!parsed.ok) {
		tally.malformed++;
		return;
	}

	if (parsed.record.logStatus === 'OK') {
		tally.records.push({
			eventId: `${context.key}#${lineNumber}`,
			timestamp: parsed.record.end * 1000,
			record: parsed.record,
		});
	}
}

function onlyInterface(context: ObjectContext): string | undefined {
	return context.interfaceIds.size === 1 ? [...context.interfaceIds][0] : undefined;
}

/** A first line of field names (`version account-id ...`, or `account_id`): a header. */
function headerOf(line: string): FlowFormat | undefined {
	const tokens = line.trim().split(/ +/);
	if (tokens.length === 0 || !tokens.every((token) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(token))) {
		return undefined;
	}

	const parsed = parseLogFormat(tokens.join(' '));
	return parsed.ok ? parsed.format : undefined;
}

function describe(error: unknown): string {
	return sanitizeText(error instanceof Error ? error.message : String(error), 120);
}

async function* withFirst(first: Uint8Array, rest: AsyncIterator<Uint8Array>) {
	yield first;
	for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
		yield next.value;
	}
}

/** Gzip text (or plain text), line by line as it arrives. */
export async function parseTextObject(
	body: Readable,
	context: ObjectContext,
): Promise<ParsedObject> {
	const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
	const first = await iterator.next();
	const tally: Tally = {records: [], malformed: 0};
	if (first.done === true) {
		return tally;
	}

	const head = Buffer.from(first.value);
	const raw = Readable.from(withFirst(head, iterator));
	const gzip = head[0] === 0x1f && head[1] === 0x8b;
	const text = gzip ? raw.pipe(createGunzip()) : raw;
	let failure: unknown;
	raw.once('error', (error) => text.destroy(error));
	let format = context.format;
	let headerFormat: FlowFormat | undefined;
	let lineNumber = 0;
	try {
		for await (const line of createInterface({input: text, crlfDelay: Number.POSITIVE_INFINITY})) {
			lineNumber++;
			if (lineNumber === 1) {
				const header = headerOf(line);
				if (header !== undefined) {
					if (renderLogFormat(header) !== renderLogFormat(context.format)) {
						headerFormat = header;
					}
					format = header;
					continue;
				}
			}

			readLine(line, lineNumber, format, context, tally);
		}
	} catch (error) {
		// Damage is in the bytes (zlib says so); a connection that broke is read again next time.
		if (!isDataError(error)) {
			throw error;
		}
		failure = error;
	} finally {
		body.destroy();
	}

	return {
		...tally,
		...(headerFormat === undefined ? {} : {headerFormat}),
		...(failure === undefined
			? {}
			: {
					damage: `${gzip ? 'gzip' : 'text'} damaged after line ${lineNumber}: ${describe(failure)}`,
				}),
	};
}

function valueText(value: unknown): string {
	if (value === null || value === undefined || value === '') {
		return '-';
	}

	return typeof value === 'bigint' || typeof value === 'number'
		? String(value)
		: String(value).replaceAll(/\s+/g, '_');
}

/** Parquet, row group by row group, through ranged reads of the footer and column chunks. */
export async function parseParquetObject(
	file: AsyncBuffer,
	context: ObjectContext,
): Promise<ParsedObject> {
	const tally: Tally = {records: [], malformed: 0};
	try {
		const buffer = cachedAsyncBuffer(file);
		const metadata = await parquetMetadataAsync(buffer);
		const columns = metadata.schema.slice(1).map((element) => element.name);
		const parsed = parseLogFormat(columns.join(' '));
		if (!parsed.ok) {
			return {...tally, damage: `Parquet columns are not flow log fields (${parsed.reason})`};
		}

		const format = parsed.format;
		let rowStart = 0;
		for (const group of metadata.row_groups) {
			const rowEnd = rowStart + Number(group.num_rows);
			const rows = await parquetReadObjects({
				file: buffer,
				metadata,
				rowStart,
				rowEnd,
				compressors: {GZIP: gunzipOf},
			});
			for (const [index, row] of rows.entries()) {
				readLine(
					columns.map((name) => valueText(row[name])).join(' '),
					rowStart + index + 1,
					format,
					context,
					tally,
				);
			}
			rowStart = rowEnd;
		}

		return {
			...tally,
			...(renderLogFormat(format) === renderLogFormat(context.format)
				? {}
				: {headerFormat: format}),
		};
	} catch (error) {
		// A failed or aborted read is tried again next time; bytes that do not parse are damage.
		if (error instanceof AwsCallError || (error instanceof Error && error.name === 'AbortError')) {
			throw error;
		}
		return {...tally, damage: `Parquet unreadable: ${describe(error)}`};
	}
}

function isDataError(error: unknown): boolean {
	const code = (error as {code?: unknown} | undefined)?.code;
	return typeof code === 'string' && code.startsWith('Z_');
}
