import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {PickEntry} from '../../../source/domain/picker/pick-list.js';
import {Picker} from '../../../source/ui/picker/picker.js';
import {keys, renderAt, waitForFrame} from '../../helpers/render.js';

afterEach(() => {
	cleanup();
});

function entry(name: string, type = 'network'): PickEntry {
	return {
		name,
		arn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/${name}/0123456789abcdef`,
		type,
		scheme: 'internet-facing',
		state: 'active',
		dnsName: `${name}.elb.amazonaws.com`,
	};
}

const entries = [entry('payments-nlb'), entry('web-alb', 'application'), entry('web-nlb')];

describe('the load balancer picker', () => {
	it("lists the region's load balancers, filters as the user types and picks with Enter", async () => {
		const onPick = vi.fn();
		const app = renderAt(
			<Picker region="us-east-1" entries={entries} ascii={false} onPick={onPick} />,
			{columns: 80, rows: 24},
		);
		await waitForFrame(app, /pick a load balancer in us-east-1 \(3 of 3\)/);
		app.press('w', 'e', 'b', ' ', 'n', 'l', 'b');
		await waitForFrame(app, /\(1 of 3\)/);
		expect(app.lastFrame()).toContain('web-nlb');
		expect(app.lastFrame()).not.toContain('payments-nlb');
		app.press(keys.enter);
		await vi.waitFor(() => expect(onPick).toHaveBeenCalledWith(entries[2]));
	});

	it('moves the selection with the arrows', async () => {
		const onPick = vi.fn();
		const app = renderAt(
			<Picker region="us-east-1" entries={entries} ascii={false} onPick={onPick} />,
			{columns: 80, rows: 24},
		);
		await waitForFrame(app, /\(3 of 3\)/);
		app.press(keys.down, keys.down, keys.up, keys.enter);
		await vi.waitFor(() => expect(onPick).toHaveBeenCalledWith(entries[1]));
	});

	it('says so when the region has no load balancers', async () => {
		const app = renderAt(
			<Picker region="eu-west-3" entries={[]} ascii={false} onPick={() => undefined} />,
			{columns: 80, rows: 24},
		);
		await waitForFrame(app, /no load balancers in eu-west-3: is the region right \(--region\)\?/);
	});

	it('never draws wider than the terminal, whatever the names', async () => {
		const long = entry(`x${'y'.repeat(31)}`);
		const app = renderAt(
			<Picker
				region="us-east-1"
				entries={[{...long, dnsName: `\u001b]52;c;aGk=\u0007${'z'.repeat(200)}`}]}
				ascii={false}
				onPick={() => undefined}
			/>,
			{columns: 60, rows: 12},
		);
		const frame = await waitForFrame(app, /1 of 1/);
		expect(frame).not.toContain('\u001b]52');
		for (const line of frame.split('\n')) {
			expect(line.length).toBeLessThanOrEqual(60);
		}
	});
});
