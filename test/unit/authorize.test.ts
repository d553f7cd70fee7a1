import { describe, expect, it } from "vitest";
import { authorizeSender, failsAuthentication, headerAddress } from "../../src/pipeline/authorize.ts";

const owners = ["alex.rivera@example.com"];
const evidence = (over: Partial<Parameters<typeof authorizeSender>[0]> = {}) => ({
  envelopeFrom: "alex.rivera@example.com",
  headerFrom: "Alex Rivera <alex.rivera@example.com>",
  authenticationResults: null,
  autoSubmitted: null,
  ...over,
});

describe("authorizeSender", () => {
  it("accepts the owner, case-insensitively", () => {
    expect(authorizeSender(evidence({ envelopeFrom: "Alex.Rivera@Example.com" }), owners)).toEqual({ ok: true, owner: "alex.rivera@example.com" });
  });

  it("refuses a stranger with a reason", () => {
    const v = authorizeSender(evidence({ envelopeFrom: "mallory@evil.test", headerFrom: "mallory@evil.test" }), owners);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/only from its owner/);
  });

  it("refuses a header From that disagrees with the envelope", () => {
    expect(authorizeSender(evidence({ headerFrom: "Alex <alex@evil.test>" }), owners).ok).toBe(false);
    // A display name that looks like the owner does not count.
    expect(authorizeSender(evidence({ headerFrom: '"alex.rivera@example.com" <x@evil.test>' }), owners).ok).toBe(false);
    expect(authorizeSender(evidence({ headerFrom: null }), owners).ok).toBe(false);
  });

  it("refuses lookalike envelope addresses", () => {
    expect(authorizeSender(evidence({ envelopeFrom: "alex.rivera@example.com.evil.test" }), owners).ok).toBe(false);
  });

  it("refuses SPF or DMARC failures for the owner's domain", () => {
    const ar = "mx.cloudflare.net; dkim=none; spf=fail smtp.mailfrom=alex.rivera@example.com; dmarc=fail header.from=example.com";
    expect(authorizeSender(evidence({ authenticationResults: ar }), owners).ok).toBe(false);
    expect(failsAuthentication("mx; spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com", "example.com")).toBe(false);
    expect(failsAuthentication("mx; dmarc=fail header.from=other.test", "example.com")).toBe(false);
    expect(failsAuthentication("mx; dmarc=fail", "example.com")).toBe(true);
  });

  it("ignores auto-submitted mail silently", () => {
    const v = authorizeSender(evidence({ autoSubmitted: "auto-replied" }), owners);
    expect(v).toMatchObject({ ok: false, silent: true });
    expect(authorizeSender(evidence({ autoSubmitted: "no" }), owners).ok).toBe(true);
  });
});

describe("headerAddress", () => {
  it("takes the angle address, else the bare one", () => {
    expect(headerAddress("Alex <A@B.test>")).toBe("a@b.test");
    expect(headerAddress("a@b.test")).toBe("a@b.test");
    expect(headerAddress("not an address")).toBeNull();
  });
});
