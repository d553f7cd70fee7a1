import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { composeDigest } from "../../src/mail/digest.ts";
import { buildMime, cleanMessageId, encodeWord, headerSafe } from "../../src/mail/mime.ts";
import { draftMessage, mailtoLink } from "../../src/pipeline/draft.ts";

describe("mailtoLink", () => {
  it("percent-encodes every field so no header or recipient can be smuggled", () => {
    const link = mailtoLink("priya@acme.test", "Hi&cc=evil@x.test", "line1\nline2&bcc=evil@x.test");
    const url = new URL(link);
    expect(url.pathname).toBe("priya@acme.test");
    expect([...url.searchParams.keys()]).toEqual(["subject", "body"]);
    expect(url.searchParams.get("subject")).toBe("Hi&cc=evil@x.test");
    expect(url.searchParams.get("body")).toBe("line1\r\nline2&bcc=evil@x.test");
  });
  it("percent-encodes the marks HTML would escape into a '#', so an apostrophe cannot cut the link short", () => {
    const link = mailtoLink("o'neil@acme.test", "Thank you (O'Neil's team)!", "It's *great*");
    expect(link).not.toMatch(/['()*!]/);
    // As an HTML attribute: the escaped apostrophe (&#39;) must not start a fragment that swallows the body.
    const url = new URL(link.replace(/'/g, "&#39;"));
    expect([...url.searchParams.keys()]).toEqual(["subject", "body"]);
    expect(url.searchParams.get("subject")).toBe("Thank you (O'Neil's team)!");
    expect(url.searchParams.get("body")).toBe("It's *great*");
    expect(decodeURIComponent(url.pathname)).toBe("o'neil@acme.test");
  });
  it("cannot gain a recipient through the address", () => {
    const url = new URL(mailtoLink("a@x.test?cc=evil@x.test", "s", "b"));
    expect([...url.searchParams.keys()]).toEqual(["subject", "body"]);
  });
});

describe("draftMessage", () => {
  it("writes a specific, warm thank-you to the contact", () => {
    const d = draftMessage({
      kind: "thank-you",
      company: "Acme Robotics",
      role: "Controls Engineer",
      contact: { name: "Priya Shah", email: "priya@acme.test", title: null },
      ownerName: "Alex Rivera",
      rejectedAt: null,
    });
    expect(d.to).toBe("priya@acme.test");
    expect(d.body).toMatch(/^Hi Priya,/);
    expect(d.body).toContain("Controls Engineer");
    expect(d.body).toContain("Acme Robotics");
    expect(d.body).toMatch(/Alex Rivera$/);
    expect(d.body).not.toMatch(/unfair|disappointed in you|wrong decision/i);
  });
  it("thanks the person who wrote the rejection for letting us know, and the others for their time", () => {
    const base = { kind: "thank-you" as const, company: "Acme", role: "Analyst", ownerName: null, rejectedAt: null };
    const sender = draftMessage({ ...base, contact: { name: "Priya Shah", email: "p@acme.test", title: null }, wroteRejection: true });
    const interviewer = draftMessage({ ...base, contact: { name: "Tom Lee", email: "t@acme.test", title: null }, wroteRejection: false });
    expect(sender.body).toMatch(/Thank you for letting me know about the Analyst role/);
    expect(interviewer.body).not.toMatch(/letting me know/);
    expect(interviewer.body).toMatch(/the time you took to talk with me about the Analyst role at Acme/);
  });

  it("keeps connection notes under LinkedIn's 300 characters", () => {
    const d = draftMessage({ kind: "connect", company: "A Very Long Company Name Holdings International", role: "Principal Staff Software Engineer, Platform Infrastructure", contact: { name: "Maximiliana Featherstonehaugh", email: "m@x.test", title: null }, ownerName: null, rejectedAt: null });
    expect(d.body.length).toBeLessThan(300);
  });
});

describe("mime", () => {
  it("strips CR/LF from header values", () => {
    expect(headerSafe("Hello\r\nBcc: evil@x.test")).toBe("Hello Bcc: evil@x.test");
    expect(cleanMessageId("<a@b>\r\nBcc: x")).toBe("<a@b>");
  });

  it("builds a message that parses back with the same content", async () => {
    const raw = buildMime({
      from: { name: "rebound", address: "rejections@rebound.example.com" },
      to: "alex.rivera@example.com",
      subject: "Re: Zoë’s note\r\nBcc: evil@x.test",
      text: "Grüße\nline two",
      html: "<p>Grüße</p>",
      messageId: "<m1@rebound.example.com>",
      inReplyTo: "<fwd@example.com>",
      references: ["<orig@x.test>", "<fwd@example.com>"],
      date: new Date(Date.UTC(2026, 10, 23, 9)),
      autoSubmitted: true,
    });
    expect(raw).not.toMatch(/^Bcc:/im);
    const parsed = await PostalMime.parse(raw);
    expect(parsed.subject).toBe("Re: Zoë’s note Bcc: evil@x.test");
    expect(parsed.text).toBe("Grüße\r\nline two");
    expect(parsed.html).toBe("<p>Grüße</p>");
    expect(parsed.inReplyTo).toBe("<fwd@example.com>");
    expect(parsed.messageId).toBe("<m1@rebound.example.com>");
    expect(parsed.to?.[0]?.address).toBe("alex.rivera@example.com");
    expect(parsed.bcc ?? []).toEqual([]);
  });

  it("encodes long non-ASCII headers as several short encoded words", () => {
    const word = encodeWord("Ünïcödé ".repeat(20));
    for (const line of word.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
  });
});

describe("composeDigest", () => {
  it("escapes everything taken from the email in HTML", () => {
    const evil = "<script>alert(1)</script>";
    const d = composeDigest({
      applicationId: 1,
      company: evil,
      role: `"><img src=x onerror=alert(1)>`,
      rejectedAt: null,
      contacts: [{ name: evil, email: "a@x.test", title: null }],
      drafts: [draftMessage({ kind: "thank-you", company: evil, role: null, contact: { name: evil, email: "a@x.test", title: null }, ownerName: null, rejectedAt: null })],
      upcoming: [],
      reviewReason: null,
      skippedContacts: [],
      timezone: "UTC",
    });
    expect(d.html).not.toContain("<script>");
    expect(d.html).not.toContain("<img");
    expect(d.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(d.text).toContain(evil); // plain text stays as written
  });
});
