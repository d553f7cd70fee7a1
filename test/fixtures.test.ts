import { describe, expect, it } from "vitest";
import { corpus, extra } from "./fixtures/load.ts";

// The fixtures reach the Workers runtime as text; prove the bytes (and CRLF line endings) survive.
describe.each([corpus, extra])("$name fixtures", (set) => {
  it("has every email in its manifest and labels", () => {
    expect(Object.keys(set.emails).sort()).toEqual(Object.keys(set.manifest).sort());
    expect(Object.keys(set.labels).sort()).toEqual(Object.keys(set.manifest).sort());
  });
  it.each(Object.keys(set.manifest))("%s round-trips byte for byte", (name) => {
    const text = set.emails[name]!;
    const m = set.manifest[name]!;
    expect(new TextEncoder().encode(text).length).toBe(m.bytes);
    expect(text.includes("\r\n")).toBe(m.crlf);
    if (m.crlf) expect(/[^\r]\n/.test(text)).toBe(false);
  });
});
