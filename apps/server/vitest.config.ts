import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['@netral/db/vitest-global-setup'],
    testTimeout: 30_000,
  },
});
