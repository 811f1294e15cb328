import process from 'node:process';
import {defineConfig} from 'vitest/config';

// Ink draws no frame until exit when it thinks it runs in CI (is-in-ci reads these when Ink is
// imported), so the tests that draw lbtop's screen in-process would see nothing there. lbtop's
// screen is for a terminal: its tests run as on one. Workers take the environment from here.
for (const name of Object.keys(process.env)) {
	if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) {
		delete process.env[name];
	}
}

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
