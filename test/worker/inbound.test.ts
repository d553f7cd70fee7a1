// The inbound path end to end, in the Workers runtime with a real local D1:
// a forward goes in, an application comes out, a reply with drafts goes back.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { deliver } from "../helpers/email.ts";
import { fixture } from "../helpers/fixtures.ts";

const OWNER = "alex.rivera@example.com";
const TOKEN = env.API_TOKEN;

async function count(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row!.n;
}

async function counts() {
  const tables = ["owners", "applications", "contacts", "messages", "follow_ups", "outbox"];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));
}

function mailtoLinks(html: string): URL[] {
  return [...html.matchAll(/href="(mailto:[^"]*)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, "&")));
}

function api(path: string, token: string | null = TOKEN) {
  return exports.default.fetch(new Request(`http://rebound.test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
}

describe("a forwarded rejection", () => {
  it("is stored and answered with a thank-you draft per person", async () => {
    const raw = fixture("02-gmail-note-greenhouse-final-round.eml");
    const result = await deliver(raw);
    expect(result.rejected).toBeNull();
    expect(result.replies).toHaveLength(1);

    const app = await env.DB.prepare("SELECT * FROM applications").first<Record<string, unknown>>();
    expect(app).toMatchObject({ company: "Acme Robotics", role: "Controls Engineer", status: "active" });
    const contacts = await env.DB.prepare("SELECT email FROM contacts ORDER BY email").all<{ email: string }>();
    expect(contacts.results.map((c) => c.email)).toEqual(["priya.shah@acme-robotics.test", "tom.lee@acme-robotics.test"]);
    const message = await env.DB.prepare("SELECT * FROM messages").first<Record<string, unknown>>();
    expect(message).toMatchObject({ original_subject: "Your candidacy at Acme Robotics", kind: "forward" });
    expect(String(message!.original_text)).toMatch(/Acme Robotics/);

    const reply = result.replies[0]!;
    const forwardId = raw.match(/^Message-ID:\s*(<[^>]+>)/im)![1];
    expect(reply.inReplyTo).toBe(forwardId);
    expect(reply.references).toContain(forwardId);
    expect(reply.subject).toMatch(/\[rebound #\d+\]$/);
    expect(reply.to?.[0]?.address).toBe(OWNER);
    expect(reply.text).toContain("Acme Robotics");
    expect(reply.text).toContain("Hi Priya,");
    expect(reply.text).toContain("Hi Tom,");
    expect(reply.text).toMatch(/WHAT COMES NEXT/);
    expect(reply.text).toMatch(/snooze 2w/);

    const links = mailtoLinks(reply.html!);
    expect(links.map((l) => l.pathname).sort()).toEqual(["priya.shah@acme-robotics.test", "tom.lee@acme-robotics.test"]);
    for (const link of links) {
      expect(link.searchParams.get("subject")).toBe("Thank you: Controls Engineer at Acme Robotics");
      expect(link.searchParams.get("body")).toMatch(/^Hi (Priya|Tom),/);
    }

    const outbox = await env.DB.prepare("SELECT * FROM outbox").all<Record<string, unknown>>();
    expect(outbox.results).toHaveLength(1);
    expect(outbox.results[0]).toMatchObject({ kind: "digest", status: "sent", to_addr: OWNER, in_reply_to: forwardId });
  });

  it("makes one application and one reply when delivered twice", async () => {
    const raw = fixture("01-gmail-recruiter-subject-role.eml");
    const first = await deliver(raw);
    const second = await deliver(raw);
    expect(first.replies).toHaveLength(1);
    expect(second.replies).toHaveLength(0);
    expect(second.rejected).toBeNull();
    expect(await counts()).toMatchObject({ applications: 1, messages: 1, outbox: 1 });
  });

  it("answers a redelivery when the first delivery died between claiming the reply and sending it", async () => {
    const raw = fixture("01-gmail-recruiter-subject-role.eml");
    await deliver(raw);
    // Make it look as if the first run claimed the reply 20 minutes ago and never settled it.
    await env.DB.prepare("UPDATE outbox SET status = 'retrying', created_at = created_at - 20 * 60 * 1000").run();
    const again = await deliver(raw);
    expect(again.replies).toHaveLength(1);
    expect(await env.DB.prepare("SELECT status, attempts FROM outbox").first()).toEqual({ status: "sent", attempts: 2 });
    // A claim younger than that belongs to a live delivery: no second reply.
    await env.DB.prepare("UPDATE outbox SET status = 'retrying', created_at = ?1").bind(Date.now() - 60_000).run();
    expect((await deliver(raw)).replies).toHaveLength(0);
  });

  it("makes one application when delivered three times at once", async () => {
    const raw = fixture("01-gmail-recruiter-subject-role.eml");
    const results = await Promise.all([deliver(raw), deliver(raw), deliver(raw)]);
    expect(results.flatMap((r) => r.replies)).toHaveLength(1);
    expect(await counts()).toMatchObject({ applications: 1, messages: 1, outbox: 1 });
  });

  it("adds people from the note when the same original is forwarded again", async () => {
    const raw = fixture("01-gmail-recruiter-subject-role.eml");
    await deliver(raw);
    const again = raw
      .replace(/^Message-ID:\s*<[^>]+>/im, "Message-ID: <second-forward@mail.example.com>")
      .replace(/quoted-printable\r\n\r\n/, "quoted-printable\r\n\r\nAlso met Jordan Blake <jordan.blake@halcyon-analytics.test> on the panel.\r\n");
    expect(again).toContain("Jordan Blake");
    const result = await deliver(again);
    expect(result.replies).toHaveLength(1);
    expect(await counts()).toMatchObject({ applications: 1, messages: 2 });
    const emails = await env.DB.prepare("SELECT email FROM contacts ORDER BY email").all<{ email: string }>();
    expect(emails.results.map((c) => c.email)).toContain("jordan.blake@halcyon-analytics.test");
  });
});

describe("forwards that are not clearly rejections", () => {
  it("stores an interview invitation as needs_review and asks the owner", async () => {
    const result = await deliver(fixture("31-neg-gmail-interview-invite.eml"));
    expect(result.rejected).toBeNull();
    const app = await env.DB.prepare("SELECT status FROM applications").first<{ status: string }>();
    expect(app!.status).toBe("needs_review");
    expect(await count("follow_ups")).toBe(0);
    expect(result.replies[0]!.text).toMatch(/doesn't clearly read as a rejection/);
    expect(mailtoLinks(result.replies[0]!.html!)).toHaveLength(0);
  });

  it("stores malformed MIME instead of losing it", async () => {
    const raw = [
      `From: Alex Rivera <${OWNER}>`,
      "To: rejections@rebound.example.com",
      "Subject: Fwd: ???",
      "Message-ID: <broken-1@example.com>",
      'Content-Type: multipart/mixed; boundary="never-closed"',
      "",
      "--never-closed",
      "Content-Type: text/plain; charset=x-unknown",
      "Content-Transfer-Encoding: base64",
      "",
      "@@@not base64@@@",
    ].join("\r\n");
    const result = await deliver(raw);
    expect(result.rejected).toBeNull();
    expect(await counts()).toMatchObject({ applications: 1, messages: 1 });
    expect((await env.DB.prepare("SELECT status FROM applications").first<{ status: string }>())!.status).toBe("needs_review");
    expect(result.replies).toHaveLength(1);
  });
});

describe("refusals", () => {
  it("refuses a stranger and stores nothing", async () => {
    const raw = fixture("01-gmail-recruiter-subject-role.eml").replace(/^From: .*$/m, "From: Mallory <mallory@evil.test>");
    const result = await deliver(raw, { from: "mallory@evil.test" });
    expect(result.rejected).toMatch(/only from its owner/);
    expect(result.replies).toHaveLength(0);
    expect(await counts()).toMatchObject({ owners: 0, applications: 0, messages: 0, outbox: 0 });
  });

  it("refuses a spoofed From header", async () => {
    const raw = fixture("01-gmail-recruiter-subject-role.eml").replace(/^From: .*$/m, "From: Alex Rivera <alex@evil.test>");
    const result = await deliver(raw);
    expect(result.rejected).toMatch(/does not match/);
    expect(await count("applications")).toBe(0);
  });

  it("refuses mail that failed DMARC for the owner's domain", async () => {
    const raw = `Authentication-Results: mx.cloudflare.net; dmarc=fail header.from=example.com\r\n${fixture("01-gmail-recruiter-subject-role.eml")}`;
    const result = await deliver(raw);
    expect(result.rejected).toMatch(/SPF\/DMARC/);
    expect(await count("applications")).toBe(0);
  });

  it("refuses an oversize email, naming the cap", async () => {
    const result = await deliver(fixture("01-gmail-recruiter-subject-role.eml"), { rawSize: 11 * 1024 * 1024 });
    expect(result.rejected).toMatch(/up to 10\.0 MB \(MAX_EMAIL_BYTES\)/);
    expect(await count("applications")).toBe(0);
  });

  it("refuses a stream larger than the cap even when rawSize under-reports it", async () => {
    const big = fixture("01-gmail-recruiter-subject-role.eml") + "x".repeat(10 * 1024 * 1024 + 1);
    const result = await deliver(big, { rawSize: 1000 });
    expect(result.rejected).toMatch(/too large/);
    expect(await count("applications")).toBe(0);
  });
});

describe("daily caps", () => {
  it("refuses forwards past the owner's daily inbound cap, naming it", async () => {
    const bindings = { ...env, MAX_INBOUND_PER_DAY: "2" };
    await deliver(fixture("01-gmail-recruiter-subject-role.eml"), { bindings });
    await deliver(fixture("02-gmail-note-greenhouse-final-round.eml"), { bindings });
    const third = await deliver(fixture("03-outlook-workday-inc-suffix.eml"), { bindings });
    expect(third.rejected).toMatch(/up to 2 emails a day per owner \(MAX_INBOUND_PER_DAY\)/);
    expect(await count("applications")).toBe(2);
  });

  it("stops replying past the daily outbound cap but still saves the forward", async () => {
    const bindings = { ...env, MAX_OUTBOUND_PER_DAY: "1" };
    const first = await deliver(fixture("01-gmail-recruiter-subject-role.eml"), { bindings });
    const second = await deliver(fixture("02-gmail-note-greenhouse-final-round.eml"), { bindings });
    expect(first.replies).toHaveLength(1);
    expect(second.replies).toHaveLength(0);
    expect(await counts()).toMatchObject({ applications: 2, outbox: 1 });
  });
});

describe("the API", () => {
  it("answers 401 with a JSON error without the token", async () => {
    for (const token of [null, "wrong-token-0123456789"]) {
      const res = await api("/api/applications", token);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
    expect((await api("/api/outbox", null)).status).toBe(401);
  });

  it("lists applications and the outbox, newest first", async () => {
    await deliver(fixture("02-gmail-note-greenhouse-final-round.eml"));
    await deliver(fixture("01-gmail-recruiter-subject-role.eml"));
    const res = await api("/api/applications");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { applications: Array<Record<string, any>> };
    expect(body.applications.map((a) => a.company)).toEqual(["Halcyon Analytics", "Acme Robotics"]);
    const acme = body.applications[1]!;
    expect(acme.role).toBe("Controls Engineer");
    expect(acme.rejectedAt).toBe("2026-10-08T19:47:00.000Z");
    expect(acme.contacts.map((c: { email: string }) => c.email).sort()).toEqual(["priya.shah@acme-robotics.test", "tom.lee@acme-robotics.test"]);
    const kinds = new Set(acme.followUps.map((f: { kind: string }) => f.kind));
    for (const k of ["thank-you", "self-review", "connect", "value-note", "check-in"]) expect(kinds).toContain(k);
    for (const f of acme.followUps) expect(Object.keys(f).sort()).toEqual(["contactEmail", "dueAt", "id", "kind", "sentAt", "status"]);

    const outbox = (await (await api("/api/outbox")).json()) as { outbox: Array<Record<string, any>> };
    expect(outbox.outbox).toHaveLength(2);
    expect(outbox.outbox[0]!.subject).toMatch(/\[rebound #2\]$/);
    expect(outbox.outbox[1]!.followUpIds.length).toBe(2);
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await api("/api/nope");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
