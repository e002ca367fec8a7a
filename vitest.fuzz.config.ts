import { defineConfig } from 'vitest/config';

// `pnpm fuzz`: the long property runs (*.fuzz.test.ts), kept out of the normal suite.
export default defineConfig({
  test: {
    include: ['packages/*/tests/**/*.fuzz.test.ts'],
    exclude: ['**/node_modules/**', 'packages/vscode-ext/**'],
    testTimeout: 6 * 60 * 60 * 1000,
    pool: 'threads',
  },
});
