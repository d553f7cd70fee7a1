// Hostile mail through the real email handler and the real D1 (issue 7).
// Every input must be stored (possibly needs_review) and answered once, or
// refused with a reason; never an uncaught exception, never a partial write,
// never an unsafe reply. `npm test` runs about 1,000 inputs; the long run is
// `npm run fuzz -- --runs 10000` (optionally `--seed N` to replay one).

import fc from "fast-check";
import { afterAll, describe, expect, inject, it } from "vitest";
import { corpus, extra } from "../fixtures/load.ts";
import { buildEmail, generatedEmailArb } from "./generate.ts";
import { describeTally, emptyTally, runBatch, type Tally } from "./harness.ts";
import { hostileCases } from "./hostile.ts";
import { applyPlan, planArb, seedStrings } from "./mutate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    fuzzRuns?: number;
    fuzzSeed?: number;
  }
}

const TOTAL = inject("fuzzRuns") ?? 1000;
const SEED = inject("fuzzSeed");
/** Inputs delivered at once: the handler runs concurrently on one D1, as in production. */
const BATCH = 20;
// Most of the budget goes to mutations of real emails; a fifth to generated ones.
const GENERATED_RUNS = Math.max(1, Math.round((TOTAL * 0.2) / BATCH));
const MUTATION_RUNS = Math.max(1, Math.round((TOTAL * 0.8) / BATCH));
// Generous: a long run of 10,000 inputs takes minutes.
const TIMEOUT = Math.max(120_000, TOTAL * 500);

const seeds = seedStrings([...Object.values(corpus.emails), ...Object.values(extra.emails)]);
const tallies: Record<string, Tally> = {};
const tally = (name: string) => (tallies[name] ??= emptyTally());

afterAll(() => {
  const all = emptyTally();
  for (const t of Object.values(tallies)) for (const k of Object.keys(all) as (keyof Tally)[]) all[k] += t[k];
  for (const [name, t] of Object.entries(tallies)) console.log(describeTally(`fuzz ${name}`, t));
  console.log(describeTally("fuzz total", all));
});

// Unique within a run (each batch starts from an empty database) and the same on a replay with --seed.
let counter = 0;
const uniqueId = (kind: string) => `fuzz-${kind}-${++counter}`;

describe("fuzz: hostile mail through the email handler and D1", () => {
  it("survives the named hostile shapes (nesting, huge bodies and headers, 10k Cc, NUL, empty)", async () => {
    const failures: string[] = [];
    for (const [name, raw] of hostileCases()) {
      const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
      failures.push(...(await runBatch([{ name, bytes }], tally("hostile"))).failures);
    }
    expect(failures).toEqual([]);
    const t = tally("hostile");
    // All of them reach the pipeline and are stored, except the ones with no From header at all.
    expect(t.stored).toBeGreaterThanOrEqual(t.inputs - 3);
  }, TIMEOUT);

  it(`survives mutations of the corpus and fixtures (${MUTATION_RUNS * BATCH} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(planArb(seeds.length), { minLength: BATCH, maxLength: BATCH }), async (plans) => {
        const inputs = plans.map((plan) => ({ name: JSON.stringify(plan).slice(0, 400), bytes: applyPlan(plan, seeds, uniqueId("m")) }));
        const { failures } = await runBatch(inputs, tally("mutations"));
        if (failures.length) throw new Error(failures.slice(0, 5).join("\n"));
      }),
      { numRuns: MUTATION_RUNS, seed: SEED, endOnFailure: true },
    );
    const t = tally("mutations");
    // The fuzzer must mostly get past the sender check, or it tests nothing.
    expect(t.stored).toBeGreaterThan(t.inputs / 2);
  }, TIMEOUT);

  it(`survives generated forwards with hostile fields (${GENERATED_RUNS * BATCH} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generatedEmailArb, { minLength: BATCH, maxLength: BATCH }), async (emails) => {
        const inputs = emails.map((g) => ({ name: JSON.stringify(g).slice(0, 400), bytes: buildEmail(g, uniqueId("g")) }));
        const { failures } = await runBatch(inputs, tally("generated"));
        if (failures.length) throw new Error(failures.slice(0, 5).join("\n"));
      }),
      { numRuns: GENERATED_RUNS, seed: SEED, endOnFailure: true },
    );
    const t = tally("generated");
    expect(t.stored).toBe(t.inputs);
  }, TIMEOUT);
});
