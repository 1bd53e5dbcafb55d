import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config';

/** One group's own suites (MUTATION_TESTS, comma-separated globs), to measure a group faster under load. */
export default defineConfig({ ...base, test: { ...base.test, include: (process.env.MUTATION_TESTS ?? '').split(',') } });
