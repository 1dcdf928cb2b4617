import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tests: hermetic (TZ=UTC, no network). End-to-end tests have their own configs in tests/e2e and tests/e2e-firefox.
process.env.TZ = 'UTC';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/e2e-firefox/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
