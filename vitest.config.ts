import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'packages/vscode-ext/**', '**/*.fuzz.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
