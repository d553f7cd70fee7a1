// The sender check's pure parts at their edges (worker-level cases are in sender.test.ts).
import { describe, expect, it } from "vitest";
import { automaticMail, headerAddress, isOwnMail } from "../../src/pipeline/authorize.ts";

describe("headerAddress", () => {
  it("accepts one mailbox, whatever its display name holds inside quotes or a comment", () => {
    expect(headerAddress('"Rivera, Alex" <alex.rivera@example.com>')).toBe("alex.rivera@example.com");
    expect(headerAddress('"Alex <alex@evil.test>, x" <alex.rivera@example.com>')).toBe("alex.rivera@example.com");
    expect(headerAddress("Alex (work, main) <alex.rivera@example.com>")).toBe("alex.rivera@example.com");
    expect(headerAddress('"A \\"quoted\\" name" <alex.rivera@example.com>')).toBe("alex.rivera@example.com");
  });

  it("refuses two mailboxes, a group, or a second angle address", () => {
    for (const v of [
      "a@x.test, alex.rivera@example.com",
      "Mallory <m@evil.test>, Alex <alex.rivera@example.com>",
      "<m@evil.test> <alex.rivera@example.com>",
      "Team: m@evil.test, alex.rivera@example.com;",
      "Rivera, Alex <alex.rivera@example.com>",
    ]) {
      expect(headerAddress(v), v).toBeNull();
    }
  });
});

describe("automaticMail", () => {
  const base = { envelopeFrom: "alex.rivera@example.com", headerFrom: null, authenticationResults: null, autoSubmitted: null };
  it("names each mark of automatic mail, and passes ordinary mail", () => {
    expect(automaticMail(base)).toBeNull();
    expect(automaticMail({ ...base, autoSubmitted: "no" })).toBeNull();
    expect(automaticMail({ ...base, precedence: "first-class" })).toBeNull();
    expect(automaticMail({ ...base, returnPath: "<alex.rivera@example.com>" })).toBeNull();
    expect(automaticMail({ ...base, contentType: "multipart/mixed; boundary=x" })).toBeNull();
    expect(automaticMail({ ...base, autoSubmitted: "auto-generated" })).toMatch(/Auto-Submitted/);
    expect(automaticMail({ ...base, precedence: " Bulk " })).toMatch(/Precedence/);
    expect(automaticMail({ ...base, autoReply: "yes" })).toMatch(/X-Autoreply/);
    expect(automaticMail({ ...base, returnPath: "< >" })).toMatch(/bounce/);
    expect(automaticMail({ ...base, contentType: "Multipart/Report; report-type=disposition-notification" })).toMatch(/report/);
  });
});

describe("isOwnMail", () => {
  const own = ["rejections@rebound.example.com"];
  const original = (from: string | null, subject: string, messageId: string | null = null) => ({ original: { from: from ? { address: from } : null, subject, messageId } });
  it("is rebound's own email only from its address and with its marks", () => {
    expect(isOwnMail(original("rejections@rebound.example.com", "Re: Fwd: x [rebound #12]"), own)).toBe(true);
    expect(isOwnMail(original("rejections@rebound.example.com", "rebound: 2 follow-ups for today (Acme)"), own)).toBe(true);
    expect(isOwnMail(original("Rejections@Rebound.Example.com", "Re: hi", "<abc@rebound.example.com>"), own)).toBe(true);
    // The address alone (a damaged forward block) is not enough; neither are the marks from someone else.
    expect(isOwnMail(original("rejections@rebound.example.com", "Fwd: Regarding your application", "<x@kaveri.test>"), own)).toBe(false);
    expect(isOwnMail(original("priya@acme.test", "Re: [rebound #12]", "<abc@rebound.example.com>"), own)).toBe(false);
    expect(isOwnMail(original(null, "[rebound #1]"), own)).toBe(false);
  });
});
