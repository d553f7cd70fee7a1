// The long fuzz run (`npm run fuzz -- --runs 10000 [--seed N]`): the project's
// test setup, only test/fuzz, with the run size handed to the tests.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config.ts";

const runs = Number(process.env.FUZZ_RUNS ?? 1000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      provide: { fuzzRuns: runs, ...(seed === undefined ? {} : { fuzzSeed: seed }) },
      testTimeout: 0,
    },
  }),
);
// mergeConfig concatenates arrays: replace the include list instead.
config.test!.include = ["test/fuzz/**/*.test.ts"];
export default config;
