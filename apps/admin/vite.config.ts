import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `pnpm dev` serves the app on :5173 and forwards API calls to the server on :3000 (`pnpm serve`).
export default defineConfig({
  plugins: [react()],
  base: '/',
  server: { proxy: { '/trpc': 'http://localhost:3000' } },
  build: { outDir: 'dist', sourcemap: true, manifest: true },
  test: {
    include: ['src/**/*.test.ts'],
    // Browser tests start a server with the demo data and drive Chromium.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
