import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/output/**/*.test.ts', 'test/import/**/*.test.ts', 'test/services/**/*.test.ts', 'test/office/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default leaves a core for itself (one worker on a 2-core CI machine), but most of a test file's time here
    // is spent in the programs it runs (Chromium, LibreOffice, pdftotext): one worker per core keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
