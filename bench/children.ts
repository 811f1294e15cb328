// Helper processes of a benchmark (a sim, a monitor): asked to stop, and made to.
import type {ChildProcess} from 'node:child_process';

export function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return Promise.resolve();
	}

	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
	});
	child.kill('SIGTERM');
	const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
	return exited.finally(() => clearTimeout(forced));
}
