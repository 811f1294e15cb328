// Hands Ink's own stdout writer to code outside React. Ink's writer clears its frame, writes, then
// redraws the whole frame from memory: exactly the full repaint a resized terminal needs.
import {useStdout} from 'ink';
import {type ReactNode, useEffect} from 'react';

type Properties = {
	readonly onWriter: (write: (data: string) => void) => void;
	readonly children?: ReactNode;
};

export function StdoutBridge({onWriter, children}: Properties) {
	const {write} = useStdout();
	useEffect(() => {
		onWriter(write);
	}, [onWriter, write]);
	return children;
}
