// `npm run fuzz -- --runs 10000 [--seed N]`: the fuzz harness of test/fuzz with
// more inputs than `npm test` runs (about 1,000). Prints the figures at the end:
// inputs tried, stored / refused, crashes, partial writes, unsafe replies.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "10000" }, seed: { type: "string" } },
  allowPositionals: false,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error("--runs must be a positive whole number");
  process.exit(2);
}
const root = new URL("..", import.meta.url).pathname;
const vitest = new URL("../node_modules/vitest/vitest.mjs", import.meta.url).pathname;
const env = { ...process.env, FUZZ_RUNS: String(runs), ...(values.seed ? { FUZZ_SEED: values.seed } : {}) };
const started = Date.now();
const result = spawnSync(process.execPath, [vitest, "run", "--config", "test/fuzz/vitest.config.ts"], { cwd: root, env, stdio: "inherit" });
console.log(`fuzz: ${runs} inputs requested, ${((Date.now() - started) / 1000).toFixed(0)} s wall time`);
process.exit(result.status ?? 1);
