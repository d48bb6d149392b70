import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests run hundreds of parses; a loaded CI machine must not turn them into timeouts.
    testTimeout: 30_000,
  },
});
