// Output safety (issue 7): everything that came in an email is untrusted.
// End to end through the worker: the digest reply, the cron's email, the API
// and the pages never carry live HTML from an email, an injected header, an
// extra recipient or a smuggled mailto field; SQL is always bound.
// (Unit tests of the escapers themselves are in test/unit/mail.test.ts.)

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { cron, DAY } from "../helpers/cron.ts";
import { deliver } from "../helpers/email.ts";
import { ownerReply } from "../helpers/reply.ts";
import { unsafeReply } from "../fuzz/harness.ts";
import { api, count, forwardWith, OWNER, recordingMailer, withBindings } from "./helpers.ts";

const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';

function headerBlock(raw: string): string[] {
  return raw.slice(0, raw.indexOf("\r\n\r\n")).split("\r\n");
}

function mailtos(html: string): URL[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, "&")));
}

describe("the digest reply to a hostile forward", () => {
  it("escapes HTML from every field, keeps headers to one line each, and links one recipient", async () => {
    const result = await deliver(
      forwardWith({
        subject: `Fwd: ${SCRIPT}\r\nBcc: evil@evil.test`,
        fromName: `Alex ${IMG}\r\nCc: evil@evil.test`,
        company: `Acme ${SCRIPT}`,
        role: `Engineer ${IMG}`,
        senderName: `Priya <b onmouseover=alert(1)>Shah</b>`,
        cc: "tom.lee@acme-robotics.test",
        ccName: "Tom &cc=evil@evil.test",
        note: `${SCRIPT} <a href="javascript:alert(1)">x</a>`,
      }),
    );
    expect(result.rejected).toBeNull();
    expect(result.replies).toHaveLength(1);
    const raw = result.rawReplies[0]!;
    const reply = result.replies[0]!;
    expect(unsafeReply(raw, reply.html)).toEqual([]);
    // The injection attempts arrive as text: the header stays one line, no Bcc/Cc header exists.
    expect(headerBlock(raw).filter((l) => /^(bcc|cc):/i.test(l))).toEqual([]);
    expect(reply.subject).toContain("Bcc: evil@evil.test"); // harmless text inside the Subject
    expect(reply.bcc ?? []).toEqual([]);
    expect(reply.cc ?? []).toEqual([]);
    expect(reply.to?.map((t) => t.address)).toEqual([OWNER]);
    // What was understood shows, escaped.
    const app = (await env.DB.prepare("SELECT company, role FROM applications").first<{ company: string; role: string }>())!;
    expect(app.role).toContain(IMG);
    expect(reply.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(reply.html).not.toContain("<script");
    expect(reply.html).not.toMatch(/<b onmouseover/i);
    // Every mailto: one recipient, only subject and body, the text intact after decoding.
    const links = mailtos(reply.html!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.protocol).toBe("mailto:");
      expect([...link.searchParams.keys()]).toEqual(["subject", "body"]);
      expect(decodeURIComponent(link.pathname)).toMatch(/^[^,;?&\s]+@[^,;?&\s@]+$/);
    }
    expect(links.map((l) => l.searchParams.get("subject"))).toContain(`Thank you: ${app.role} at ${app.company}`);
  });

  it("renders none of an HTML-only email's markup as HTML", async () => {
    const html = `<html><head><style>*{display:none}</style><script>steal()</script></head><body>
<p>Hi Alex,</p><p>Thank you for interviewing for the Controls Engineer role at Acme Robotics. Unfortunately we have decided to move forward with other candidates.</p>
<img src="https://evil.test/pixel.gif" onerror="steal()"><a href="javascript:steal()">unsubscribe</a><iframe src="https://evil.test/"></iframe>
<form action="https://evil.test/"><input name=x></form><p>Priya Shah<br>Hiring Manager, Acme Robotics</p></body></html>`;
    const result = await deliver(forwardWith({ html }));
    expect(result.replies).toHaveLength(1);
    const reply = result.replies[0]!;
    expect(unsafeReply(result.rawReplies[0]!, reply.html)).toEqual([]);
    expect(reply.html).not.toMatch(/steal\(\)|evil\.test|<iframe|<form|<style/);
    // Stored as text: the API hands back no markup from it.
    const [app] = ((await (await api("/api/applications")).json()) as { applications: { id: number }[] }).applications;
    const stored = (await env.DB.prepare("SELECT original_text FROM messages").first<{ original_text: string }>())!.original_text;
    expect(stored).not.toMatch(/<script|<img|<iframe|onerror/i);
    // The application page (when the dashboard serves one) escapes it too.
    const page = await api(`/applications/${app!.id}`);
    if (page.status === 200 && page.headers.get("content-type")?.includes("text/html")) {
      const body = await page.text();
      expect(body).not.toMatch(/<script>steal|<img src="https:\/\/evil|<iframe|javascript:steal/);
    }
  });

  it("keeps every header line under 998 characters, whatever the forward's ids and subject", async () => {
    const longId = `<${"x".repeat(2000)}@evil.test>`;
    const refs = Array.from({ length: 300 }, (_, i) => `<ref-${i}@mail.example.com>`).join(" ");
    const raw = forwardWith({ subject: `Fwd: ${"A".repeat(5000)}`, extraHeaders: [`References: ${refs} ${longId}`] }).replace(
      /^Message-ID: .*$/m,
      `Message-ID: ${longId}`,
    );
    const result = await deliver(raw);
    expect(result.replies).toHaveLength(1);
    const lines = headerBlock(result.rawReplies[0]!);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(998);
    expect(unsafeReply(result.rawReplies[0]!, result.replies[0]!.html)).toEqual([]);
    // The trimmed References keeps the newest ids only.
    expect(lines.filter((l) => /^ <ref-|^References:/.test(l)).length).toBeLessThanOrEqual(20);
  });
});

describe("the cron's follow-up email", () => {
  it("escapes hostile names, keeps headers clean and short, and links one recipient per draft", async () => {
    // Three applications whose companies fill the 500-character storage cap: the subject names all three.
    for (const [i, name] of ["Alpha", "Beta", "Gamma"].entries()) {
      await deliver(forwardWith({ id: `cron-${i}`, company: name, senderName: `Priya ${IMG}` }));
      await env.DB.prepare("UPDATE applications SET company = ?1 WHERE company = ?2").bind(`${name} ${SCRIPT} ${"Z".repeat(500)}`.slice(0, 500), name).run();
    }
    expect(await count("applications", "company LIKE '%<script>%'")).toBe(3);
    const { sent, binding } = recordingMailer();
    await cron(Date.now() + 3 * DAY, withBindings({ SEND_EMAIL: binding }));
    expect(sent).toHaveLength(1);
    const mail = sent[0]!;
    expect(mail.to).toBe(OWNER);
    expect(unsafeReply(mail.raw, mail.parsed.html)).toEqual([]);
    for (const line of headerBlock(mail.raw)) expect(line.length).toBeLessThanOrEqual(998);
    expect(mail.parsed.subject).toContain("Alpha <script>");
    expect(mail.parsed.html).not.toContain("<script");
    expect(mail.parsed.html).toContain("&lt;script&gt;");
    for (const link of mailtos(mail.parsed.html!)) expect([...link.searchParams.keys()]).toEqual(["subject", "body"]);
  });
});

describe("the calendar feed", () => {
  it("carries hostile names as escaped text: no injected property, event or calendar", async () => {
    await deliver(forwardWith({ id: "ics", senderName: "Priya Shah" }));
    const evil = "Acme\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nATTENDEE:mailto:evil@evil.test;X=1,2\\";
    await env.DB.prepare("UPDATE applications SET company = ?1, role = ?2").bind(evil, `Role\nURL:https://evil.test/`).run();
    await env.DB.prepare("UPDATE contacts SET name = ?1").bind(`Priya\r\nORGANIZER:mailto:evil@evil.test`).run();
    const { calendarUrl } = (await (await api("/api/calendar", env.API_TOKEN, { method: "POST" })).json()) as { calendarUrl: string };
    const ics = await (await api(new URL(calendarUrl).pathname)).text();
    const events = (await env.DB.prepare("SELECT count(*) AS n FROM follow_ups WHERE status = 'pending'").first<{ n: number }>())!.n;
    // Unfold (RFC 5545: CRLF + space continues a line), then every line is a property of ours.
    const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(events);
    expect(lines.filter((l) => l === "BEGIN:VCALENDAR")).toHaveLength(1);
    expect(lines.filter((l) => /^(ATTENDEE|ORGANIZER)[:;]/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^SUMMARY:Injected/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^URL:https:\/\/evil/.test(l))).toEqual([]);
    for (const l of lines) expect(l, l).toMatch(/^[A-Z-]+[:;]/);
    // The hostile text is there, as text inside our properties.
    expect(lines.some((l) => /^(SUMMARY|DESCRIPTION):.*Injected/.test(l))).toBe(true);
  });
});

describe("SQL is always bound", () => {
  const INJECTION = "x'); DROP TABLE applications; --";

  it("stores injection strings from a forward and a reply verbatim, and every table survives", async () => {
    const result = await deliver(forwardWith({ subject: `Fwd: ${INJECTION}`, senderName: `Priya ${INJECTION}` }));
    const digest = result.replies[0]!;
    const commands = [`company: ${INJECTION}`, `role: " OR 1=1 --`].join("\r\n");
    await deliver(ownerReply({ inReplyTo: digest.messageId!, subject: `Re: ${digest.subject}`, body: commands, id: "sql" }));
    const app = await env.DB.prepare("SELECT company, role FROM applications").first<{ company: string; role: string }>();
    expect(app).toEqual({ company: INJECTION, role: `" OR 1=1 --` });
    const message = await env.DB.prepare("SELECT subject FROM messages WHERE kind = 'forward'").first<{ subject: string }>();
    expect(message!.subject).toBe(`Fwd: ${INJECTION}`);
    for (const t of ["applications", "contacts", "messages", "follow_ups", "outbox", "owners"]) expect(await count(t)).toBeGreaterThan(0);
  });

  it("treats search text as text: LIKE wildcards and quotes match only themselves", async () => {
    await deliver(forwardWith({ id: "a", company: "Acme Robotics" }));
    await deliver(forwardWith({ id: "b", company: "Globex 100% Remote", role: "Data Engineer" }));
    const search = async (q: string) =>
      ((await (await api(`/api/applications?q=${encodeURIComponent(q)}`)).json()) as { applications: { company: string }[] }).applications.map((a) => a.company);
    expect(await search("%")).toEqual(["Globex 100% Remote"]);
    expect(await search("_")).toEqual([]);
    expect(await search("' OR 1=1 --")).toEqual([]);
    expect(await search("acme")).toEqual(["Acme Robotics"]);
  });
});
