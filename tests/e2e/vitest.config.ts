import { defineConfig } from 'vitest/config';

// End-to-end tests in real Chromium with the built extension. globalSetup builds it once.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One Chromium at a time: the machine has two cores and tests measure timings.
    fileParallelism: false,
  },
});
