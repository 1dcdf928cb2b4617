import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox ESR over WebDriver BiDi. globalSetup builds the add-on once.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // One Firefox at a time: the machine has two cores and tests measure timings.
    fileParallelism: false,
  },
});
