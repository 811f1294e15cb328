import {describe, expect, it} from 'vitest';
import {
	endTimeText,
	listingsSince,
	logFolder,
	parseAccessLogKey,
} from '../../../source/domain/access-logs/object-key.js';

const folder = 'logs/AWSLogs/123456789012/elasticloadbalancing/us-east-2/2016/05/01/';

describe('access log object keys', () => {
	it.each([
		{
			name: 'the ALB user guide example',
			key: `my-bucket/prefix/AWSLogs/123456789012/elasticloadbalancing/us-east-2/2016/05/01/123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.1234567890abcdef_20140215T2340Z_172.160.001.192_20sg8hgm.log.gz`,
			expected: {
				kind: 'access',
				lbType: 'application',
				account: '123456789012',
				region: 'us-east-2',
				name: 'my-loadbalancer',
				id: '1234567890abcdef',
				resourceTail: 'app/my-loadbalancer/1234567890abcdef',
				intervalStart: Date.UTC(2014, 1, 15, 23, 35),
				intervalEnd: Date.UTC(2014, 1, 15, 23, 40),
				nodeIp: '172.160.001.192',
				deliveryDay: '2016/05/01',
			},
		},
		{
			name: 'an NLB file, which names no node',
			key: `${folder}123456789012_elasticloadbalancing_us-east-2_net.my-nlb.c6e77e28c25b2234_20181220T2340Z_a1b2c3d4.log.gz`,
			expected: {kind: 'access', lbType: 'network', resourceTail: 'net/my-nlb/c6e77e28c25b2234'},
			absent: 'nodeIp',
		},
		{
			name: 'an ALB connection log, as delivered (underscore)',
			key: `${folder}conn_log_123456789012_elasticloadbalancing_us-east-2_app.shop.5ede558f4b0e97a9_20240207T0955Z_10.43.1.2_b38hdhc6.log.gz`,
			expected: {kind: 'connection', lbType: 'application', nodeIp: '10.43.1.2'},
		},
		{
			name: 'an ALB connection log, as the user guide writes it (period)',
			key: `${folder}conn_log.123456789012_elasticloadbalancing_us-east-2_app.shop.5ede558f4b0e97a9_20240207T0955Z_10.43.1.2_b38hdhc6.log.gz`,
			expected: {kind: 'connection'},
		},
	])('reads $name', ({key, expected, absent}) => {
		const object = parseAccessLogKey(key);
		expect(object).toMatchObject(expected);
		if (absent !== undefined) {
			expect(object).not.toHaveProperty(absent);
		}
	});

	it.each([
		['the test file ELB writes', 'logs/AWSLogs/123456789012/ELBAccessLogTestFile'],
		[
			'a flow log file',
			`${folder}123456789012_vpcflowlogs_us-east-2_fl-0a1b2c3d_20240207T0955Z_hash.log.gz`,
		],
		[
			'an impossible end time',
			`${folder}123456789012_elasticloadbalancing_us-east-2_app.shop.5ede558f4b0e97a9_20240231T0955Z_10.43.1.2_b38hdhc6.log.gz`,
		],
		[
			'a Classic LB file',
			`${folder}123456789012_elasticloadbalancing_us-east-2_my-clb_20140215T2340Z_172.160.1.192_20sg8hgm.log`,
		],
	])('ignores %s', (_name, key) => {
		expect(parseAccessLogKey(key)).toBeUndefined();
	});

	it('writes end times the way file names carry them', () => {
		expect(endTimeText(Date.UTC(2014, 1, 15, 23, 40))).toBe('20140215T2340Z');
	});

	describe('listings for new files only', () => {
		const location = {bucket: 'b', prefix: 'logs', account: '123456789012', region: 'us-east-2'};
		const lb = {type: 'application' as const, name: 'shop', id: '5ede558f4b0e97a9'};
		const base = `${logFolder(location)}`;

		it('starts after the end time already read, on one day', () => {
			const listings = listingsSince(
				location,
				lb,
				'access',
				Date.UTC(2024, 1, 7, 9, 50),
				Date.UTC(2024, 1, 7, 10, 2),
			);
			expect(listings).toEqual([
				{
					prefix: `${base}2024/02/07/123456789012_elasticloadbalancing_us-east-2_app.shop.5ede558f4b0e97a9_`,
					startAfter: `${base}2024/02/07/123456789012_elasticloadbalancing_us-east-2_app.shop.5ede558f4b0e97a9_20240207T0950Z`,
				},
			]);
			const sameEnd = `${listings[0]?.prefix}20240207T0950Z_10.0.0.1_abc.log.gz`;
			expect(sameEnd > (listings[0]?.startAfter ?? '')).toBe(true);
		});

		it('lists the next day too across midnight (files are filed by delivery date)', () => {
			const listings = listingsSince(
				location,
				{...lb, type: 'network'},
				'access',
				Date.UTC(2024, 1, 7, 23, 50),
				Date.UTC(2024, 1, 8, 0, 7),
			);
			expect(listings.map((listing) => listing.prefix)).toEqual([
				`${base}2024/02/07/123456789012_elasticloadbalancing_us-east-2_net.shop.5ede558f4b0e97a9_`,
				`${base}2024/02/08/123456789012_elasticloadbalancing_us-east-2_net.shop.5ede558f4b0e97a9_`,
			]);
			expect(listings[1]).not.toHaveProperty('startAfter');
		});

		it('finds connection logs by their own prefix, and a bucket root without a prefix', () => {
			const [listing] = listingsSince(
				{...location, prefix: ''},
				lb,
				'connection',
				Date.UTC(2024, 1, 7),
				Date.UTC(2024, 1, 7, 1),
			);
			expect(listing?.prefix).toBe(
				'AWSLogs/123456789012/elasticloadbalancing/us-east-2/2024/02/07/conn_log_123456789012_elasticloadbalancing_us-east-2_app.shop.5ede558f4b0e97a9_',
			);
		});
	});
});
