// One group's own suites (docs/mutation.md, "Groups side by side"): the same settings as stryker.config.mjs, with
// only the tests named in MUTATION_TESTS, so a group measures in minutes on a loaded machine.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default { ...base, vitest: { configFile: 'vitest.mutation-group.config.ts' } };
