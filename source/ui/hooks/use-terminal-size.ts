// The terminal's size, following resizes. A stream that reports no size (a pipe, a test double)
// falls back to the size the caller gives, then to 80x24.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {TerminalSize} from '../app-types.js';

export const defaultTerminalSize: TerminalSize = {columns: 80, rows: 24};

type SizedStream = {
	readonly columns?: number | undefined;
	readonly rows?: number | undefined;
};

export function readTerminalSize(stream: SizedStream, fallback?: TerminalSize): TerminalSize {
	const base = fallback ?? defaultTerminalSize;
	const columns =
		stream.columns !== undefined && stream.columns > 0 ? stream.columns : base.columns;
	const rows = stream.rows !== undefined && stream.rows > 0 ? stream.rows : base.rows;
	return {columns, rows};
}

export function useTerminalSize(fallback?: TerminalSize): TerminalSize {
	const {stdout} = useStdout();
	const fallbackColumns = fallback?.columns;
	const fallbackRows = fallback?.rows;
	const [size, setSize] = useState(() => readTerminalSize(stdout, fallback));
	useEffect(() => {
		const base =
			fallbackColumns === undefined || fallbackRows === undefined
				? undefined
				: {columns: fallbackColumns, rows: fallbackRows};
		const update = () => {
			const next = readTerminalSize(stdout, base);
			setSize((current) =>
				current.columns === next.columns && current.rows === next.rows ? current : next,
			);
		};
		update();
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout, fallbackColumns, fallbackRows]);
	return size;
}
