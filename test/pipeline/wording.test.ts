import { describe, expect, it } from "vitest";
import { parseEmail } from "../../src/pipeline/parse.ts";
import { unwrapForward } from "../../src/pipeline/unwrap.ts";
import { classifyRejection } from "../../src/pipeline/classify.ts";
import { readEmail } from "../../src/pipeline/read.ts";
import { reviewReason } from "../../src/pipeline/prepare.ts";
import { scoreWording, wordingFeatures } from "../../src/pipeline/wording.ts";
import { WORDING_MODEL } from "../../src/pipeline/wording-model.ts";
import { exampleOf, exampleOfText, renderModel, train, TEXT_SETS, TRAINING_SETS, type LabelledText } from "../../scripts/lib/wording-train.ts";
import { corpus, extra, heldouts, type FixtureSet } from "../fixtures/load.ts";

const OWNER = "alex.rivera@example.com";

function forward(subject: string, body: string): string {
  return `From: Alex Rivera <${OWNER}>\r\nTo: r@rebound.test\r\nSubject: Fwd: ${subject}\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\n\r\n---------- Forwarded message ---------\r\nFrom: Pat Lee <pat@lumenworks.test>\r\nDate: Mon, Oct 5, 2026 at 9:00 AM\r\nSubject: ${subject}\r\nTo: Alex Rivera <${OWNER}>\r\n\r\n${body}`;
}

async function classify(subject: string, body: string) {
  return classifyRejection(unwrapForward(await parseEmail(forward(subject, body)), { ownerEmails: [OWNER] }));
}

describe("wordingFeatures", () => {
  it("keeps word stems and neighbouring pairs, without accents, addresses, links or the people's names", () => {
    const f = wordingFeatures("Re: Décision", "Hi Alex, see https://jobs.lumen.test/a or write to jo@lumen.test. We chose another candidate.", ["Alex Rivera"]);
    expect(f).toEqual(expect.arrayContaining(["re", "decisi", "chose", "anothe", "anothe candid", "we chose"]));
    for (const gone of ["alex", "rivera", "https", "jobs", "lumen", "jo", "test", "décisi"]) expect(f).not.toContain(gone);
    // What the mail is about is no evidence of what it says: a topic word counts only in a pair.
    expect(f).not.toContain("candid");
    expect(new Set(f).size).toBe(f.length);
  });

  it("reads only the first screens of a long body", () => {
    const f = wordingFeatures("", "filler ".repeat(2_000) + "rejected");
    expect(f).not.toContain("reject");
  });
});

describe("scoreWording", () => {
  const model = { bias: -1, weights: "good 2\nbad -0.5\nmeh 0.1" };

  it("adds the weights of the features present to the bias and names the ones that pushed toward the answer", () => {
    const r = scoreWording(["good", "bad", "unknown"], model);
    expect(r.p).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 10);
    expect(r.telling).toEqual([["good", 2]]);
    const no = scoreWording(["bad", "meh"], model);
    expect(no.p).toBeLessThan(0.5);
    expect(no.telling).toEqual([["bad", -0.5]]);
  });
});

describe("the wording model decides only where no rule does", () => {
  it("reads a softly worded rejection that no rule phrase covers", async () => {
    const c = await classify(
      "Quick update",
      "Hi Alex, thanks so much for the conversations with Mira and Joe last week. The team loved your portfolio, but we have decided that the experience of another applicant lines up more closely with what we need right now. We would be glad to stay in touch.",
    );
    expect(c.byWording, c.reasons.join("\n")).toBe(true);
    expect(c.isRejection).toBe(true);
    expect(c.reasons[0]).toMatch(/^rejection \(wording model: /);
    expect(c.reasons[1]).toMatch(/^no rule decides: the wording model gives 0\.\d\d before the rules' silence \(".+" \+\d/);
  });

  it.each([
    ["Your application", "Hi Alex, thank you for applying. Our team is reviewing applications this week and will reach out about next steps soon."],
    ["Team lunch", "Hi Alex, just a reminder that the team lunch is on Friday at noon. See you there!"],
  ])("and leaves an ordinary message alone: %s", async (subject, body) => {
    const c = await classify(subject, body);
    expect(c.byWording, c.reasons.join("\n")).toBe(true);
    expect(c.isRejection).toBe(false);
  });

  it("is not consulted when the rules find evidence", async () => {
    const yes = await classify("Your application", "Thank you for applying. We have decided to move forward with other candidates.");
    const no = await classify("Interview", "We'd like to invite you to an interview next week. Please pick a time slot.");
    expect([yes.byWording, yes.isRejection]).toEqual([false, true]);
    expect([no.byWording, no.isRejection]).toEqual([false, false]);
  });

  it("sends a rejection only the model sees for review unless it is sure", async () => {
    const reading = await readEmail(forward("Quick update", "Hi Alex, the panel went with a colleague whose background fits the brief more closely. Thanks for your time."), { ownerEmails: [OWNER] });
    expect(reviewReason({ ...reading, isRejection: true, byWording: true, confidence: 0.7, company: "Lumenworks" })).toMatch(/only to my wording model/);
    expect(reviewReason({ ...reading, isRejection: true, byWording: true, confidence: 0.9, company: "Lumenworks" })).toBeNull();
    expect(reviewReason({ ...reading, isRejection: true, byWording: false, confidence: 0.7, company: "Lumenworks" })).toBeNull();
  });
});

describe("the shipped wording model", () => {
  it("is what training on the labelled sets and the hand-written bodies gives (npm run train:wording)", async () => {
    const byName = new Map<string, FixtureSet>([corpus, extra, ...heldouts].map((s) => [s.name, s]));
    const examples = [];
    for (const set of TRAINING_SETS.map((name) => byName.get(name)!)) {
      for (const file of Object.keys(set.emails).sort()) examples.push(await exampleOf(set.emails[file]!, set.labels[file]!.isRejection));
    }
    const emails = examples.length;
    const bodies = import.meta.glob("../wording/*.json", { import: "default", eager: true }) as Record<string, LabelledText[]>;
    for (const name of TEXT_SETS) examples.push(...bodies[`../wording/${name}.json`]!.map(exampleOfText));
    const trained = train(examples);
    expect(renderModel(trained, emails, examples.length - emails)).toContain(JSON.stringify(WORDING_MODEL.weights));
    expect(trained.bias).toBe(WORDING_MODEL.bias);
  }, 60_000);
});
