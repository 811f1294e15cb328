// Ends the full-screen app from outside it (a start-up failure waiting cannot fix), through the
// same path as q: Ink unmounts and the terminal is handed back before anything is printed.
import {useApp} from 'ink';
import {useEffect} from 'react';

type Properties = {
	readonly signal: AbortSignal;
};

export function ExitOn({signal}: Properties) {
	const {exit} = useApp();
	useEffect(() => {
		const onAbort = () => {
			exit();
		};
		if (signal.aborted) {
			onAbort();
			return undefined;
		}
		signal.addEventListener('abort', onAbort, {once: true});
		return () => {
			signal.removeEventListener('abort', onAbort);
		};
	}, [signal, exit]);
	return null;
}
