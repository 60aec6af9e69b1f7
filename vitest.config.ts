import { defineConfig } from 'vitest/config';

// Two projects: Node for the server side, jsdom for code that must also run in the browser
// (the tab, and diagnosis/ which the tab imports). End-to-end tests live in test/.
// `--mode soak` (npm run soak) runs test/hardening-soak.test.ts for 2 minutes instead of 20 s.
export default defineConfig(({ mode }) => ({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['{graph,diagnosis,bot,server,emulator,cli,scripts,bench,test,tab/api}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['test/support/tls-setup.ts', 'test/support/chromium-setup.ts', 'test/support/tab-build-setup.ts'],
          provide: { soakSeconds: mode === 'soak' ? 120 : 20 },
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['{diagnosis,tab}/**/*.browser.test.ts', 'tab/**/*.test.tsx'],
          setupFiles: ['tab/ui/testing/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
}));
