import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Two cores: end-to-end tests start real terminals and servers, so keep the pool small.
		maxWorkers: 2,
		// The SDK's notice about future Node releases is noise in test output (lbtop pins the SDK).
		env: {AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
	},
});
