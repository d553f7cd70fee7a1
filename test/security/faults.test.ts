// Bad days (issue 7): D1 failing mid-run, send_email or the reply throwing,
// duplicate and concurrent deliveries. Faults are injected into the real
// bindings (faultyD1: the real database, failing on its Nth round trip).
// (Duplicate x3 of one forward, overlapping crons, a throwing send_email and
// stale claims have their own tests in test/worker/.)

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { cron, DAY } from "../helpers/cron.ts";
import { deliver, type Delivery } from "../helpers/email.ts";
import { ownerReply } from "../helpers/reply.ts";
import { brokenInvariants, clearDatabase, deliverQuietly } from "../fuzz/harness.ts";
import { count, faultyD1, forwardWith, InjectedFault, recordingMailer, withBindings, type Sent } from "./helpers.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const STALE = 20 * 60 * 1000; // past the 15-minute stale-claim timeout

async function attempt<T>(run: () => Promise<T>): Promise<{ value: T | null; error: unknown }> {
  try {
    return { value: await run(), error: null };
  } catch (error) {
    return { value: null, error };
  }
}

describe("D1 failing in the middle of a forward", () => {
  it("leaves no partial rows at any failure point, and the redelivery stores it once and answers once", async () => {
    const raw = enc(forwardWith({ id: "fault-forward", cc: "tom.lee@acme-robotics.test", ccName: "Tom Lee", note: "Also met Dana Whitfield <dana@acme-robotics.test>.\r\ndream" }));
    const probe = faultyD1(env.DB, Infinity);
    await deliverQuietly(raw, { bindings: withBindings({ DB: probe.db }) });
    const calls = probe.state.calls;
    expect(calls).toBeGreaterThanOrEqual(4);

    for (let n = 1; n <= calls; n++) {
      await clearDatabase();
      const faulty = faultyD1(env.DB, n);
      const replies: string[] = [];
      const onReply = (r: string) => replies.push(r);
      const first = await attempt(() => deliverQuietly(raw, { bindings: withBindings({ DB: faulty.db }), onReply }));
      expect(faulty.state.failed, `call ${n}`).toBe(true);
      // The failure is never swallowed into a half-done success: the delivery fails (and is delivered again).
      expect(first.error, `call ${n}`).toBeInstanceOf(InjectedFault);
      // No partial rows: the forward is all there or not there at all.
      const apps = await count("applications");
      expect(apps === 0 ? await count("messages") + (await count("contacts")) + (await count("follow_ups")) : 1, `call ${n}`).toBe(apps === 0 ? 0 : 1);
      expect((await brokenInvariants()).filter((b) => !b.startsWith("stored forward never answered")), `call ${n}`).toEqual([]);

      const again = await deliverQuietly(raw, { onReply });
      expect(again.rejected, `call ${n}`).toBeNull();
      expect(await brokenInvariants(), `call ${n}`).toEqual([]);
      expect(await count("applications"), `call ${n}`).toBe(1);
      expect(await count("messages", "kind = 'forward'"), `call ${n}`).toBe(1);
      expect(await count("outbox", "kind = 'digest'"), `call ${n}`).toBe(1);
      expect(await count("contacts"), `call ${n}`).toBe(3);
      // Answered exactly once, across both deliveries.
      expect(replies, `call ${n}`).toHaveLength(1);
    }
  });

  it("a reply that fails to send is recorded, and the redelivery answers it", async () => {
    const raw = enc(forwardWith({ id: "reply-fails" }));
    const first = await deliverQuietly(raw, { replyFails: true });
    expect(first.rejected).toBeNull();
    expect(await count("applications")).toBe(1);
    expect(await count("outbox", "status = 'failed'")).toBe(1);
    const again = await deliverQuietly(raw);
    expect(again.replies).toHaveLength(1);
    expect(await count("outbox", "kind = 'digest' AND status = 'sent'")).toBe(1);
    expect(await count("applications")).toBe(1);
    // And a third delivery changes nothing.
    expect((await deliverQuietly(raw)).replies).toEqual([]);
  });

  it("a digest that fails to send leaves its thank-you notes unsent, and the next cron run sends them", async () => {
    await deliverQuietly(enc(forwardWith({ id: "digest-lost", cc: "tom.lee@acme-robotics.test", ccName: "Tom Lee" })), { replyFails: true });
    const thanks = await env.DB.prepare("SELECT id, status FROM follow_ups WHERE step_key LIKE '%/thank-you/%'").all<{ id: number; status: string }>();
    expect(thanks.results.length).toBe(2);
    // Nothing is marked sent that no email carried.
    for (const t of thanks.results) expect(t.status).toBe("pending");
    const mailer = recordingMailer();
    await cron(Date.now() + 60 * 60 * 1000, withBindings({ SEND_EMAIL: mailer.binding }));
    expect(mailer.sent).toHaveLength(1);
    const sentIds = await env.DB.prepare("SELECT id FROM follow_ups WHERE status = 'sent'").all<{ id: number }>();
    expect(sentIds.results.map((r) => r.id)).toEqual(expect.arrayContaining(thanks.results.map((t) => t.id)));
    expect(mailer.sent[0]!.parsed.text).toMatch(/Hi Priya,/);
  });
});

describe("D1 failing in the middle of a cron run", () => {
  async function scenario() {
    await clearDatabase();
    const forward = await deliver(forwardWith({ id: "fault-cron", cc: "tom.lee@acme-robotics.test", ccName: "Tom Lee", age: 2 * 3600_000 }));
    expect(forward.replies).toHaveLength(1);
    const t = Date.now() + 3 * DAY;
    const due = await env.DB.prepare("SELECT id FROM follow_ups WHERE status = 'pending' AND due_at <= ?1").bind(t).all<{ id: number }>();
    expect(due.results.length).toBeGreaterThan(0);
    // Thank-you notes delivered in the digest reply are already sent.
    const inDigest = await env.DB.prepare("SELECT id FROM follow_ups WHERE status = 'sent'").all<{ id: number }>();
    return { t, due: due.results.map((r) => r.id), inDigest: new Set(inDigest.results.map((r) => r.id)) };
  }

  /** Follow-ups carried by the emails that really went out. */
  async function carried(sent: Sent[]): Promise<Map<number, number>> {
    const times = new Map<number, number>();
    for (const mail of sent) {
      const { results } = await env.DB.prepare(
        "SELECT l.follow_up_id AS id FROM outbox o JOIN outbox_follow_ups l ON l.outbox_id = o.id WHERE o.message_id = ?1",
      )
        .bind(mail.parsed.messageId ?? "")
        .all<{ id: number }>();
      for (const r of results) times.set(r.id, (times.get(r.id) ?? 0) + 1);
    }
    return times;
  }

  it("at any failure point: nothing marked sent that wasn't, nothing lost, no claim left behind", async () => {
    const probeSetup = await scenario();
    const probe = faultyD1(env.DB, Infinity);
    await cron(probeSetup.t, withBindings({ DB: probe.db, SEND_EMAIL: recordingMailer().binding }));
    const calls = probe.state.calls;
    expect(calls).toBeGreaterThanOrEqual(3);

    for (let n = 1; n <= calls; n++) {
      for (const sendFails of [false, true]) {
        const { t, due, inDigest } = await scenario();
        let failing = sendFails;
        const mailer = recordingMailer({ fail: () => failing });
        const faulty = faultyD1(env.DB, n);
        const run = await attempt(() => cron(t, withBindings({ DB: faulty.db, SEND_EMAIL: mailer.binding })));
        const label = `call ${n}${sendFails ? ", send failing" : ""}`;
        // A D1 failure either aborts the run or (after a send) leaves its rows for a later run; never a false record.
        if (run.error) expect(run.error, label).toBeInstanceOf(InjectedFault);
        // Right after the bad run: every follow-up marked sent went out in an email.
        const afterBad = await carried(mailer.sent);
        const markedSent = await env.DB.prepare("SELECT id FROM follow_ups WHERE status = 'sent' AND sent_at = ?1").bind(t).all<{ id: number }>();
        for (const { id } of markedSent.results) expect(afterBad.has(id), `${label}: #${id} marked sent`).toBe(true);

        // Later runs (after the stale-claim timeout and the first retry delay) deliver everything.
        failing = false;
        for (const later of [t + STALE, t + 2 * 3600_000, t + DAY]) await cron(later, withBindings({ SEND_EMAIL: mailer.binding }));
        const sentIn = await carried(mailer.sent);
        const rows = await env.DB.prepare("SELECT id, status, claimed_at FROM follow_ups").all<{ id: number; status: string; claimed_at: number | null }>();
        for (const id of due) {
          const row = rows.results.find((r) => r.id === id)!;
          expect(row.status, `${label}: #${id}`).toBe("sent");
          expect(sentIn.get(id) ?? 0, `${label}: #${id} in an email`).toBeGreaterThanOrEqual(1);
        }
        for (const r of rows.results) {
          expect(r.claimed_at, `${label}: #${r.id} still claimed`).toBeNull();
          if (r.status === "sent" && !inDigest.has(r.id)) expect(sentIn.has(r.id), `${label}: #${r.id} marked sent`).toBe(true);
        }
        expect(await brokenInvariants(), label).toEqual([]);
      }
    }
  });
});

describe("concurrent deliveries", () => {
  it("three forwards of the same original (different Message-IDs) at once make one application", async () => {
    const sentAt = Date.now() - 3600_000;
    const raws = ["a", "b", "c"].map((id) => forwardWith({ id: `same-original-${id}`, cc: "tom.lee@acme-robotics.test", ccName: "Tom Lee", sentAt }));
    // Same original: same sender, subject and minute.
    const results = await Promise.all(raws.map((r) => deliver(r)));
    expect(results.every((r) => r.rejected === null)).toBe(true);
    expect(await count("applications")).toBe(1);
    expect(await count("messages", "kind = 'forward'")).toBe(3);
    expect(await count("contacts")).toBe(2);
    const steps = await env.DB.prepare("SELECT step_key, count(*) AS n FROM follow_ups GROUP BY step_key HAVING n > 1").all();
    expect(steps.results).toEqual([]);
    expect(await brokenInvariants()).toEqual([]);
  });

  it("the same command reply delivered three times at once is applied once and answered once", async () => {
    const forward = await deliver(forwardWith({ id: "cmd" }));
    const digest = forward.replies[0]!;
    const before = await env.DB.prepare("SELECT id, due_at FROM follow_ups WHERE status = 'pending' ORDER BY id").all<{ id: number; due_at: number }>();
    const reply = ownerReply({ inReplyTo: digest.messageId!, subject: `Re: ${digest.subject}`, body: "snooze 2w", id: "cmd-x3" });
    const results: Delivery[] = await Promise.all([deliver(reply), deliver(reply), deliver(reply)]);
    expect(results.flatMap((r) => r.replies)).toHaveLength(1);
    const after = await env.DB.prepare("SELECT id, due_at FROM follow_ups WHERE status = 'pending' ORDER BY id").all<{ id: number; due_at: number }>();
    for (const f of before.results) {
      const moved = after.results.find((a) => a.id === f.id)!.due_at - f.due_at;
      expect(moved).toBeGreaterThanOrEqual(14 * DAY);
      expect(moved).toBeLessThan(17 * DAY); // once, not three times
    }
    expect(await count("messages", "kind = 'command'")).toBe(1);
  });
});
