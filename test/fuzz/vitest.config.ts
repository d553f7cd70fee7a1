// The long fuzz run (`npm run fuzz -- --runs 10000 [--seed N]`): the project's
// test setup, only test/fuzz, with the run size handed to the tests.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config.ts";

const runs = Number(process.env.FUZZ_RUNS ?? 1000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ["test/fuzz/**/*.test.ts"],
      provide: { fuzzRuns: runs, ...(seed === undefined ? {} : { fuzzSeed: seed }) },
      testTimeout: 0,
    },
  }),
);
