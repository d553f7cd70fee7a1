import { describe, expect, it } from "vitest";
import { DAY, planFollowUps } from "../../src/pipeline/plan.ts";

const now = Date.UTC(2026, 9, 15, 12);
const contacts = [
  { email: "priya@acme.test", title: "Hiring Manager", isSender: false },
  { email: "tom@acme.test", title: null, isSender: true },
];

describe("planFollowUps", () => {
  const steps = planFollowUps({ applicationKey: "k", contacts, startAt: now - DAY, now });
  const of = (kind: string, email?: string | null) => steps.filter((s) => s.kind === kind && (email === undefined || s.contactEmail === email));

  it("delivers a thank-you per contact now and plans a reminder two days later", () => {
    expect(of("thank-you").filter((s) => s.status === "sent").map((s) => s.contactEmail)).toEqual(["priya@acme.test", "tom@acme.test"]);
    for (const r of of("thank-you").filter((s) => s.status === "pending")) expect(r.dueAt).toBe(now + 2 * DAY);
  });

  it("plans the self-review a day after the forward and connect notes a week after", () => {
    expect(of("self-review").map((s) => [s.contactEmail, s.dueAt])).toEqual([[null, now + DAY]]);
    expect(of("connect").map((s) => s.dueAt)).toEqual([now + 7 * DAY, now + 7 * DAY]);
  });

  it("keeps the playbook's order for a rejection forwarded weeks late, with the check-in still five months after the rejection", () => {
    const late = planFollowUps({ applicationKey: "k", contacts, startAt: now - 60 * DAY, now });
    const due = (kind: string) => late.find((s) => s.kind === kind)!.dueAt;
    expect(due("self-review")).toBeLessThan(due("connect"));
    expect(due("connect")).toBeLessThan(due("check-in"));
    expect(due("check-in")).toBe(now - 60 * DAY + 152 * DAY);
  });

  it("checks in once, with the hiring manager, about five months on", () => {
    expect(of("check-in").map((s) => s.contactEmail)).toEqual(["priya@acme.test"]);
    const days = (of("check-in")[0]!.dueAt - (now - DAY)) / DAY;
    expect(days).toBeGreaterThanOrEqual(145);
    expect(days).toBeLessThanOrEqual(160);
  });

  it("spaces value notes at least six weeks from any other message to the same contact", () => {
    for (const c of contacts) {
      const times = steps.filter((s) => s.contactEmail === c.email && !s.stepKey.includes("reminder")).map((s) => s.dueAt).sort((a, b) => a - b);
      const notes = of("value-note", c.email);
      expect(notes.length).toBeGreaterThan(0);
      expect(notes.length).toBeLessThanOrEqual(3);
      for (const n of notes) for (const t of times) if (t !== n.dueAt) expect(Math.abs(t - n.dueAt)).toBeGreaterThanOrEqual(42 * DAY);
    }
  });

  it("uses unique step keys so planning twice never duplicates a step", () => {
    expect(new Set(steps.map((s) => s.stepKey)).size).toBe(steps.length);
    expect(planFollowUps({ applicationKey: "k", contacts, startAt: now - DAY, now }).map((s) => s.stepKey)).toEqual(steps.map((s) => s.stepKey));
  });

  it("addresses the hiring team when no one has an address", () => {
    const none = planFollowUps({ applicationKey: "k", contacts: [], startAt: now, now });
    expect(none.filter((s) => s.kind === "thank-you").map((s) => s.contactEmail)).toEqual([null, null]);
    expect(none.some((s) => s.kind === "connect")).toBe(false);
  });
});
