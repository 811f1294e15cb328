import {describe, expect, it} from 'vitest';
import {
	type FlagKinds,
	unknownFlagMessage,
	withDashValues,
} from '../../source/domain/unknown-flag.js';

const flags: FlagKinds = {
	region: {type: 'string'},
	endpointUrl: {type: 'string'},
	color: {type: 'boolean'},
	speed: {type: 'number'},
};

describe('unknownFlagMessage', () => {
	it.each([
		{argv: ['demo-nlb', '--region', 'eu-west-1'], expected: undefined},
		{argv: ['--endpoint-url=http://127.0.0.1:4566'], expected: undefined},
		{argv: ['--endpointUrl', 'http://127.0.0.1:4566'], expected: undefined},
		{argv: ['--no-color', '--help', '--version'], expected: undefined},
		{argv: ['--speed', '-1'], expected: undefined},
		{argv: ['--', '--not-a-flag'], expected: undefined},
		{argv: ['--regoin', 'eu-west-1'], expected: 'unknown flag --regoin (did you mean --region?)'},
		{
			argv: ['--endpoint=http://x'],
			expected: 'unknown flag --endpoint (did you mean --endpoint-url?)',
		},
		{argv: ['--zzzzzzzz'], expected: 'unknown flag --zzzzzzzz'},
		{argv: ['-x'], expected: 'unknown flag -x'},
		{argv: ['--no-speed'], expected: 'unknown flag --no-speed (did you mean --speed?)'},
	])('$argv → $expected', ({argv, expected}) => {
		expect(unknownFlagMessage(argv, flags)).toBe(expected);
	});
});

describe('withDashValues', () => {
	const text: FlagKinds = {
		window: {type: 'string'},
		endpointUrl: {type: 'string'},
		once: {type: 'boolean'},
		speed: {type: 'number'},
	};

	it.each([
		{argv: ['a', '--window', '-5m'], expected: ['a', '--window=-5m']},
		{argv: ['--endpoint-url', '-1'], expected: ['--endpoint-url=-1']},
		{argv: ['--window', '--once'], expected: ['--window', '--once']},
		{argv: ['--window', '15m', '--once'], expected: ['--window', '15m', '--once']},
		{argv: ['--speed', '-1'], expected: ['--speed', '-1']},
		{argv: ['--', '--window', '-5m'], expected: ['--', '--window', '-5m']},
	])('$argv → $expected', ({argv, expected}) => {
		expect(withDashValues(argv, text)).toEqual(expected);
	});
});
