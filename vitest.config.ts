import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  // `~/x` resolves to `<project root>/x`, mirroring tsconfig "paths".
  resolve: { alias: [{ find: /^~\//, replacement: root }] },
  test: {
    setupFiles: ['./tests/helpers/setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/http/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          // Each file boots its own `next start`; run them one at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
