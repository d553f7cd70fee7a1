import { describe, expect, it } from "vitest";
import { readEmail, toInspectJson } from "../../src/pipeline/read.ts";
import { corpus, email, OWNER } from "../fixtures/load.ts";

const opts = { ownerEmails: [OWNER] };

describe("readEmail on bad input", () => {
  it.each([
    ["empty string", ""],
    ["empty bytes", new Uint8Array(0)],
    ["binary junk", new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ["broken MIME", "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: message/rfc822\r\n\r\n--x"],
    ["headers only", "From: a@b.test\r\nSubject: hi"],
  ])("%s gives a non-rejection reading instead of throwing", async (_, raw) => {
    const r = await readEmail(raw, opts);
    expect(r.isRejection).toBe(false);
    expect(r.confidence).toBeLessThan(0.5);
    expect(Array.isArray(r.contacts)).toBe(true);
  });

  it("accepts an ArrayBuffer", async () => {
    const bytes = new TextEncoder().encode(email(corpus, "01-gmail-recruiter-subject-role.eml"));
    const r = await readEmail(bytes.buffer.slice(0) as ArrayBuffer, opts);
    expect(r.company).toBe("Halcyon Analytics");
  });
});

describe("linear time on hostile bodies", () => {
  function wrap(body: string): string {
    return `From: Alex Rivera <${OWNER}>\r\nTo: r@rebound.test\r\nSubject: Fwd: x\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\n\r\n---------- Forwarded message ---------\r\nFrom: Pat Lee <pat@acme.test>\r\nDate: Mon, Oct 5, 2026 at 9:00 AM\r\nSubject: Your application\r\nTo: <${OWNER}>\r\n\r\n${body}`;
  }
  it("reads a 1 MB single-line body", async () => {
    const line = "We have decided to move forward with other candidates for the Analyst role. ".repeat(14_000).slice(0, 1_000_000);
    const r = await readEmail(wrap(line), opts);
    expect(r.isRejection).toBe(true);
    expect(r.original.from?.address).toBe("pat@acme.test");
  });
  it.each(["@", "a", " ", "<", "-", ":", "\n", "From: ", "From: x\n", "> ", "a@b.c ", "the Role ", "=", "\t"])("reads 100k characters of repeated %j", async (unit) => {
    const r = await readEmail(wrap(unit.repeat(Math.ceil(100_000 / unit.length))), opts);
    expect(r.original.from?.address).toBe("pat@acme.test");
    expect(r.isRejection).toBe(false);
  });
});

describe("linear time on hostile HTML", () => {
  it("reads a 1 MB HTML-only body of unclosed tags and entities", async () => {
    const html = "<div><b>x</b>&amp;<p>".repeat(50_000).slice(0, 1_000_000);
    const raw = `From: Alex Rivera <${OWNER}>\r\nSubject: Fwd: x\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\nContent-Type: text/html\r\n\r\n<div>---------- Forwarded message ---------<br>From: Pat Lee &lt;pat@acme.test&gt;<br>Date: Mon, Oct 5, 2026 at 9:00 AM<br>Subject: Your application<br></div><br>${html}`;
    const r = await readEmail(raw, opts);
    expect(r.original.from?.address).toBe("pat@acme.test");
    expect(r.original.subject).toBe("Your application");
  });
});

describe("toInspectJson", () => {
  it("gives the contract's fields, and reasons only when asked", async () => {
    const r = await readEmail(email(corpus, "02-gmail-note-greenhouse-final-round.eml"), opts);
    const j = toInspectJson(r);
    expect(Object.keys(j)).toEqual(["isRejection", "confidence", "company", "role", "original", "contacts", "ats", "note"]);
    expect(j.original).toEqual({ from: "no-reply@us.greenhouse-mail.io", subject: "Your candidacy at Acme Robotics", date: "2026-10-08T19:47:00.000Z" });
    expect(j.ats).toBe("greenhouse");
    expect(toInspectJson(r, true).reasons).toEqual(r.reasons);
  });
});

describe("readEmail on damaged corpus emails", () => {
  // Deterministic damage: truncation, dropped and duplicated spans, flipped bytes.
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  }
  function damage(bytes: Uint8Array, r: () => number): Uint8Array {
    const out = Array.from(bytes);
    for (let k = 0; k < 4; k++) {
      const at = Math.floor(r() * out.length);
      const len = Math.floor(r() * 200);
      const kind = Math.floor(r() * 4);
      if (kind === 0) out.length = at;
      else if (kind === 1) out.splice(at, len);
      else if (kind === 2) out.splice(at, 0, ...out.slice(Math.max(0, at - len), at));
      else for (let i = at; i < Math.min(out.length, at + len); i++) out[i] = Math.floor(r() * 256);
    }
    return new Uint8Array(out);
  }
  it("always returns a well-formed reading", async () => {
    const r = rng(42);
    const names = Object.keys(corpus.emails).sort();
    for (let round = 0; round < 3; round++) {
      for (const name of names) {
        const bytes = damage(new TextEncoder().encode(corpus.emails[name]!), r);
        const reading = await readEmail(bytes, opts);
        expect(typeof reading.isRejection, name).toBe("boolean");
        expect(reading.confidence).toBeGreaterThanOrEqual(0);
        expect(reading.confidence).toBeLessThanOrEqual(1);
        expect(reading.contacts.length).toBeLessThanOrEqual(25);
        for (const c of reading.contacts) expect(c.email).not.toBe(OWNER);
        expect(() => JSON.stringify(toInspectJson(reading, true))).not.toThrow();
      }
    }
  });
});
