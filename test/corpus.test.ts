import { describe, expect, it } from "vitest";
import { readEmail } from "../src/pipeline/read.ts";
import { parseEmail, type ParsedEmail } from "../src/pipeline/parse.ts";
import { htmlToText } from "../src/pipeline/html-to-text.ts";
import { unwrapForward } from "../src/pipeline/unwrap.ts";
import { classifyRejection } from "../src/pipeline/classify.ts";
import { extractApplication } from "../src/pipeline/extract.ts";
import type { Reading } from "../src/pipeline/types.ts";
import { corpus, extra, forwarders, FORWARD_ADDRESS, NEVER_CONTACTS, OWNER, tuned, type FixtureSet } from "./fixtures/load.ts";
import { FIELDS, formatScore, scoreAll } from "./score.ts";

// Every labelled email through the whole reading pipeline, scored by the corpus
// README's rule; each field must reach 98 %.
const THRESHOLD = 0.98;

async function readAll(set: FixtureSet): Promise<{ name: string; reading: Reading; label: FixtureSet["labels"][string] }[]> {
  const out = [];
  for (const name of Object.keys(set.labels).sort()) {
    const reading = await readEmail(set.emails[name]!, { ownerEmails: [OWNER], forwardAddress: FORWARD_ADDRESS });
    out.push({ name, reading, label: set.labels[name]! });
  }
  return out;
}

describe.each([corpus, extra])("$name: extraction accuracy", (set) => {
  it(`reaches ${THRESHOLD * 100} % on every field`, async () => {
    const items = await readAll(set);
    expect(items.length).toBeGreaterThan(0);
    const score = scoreAll(items, NEVER_CONTACTS);
    console.log(`\n${set.name} (${items.length} emails)\n${formatScore(score)}${score.failures.length ? "\nfailures:\n" + score.failures.join("\n") : ""}`);
    for (const f of FIELDS) {
      const { pass, total } = score.perField[f];
      if (total === 0) continue;
      expect.soft(pass / total, `${f}: ${pass}/${total}\n${score.failures.join("\n")}`).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });

  it("never lists the owner, the forwarding address or a no-reply sender as a contact", async () => {
    for (const { name, reading } of await readAll(set)) {
      for (const c of reading.contacts) {
        expect(NEVER_CONTACTS, name).not.toContain(c.email);
        expect(c.email, name).not.toMatch(/no-?reply|donotreply/);
      }
    }
  });
});

// Held-out sets written independently and later used to improve the rules: they must not regress.
// Each was scored once, unseen, before it was used (README, "How well").
describe.each(tuned)("$name (tuned held-out set): extraction accuracy", (set) => {
  it(`reaches ${THRESHOLD * 100} % on every field`, async () => {
    const names = Object.keys(set.labels).sort();
    expect(names.length).toBeGreaterThan(30);
    const items = [];
    for (const name of names) {
      items.push({ name, reading: await readEmail(set.emails[name]!, { ownerEmails: [], forwardAddress: FORWARD_ADDRESS }), label: set.labels[name]! });
    }
    const score = scoreAll(items, [FORWARD_ADDRESS, ...forwarders(set)]);
    console.log(`\n${set.name} (${items.length} emails)\n${formatScore(score)}`);
    for (const f of FIELDS) {
      const { pass, total } = score.perField[f];
      expect.soft(pass / total, `${f}: ${pass}/${total}\n${score.failures.join("\n")}`).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });
});

// Many forwards arrive with an HTML part only: read every corpus email from its HTML
// alone (each client's HTML forward layout) and hold it to the same bar.
describe("corpus read from the HTML parts alone", () => {
  function htmlOnly(p: ParsedEmail): void {
    if (p.html) p.text = htmlToText(p.html);
    for (const a of p.attachedMessages) htmlOnly(a);
  }
  it(`reaches ${THRESHOLD * 100} % on every field`, async () => {
    const items = [];
    for (const name of Object.keys(corpus.labels).sort()) {
      const parsed = await parseEmail(corpus.emails[name]!);
      if (!parsed.html && !parsed.attachedMessages.some((a) => a.html)) continue;
      htmlOnly(parsed);
      const opts = { ownerEmails: [OWNER], forwardAddress: FORWARD_ADDRESS };
      const u = unwrapForward(parsed, opts);
      const reading: Reading = { ...classifyRejection(u), ...extractApplication(u, opts), note: u.note, format: u.format, original: u.original, outer: u.outer };
      items.push({ name, reading, label: corpus.labels[name]! });
    }
    expect(items.length).toBeGreaterThanOrEqual(35);
    const score = scoreAll(items, NEVER_CONTACTS);
    console.log(`\ncorpus, HTML parts only (${items.length} emails)\n${formatScore(score)}${score.failures.length ? "\nfailures:\n" + score.failures.join("\n") : ""}`);
    for (const f of FIELDS) {
      const { pass, total } = score.perField[f];
      if (total) expect.soft(pass / total, `${f}: ${pass}/${total}\n${score.failures.join("\n")}`).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });
});
