import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Seed and generator tests load thousands of rows; a loaded CI machine must not turn them into timeouts.
    testTimeout: 60_000,
    globalSetup: ['src/vitest-global-setup.ts'],
  },
});
