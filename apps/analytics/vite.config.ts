import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `pnpm dev` serves the app on :5174/analytics/ and forwards API calls to the server on :3000 (`pnpm serve`).
export default defineConfig({
  plugins: [react()],
  server: { port: 5174, proxy: { '/trpc': 'http://localhost:3000' } },
  base: '/analytics/',
  build: {
    outDir: 'dist',
    sourcemap: true,
    manifest: true,
    rolldownOptions: {
      output: {
        // Recharts and the chart wrapper in one chunk named for what it is ("charts"), loaded only
        // by the dashboard and the comparison. Its dependencies stay where Rolldown puts them, so
        // nothing the sign-in page needs (React) is pulled into it.
        codeSplitting: {
          groups: [
            {
              name: 'charts',
              test: /[\\/]node_modules[\\/]\.pnpm[\\/](recharts|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|victory-vendor|d3-[a-z-]+|decimal\.js-light|eventemitter3|internmap|tiny-invariant)@|[\\/]packages[\\/]ui[\\/]src[\\/]chart\./,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    // Browser tests start a server with the demo data and drive Chromium.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
