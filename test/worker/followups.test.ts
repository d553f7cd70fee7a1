// The follow-up engine over months: planning, the cron sender, retries,
// overlapping runs, time zones and weekdays, in the Workers runtime with D1.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { cron, DAY, nextNoon } from "../helpers/cron.ts";
import { deliver } from "../helpers/email.ts";
import { ownerReply } from "../helpers/reply.ts";
import { syntheticRejection } from "../helpers/synthetic.ts";

interface FollowUp {
  id: number;
  kind: string;
  step_key: string;
  due_at: number;
  status: string;
  sent_at: number | null;
  attempts: number;
  contact_email: string | null;
}

async function followUps(): Promise<FollowUp[]> {
  const { results } = await env.DB.prepare(
    `SELECT f.id, f.kind, f.step_key, f.due_at, f.status, f.sent_at, f.attempts, c.email AS contact_email
     FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id ORDER BY f.sent_at, f.id`,
  ).all<FollowUp>();
  return results;
}

async function outbox(kind = "followups") {
  const { results } = await env.DB.prepare("SELECT * FROM outbox WHERE kind = ?1 ORDER BY id").bind(kind).all<Record<string, any>>();
  return results;
}

const weekday = (ms: number) => ((new Date(ms).getUTCDay() + 6) % 7) + 1;

describe("a rejection followed for twelve months of daily cron runs", () => {
  it("sends each step once, in order, on time, on weekdays, to the right people", async () => {
    const rejectedAt = Date.now() - 60 * 60 * 1000;
    const forward = await deliver(syntheticRejection({ sentAt: rejectedAt }));
    expect(forward.replies).toHaveLength(1);

    const runs: number[] = [];
    for (let t = nextNoon(Date.now()); t < rejectedAt + 365 * DAY; t += DAY) {
      await cron(t);
      runs.push(t);
    }
    const all = await followUps();
    const sent = all.filter((f) => f.status === "sent");
    // Everything planned within the year went out, exactly once.
    expect(all.filter((f) => f.status === "pending" && f.due_at < runs.at(-1)!)).toEqual([]);
    const links = await env.DB.prepare("SELECT follow_up_id, count(*) AS n FROM outbox_follow_ups GROUP BY follow_up_id HAVING n > 1").all();
    expect(links.results).toEqual([]);

    const byCron = sent.filter((f) => f.kind !== "thank-you" || f.step_key.includes("reminder"));
    for (const f of byCron) {
      // Sent by the first run at or after its due time...
      const firstRun = runs.find((r) => r >= f.due_at)!;
      expect(f.sent_at).toBe(firstRun);
      // ...and due at the owner's hour (09:00 UTC by default) on a weekday.
      expect(new Date(f.due_at).getUTCHours()).toBe(9);
      expect(weekday(f.due_at)).toBeLessThanOrEqual(5);
    }

    const first = (kind: string, email?: string) => sent.find((f) => f.kind === kind && (email === undefined || f.contact_email === email));
    const days = (f: FollowUp | undefined) => (f!.sent_at! - rejectedAt) / DAY;
    // The playbook's order and spacing.
    expect(days(first("self-review"))).toBeGreaterThan(0.5);
    expect(days(first("self-review"))).toBeLessThan(4);
    expect(days(first("connect"))).toBeGreaterThanOrEqual(7);
    expect(days(first("connect"))).toBeLessThan(11);
    expect(days(first("check-in"))).toBeGreaterThanOrEqual(150);
    expect(days(first("check-in"))).toBeLessThanOrEqual(158);
    expect(first("self-review")!.sent_at!).toBeLessThan(first("connect")!.sent_at!);
    expect(first("connect")!.sent_at!).toBeLessThan(first("check-in")!.sent_at!);

    // Recipients: thank-you notes and connection notes for both people; the check-in to the hiring manager only.
    const emails = (kind: string) => [...new Set(sent.filter((f) => f.kind === kind).map((f) => f.contact_email))].sort();
    expect(emails("thank-you")).toEqual(["priya.shah@acme-robotics.test", "tom.lee@acme-robotics.test"]);
    expect(emails("connect")).toEqual(["priya.shah@acme-robotics.test", "tom.lee@acme-robotics.test"]);
    expect(emails("check-in")).toEqual(["priya.shah@acme-robotics.test"]);
    expect(emails("self-review")).toEqual([null]);

    // Value notes: a few per person, never within six weeks of another message to them.
    for (const person of ["priya.shah@acme-robotics.test", "tom.lee@acme-robotics.test"]) {
      const mine = sent.filter((f) => f.contact_email === person && !f.step_key.includes("reminder"));
      const notes = mine.filter((f) => f.kind === "value-note");
      expect(notes.length).toBeGreaterThanOrEqual(2);
      expect(notes.length).toBeLessThanOrEqual(3);
      for (const n of notes) for (const other of mine) if (other.id !== n.id) expect(Math.abs(other.sent_at! - n.sent_at!)).toBeGreaterThanOrEqual(42 * DAY);
    }

    // One email per run that had something due, each recorded in the outbox and sent to the owner.
    const emailsSent = await outbox();
    const runsWithSends = new Set(byCron.map((f) => f.sent_at));
    expect(emailsSent).toHaveLength(runsWithSends.size);
    for (const e of emailsSent) expect(e).toMatchObject({ status: "sent", to_addr: "alex.rivera@example.com" });
  });
});

describe("the cron", () => {
  it("sends each follow-up once when two runs overlap", async () => {
    await deliver(syntheticRejection({ sentAt: Date.now() - 3600_000 }));
    const t = Date.now() + 10 * DAY;
    await Promise.all([cron(t), cron(t), cron(t)]);
    const links = await env.DB.prepare("SELECT follow_up_id FROM outbox_follow_ups l JOIN outbox o ON o.id = l.outbox_id WHERE o.kind = 'followups'").all<{ follow_up_id: number }>();
    const ids = links.results.map((r) => r.follow_up_id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const sent = (await followUps()).filter((f) => f.status === "sent" && f.sent_at === t);
    expect(sent.map((f) => f.id).sort()).toEqual([...ids].sort());
    expect(await outbox()).toHaveLength(1);
  });

  it("retries a send that throws, with backoff, and sends it later", async () => {
    await deliver(syntheticRejection({ sentAt: Date.now() - 3600_000 }));
    const failing = { ...env, SEND_EMAIL: { send: async () => { throw new Error("send_email: destination not verified"); } } } as unknown as Cloudflare.Env;
    const t = Date.now() + 3 * DAY;
    await cron(t, failing);
    let due = (await followUps()).filter((f) => f.attempts > 0);
    expect(due.length).toBeGreaterThan(0);
    for (const f of due) {
      expect(f.status).toBe("pending");
      expect(f.due_at).toBe(t + 60 * 60 * 1000); // first retry in an hour
    }
    expect((await outbox())[0]).toMatchObject({ status: "failed", error: "send_email: destination not verified" });
    // Not due again before the backoff ends.
    await cron(t + 30 * 60 * 1000, failing);
    expect((await followUps()).filter((f) => f.attempts > 1)).toEqual([]);
    // Five failures mark them failed, still retried, never dropped.
    for (let i = 1; i <= 4; i++) await cron(t + i * DAY, failing);
    due = (await followUps()).filter((f) => f.attempts > 0);
    for (const f of due) expect(f).toMatchObject({ status: "failed", attempts: 5 });
    // The binding works again: everything goes out in one email.
    await cron(t + 6 * DAY);
    const after = await followUps();
    for (const id of due.map((f) => f.id)) expect(after.find((f) => f.id === id)).toMatchObject({ status: "sent", sent_at: t + 6 * DAY });
    expect((await outbox()).at(-1)).toMatchObject({ status: "sent" });
  });

  it("defers sends past the owner's daily outbound cap to a later run, without counting a failure", async () => {
    const bindings = { ...env, MAX_OUTBOUND_PER_DAY: "1" } as Cloudflare.Env;
    await deliver(syntheticRejection({ sentAt: Date.now() - 3600_000 }), { bindings });
    // Everything falls due at once, within 24 hours of the forward's reply (today's one email).
    const now = Date.now() + 60_000;
    await env.DB.prepare("UPDATE follow_ups SET due_at = ?1 WHERE status = 'pending'").bind(now - 1).run();
    await cron(now, bindings);
    const held = (await followUps()).filter((f) => f.due_at === now - 1);
    expect(held.length).toBeGreaterThan(3);
    for (const f of held) expect(f).toMatchObject({ status: "pending", attempts: 0 });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM follow_ups WHERE claim_id IS NOT NULL").first("n")).toBe(0);
    expect(await outbox()).toHaveLength(0);
    // A day later the cap has room again.
    await cron(now + DAY, bindings);
    expect((await followUps()).filter((f) => f.sent_at === now + DAY)).toHaveLength(held.length);
    expect(await outbox()).toHaveLength(1);
  });

  it("releases a claim left by a run that died, after a timeout", async () => {
    await deliver(syntheticRejection({ sentAt: Date.now() - 3600_000 }));
    const t = Date.now() + 3 * DAY;
    // A run claimed everything due and crashed before sending.
    await env.DB.prepare("UPDATE follow_ups SET claimed_at = ?1, claim_id = 'dead' WHERE status = 'pending' AND due_at <= ?1").bind(t).run();
    await cron(t + 5 * 60 * 1000);
    expect((await followUps()).filter((f) => f.status === "sent" && f.sent_at === t + 5 * 60 * 1000)).toEqual([]);
    await cron(t + 20 * 60 * 1000);
    expect((await followUps()).filter((f) => f.sent_at === t + 20 * 60 * 1000).length).toBeGreaterThan(0);
  });

  it("sends at the owner's hour in the owner's time zone, on their days", async () => {
    await deliver(syntheticRejection({ sentAt: Date.now() - 3600_000 }));
    // Replan under New York, 8 am, Monday to Wednesday.
    await env.DB.prepare("UPDATE owners SET timezone = 'America/New_York', send_hour = 8, send_days = '1,2,3'").run();
    await env.DB.prepare("DELETE FROM follow_ups").run();
    await env.DB.prepare("DELETE FROM applications").run();
    await deliver(syntheticRejection({ sentAt: Date.now() - 3600_000, id: "2" }));
    const pending = (await followUps()).filter((f) => f.status === "pending");
    expect(pending.length).toBeGreaterThan(5);
    for (const f of pending) {
      const local = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", hourCycle: "h23", weekday: "short" }).formatToParts(f.due_at);
      expect(Number(local.find((p) => p.type === "hour")!.value)).toBe(8);
      expect(["Mon", "Tue", "Wed"]).toContain(local.find((p) => p.type === "weekday")!.value);
    }
  });
});

describe("control by reply", () => {
  async function setup() {
    const forward = await deliver(syntheticRejection({ sentAt: Date.now() - 3600_000 }));
    const digest = forward.replies[0]!;
    return { digestId: digest.messageId!, subject: digest.subject! };
  }
  async function reply(body: string, digest: { digestId: string; subject: string }, id = "1") {
    return deliver(ownerReply({ inReplyTo: digest.digestId, subject: `Re: ${digest.subject}`, body, id }));
  }
  const app = () => env.DB.prepare("SELECT * FROM applications").first<Record<string, any>>();

  it("stop: nothing more is sent for that application", async () => {
    const d = await setup();
    const res = await reply("stop", d);
    expect(res.replies[0]!.text).toMatch(/Stopped Acme Robotics/);
    expect((await app())!.status).toBe("stopped");
    for (let t = nextNoon(Date.now()); t < Date.now() + 200 * DAY; t += DAY) await cron(t);
    expect(await outbox()).toHaveLength(0);
    expect((await followUps()).filter((f) => f.status === "pending")).toEqual([]);
  });

  it("corrects company and role, adds and removes people, marks rapport", async () => {
    const d = await setup();
    const res = await reply(["company: Acme Robotics Europe", "role: Senior Controls Engineer", "add Dana Whitfield <dana@acme-robotics.test>", "remove tom.lee@acme-robotics.test", "rapport priya.shah@acme-robotics.test"].join("\r\n"), d);
    expect((await app())).toMatchObject({ company: "Acme Robotics Europe", role: "Senior Controls Engineer" });
    const contacts = await env.DB.prepare("SELECT email, rapport FROM contacts ORDER BY email").all<{ email: string; rapport: number }>();
    expect(contacts.results).toEqual([
      { email: "dana@acme-robotics.test", rapport: 0 },
      { email: "priya.shah@acme-robotics.test", rapport: 1 },
    ]);
    // Tom's follow-ups went with him; Dana got her own, and her thank-you draft is in the confirmation.
    const fu = await followUps();
    expect(fu.some((f) => f.step_key.includes("tom.lee"))).toBe(false);
    expect(fu.filter((f) => f.contact_email === "dana@acme-robotics.test").map((f) => f.kind)).toContain("connect");
    const text = res.replies[0]!.text!;
    expect(text).toMatch(/Company set to Acme Robotics Europe/);
    expect(text).toMatch(/Hi Dana,/);
    expect(text).toMatch(/Next up: .+ on \w{3}, \d{1,2} \w{3} \d{4}\./);
    expect(text).toMatch(/Reply "help" for all commands/);
    expect(res.replies[0]!.inReplyTo).toBe("<reply-1@mail.example.com>");
  });

  it("snooze 2w moves every pending step two weeks later, at a send slot", async () => {
    const d = await setup();
    const before = (await followUps()).filter((f) => f.status === "pending");
    await reply("snooze 2w", d);
    const after = await followUps();
    for (const f of before) {
      const moved = after.find((a) => a.id === f.id)!;
      expect(moved.due_at - f.due_at).toBeGreaterThanOrEqual(14 * DAY);
      expect(moved.due_at - f.due_at).toBeLessThan(17 * DAY);
      expect(new Date(moved.due_at).getUTCHours()).toBe(9);
    }
  });

  it("done closes the thank-you notes and their reminders; skip skips the next step", async () => {
    const d = await setup();
    await reply("done", d);
    const fu = await followUps();
    expect(fu.filter((f) => f.kind === "thank-you").map((f) => f.status)).toEqual(["done", "done", "done", "done"]);
    await reply("skip", d, "2");
    const next = (await followUps()).filter((f) => f.kind !== "thank-you").sort((a, b) => a.due_at - b.due_at)[0]!;
    expect(next.status).toBe("skipped");
  });

  it("pause holds everything until resume", async () => {
    const d = await setup();
    await reply("pause", d);
    await cron(Date.now() + 10 * DAY);
    expect(await outbox()).toHaveLength(0);
    await reply("resume", d, "2");
    await cron(Date.now() + 11 * DAY);
    expect(await outbox()).toHaveLength(1);
  });

  it("feedback on plans a feedback request for people marked rapport; dream adds company watch steps", async () => {
    const d = await setup();
    await reply(["rapport tom.lee@acme-robotics.test", "feedback on", "dream"].join("\n"), d);
    const fu = await followUps();
    expect(fu.filter((f) => f.kind === "feedback-request").map((f) => f.contact_email)).toEqual(["tom.lee@acme-robotics.test"]);
    expect(fu.filter((f) => f.step_key.includes("/dream/")).length).toBeGreaterThan(0);
    expect((await app())).toMatchObject({ dream: 1, feedback_opt_in: 1 });
  });

  it("landed: an update for everyone met, across applications; no more check-ins", async () => {
    const d = await setup();
    await deliver(syntheticRejection({ sentAt: Date.now() - 3600_000, id: "2", company: "Globex", role: "Data Engineer", cc: false }));
    const res = await reply("landed Initech as Staff Engineer", d);
    expect(res.replies[0]!.text).toMatch(/Congratulations on Staff Engineer at Initech/);
    const fu = await followUps();
    expect(fu.filter((f) => f.kind === "landed-update").map((f) => f.contact_email).sort()).toEqual([
      "priya.shah@acme-robotics.test",
      "priya.shah@globex.test",
      "tom.lee@acme-robotics.test",
    ]);
    expect(fu.filter((f) => f.kind === "check-in").map((f) => f.status)).toEqual(["skipped", "skipped"]);
  });

  it("delete removes the application; delete all my data removes everything of the owner", async () => {
    const d = await setup();
    await reply("delete", d);
    expect(await app()).toBeNull();
    const d2 = await setup();
    await reply("delete all my data", d2, "2");
    for (const table of ["owners", "applications", "contacts", "messages", "follow_ups", "outbox"]) {
      expect((await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n).toBe(0);
    }
  });

  it("an unknown command changes nothing and gets the help text", async () => {
    const d = await setup();
    const before = await followUps();
    const res = await reply("please send me flowers", d);
    expect(await followUps()).toEqual(before);
    expect(res.replies[0]!.text).toMatch(/didn't understand/);
    expect(res.replies[0]!.text).toMatch(/snooze 2w/);
  });

  it("matches a reply by the subject tag when threading headers are missing", async () => {
    const d = await setup();
    await deliver(ownerReply({ inReplyTo: null, subject: `Re: ${d.subject}`, body: "pause", id: "9" }));
    expect((await app())!.status).toBe("paused");
  });

  it("runs a reply's commands once even if it is delivered twice", async () => {
    const d = await setup();
    const before = (await followUps()).filter((f) => f.status === "pending");
    await reply("snooze 1w", d);
    const second = await reply("snooze 1w", d);
    expect(second.replies).toHaveLength(0);
    const after = await followUps();
    for (const f of before) expect(after.find((a) => a.id === f.id)!.due_at - f.due_at).toBeLessThan(10 * DAY);
  });

  it("refuses commands from anyone but the owner", async () => {
    const d = await setup();
    const res = await deliver(ownerReply({ inReplyTo: d.digestId, subject: `Re: ${d.subject}`, body: "delete", id: "x", from: "mallory@evil.test" }), { from: "mallory@evil.test" });
    expect(res.rejected).toMatch(/only from its owner/);
    expect(await app()).not.toBeNull();
  });

  it("applies commands written in a forward's note", async () => {
    const raw = syntheticRejection({ sentAt: Date.now() - 3600_000 }).replace("Forwarding this one.", "Forwarding this one.\r\ndream\r\nrapport tom.lee@acme-robotics.test");
    const res = await deliver(raw);
    expect((await app())!.dream).toBe(1);
    expect(res.replies[0]!.text).toMatch(/FROM YOUR NOTE/);
  });
});

describe("changing the send settings", () => {
  it("moves every planned step to the new hour, zone and days, keeping its day where allowed", async () => {
    await deliver(syntheticRejection({ sentAt: Date.now() - 3600_000 }));
    const before = (await followUps()).filter((f) => f.status === "pending");
    const res = await exports.default.fetch(
      new Request("http://rebound.test/api/settings", {
        method: "PATCH",
        headers: { authorization: `Bearer ${env.API_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ timezone: "Europe/Berlin", sendHour: 7, sendDays: [1, 2, 3, 4, 5] }),
      }),
    );
    expect(res.status).toBe(200);
    const after = await followUps();
    for (const f of before) {
      const moved = after.find((a) => a.id === f.id)!;
      const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "numeric", hourCycle: "h23", day: "numeric" }).formatToParts(moved.due_at);
      expect(Number(local.find((p) => p.type === "hour")!.value)).toBe(7);
      // 09:00 UTC on a weekday becomes 07:00 Berlin on the same weekday (06:00 or 05:00 UTC): moved earlier, never by a day.
      expect(f.due_at - moved.due_at).toBeGreaterThan(0);
      expect(f.due_at - moved.due_at).toBeLessThanOrEqual(4 * 3600_000);
    }
  });
});
