import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/tests/**/*.test.ts'],
    // packages/vscode-ext/test/ is the in-editor mocha suite (scripts/e2e.sh); its tests/ are plain units
    exclude: ['**/node_modules/**', 'packages/vscode-ext/test/**', '**/*.fuzz.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
