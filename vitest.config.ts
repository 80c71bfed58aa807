import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The corpus files first: they are the longest by far (minutes each, against seconds), and Vitest on a clean clone,
 * with no durations cached, orders by file size — which put the short file of the corpus's made forms last, alone.
 */
class CorpusFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const corpus = (f: TestSpecification) => /test\/import\/real[^/]*\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(corpus), ...sorted.filter((f) => !corpus(f))];
  }
}

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/output/**/*.test.ts', 'test/import/**/*.test.ts', 'test/services/**/*.test.ts', 'test/office/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default leaves a core for itself (one worker on a 2-core CI machine), but most of a test file's time here
    // is spent in the programs it runs (Chromium, LibreOffice, pdftotext): one worker per core keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: CorpusFirst },
  },
});
