// Client options that point an unmodified AWS SDK v3 client at the sim.
export function sdkConfig(url: string, maxAttempts = 1) {
	return {
		endpoint: url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
		maxAttempts,
	};
}
