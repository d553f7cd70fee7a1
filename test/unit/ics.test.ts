import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, writeCalendar } from "../../src/http/ics.ts";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("ics writer", () => {
  it("escapes TEXT values", () => {
    expect(escapeText("a,b;c\\d\r\ne\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
  });

  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `DESCRIPTION:${"é🙂x".repeat(60)}`;
    const folded = foldLine(line).split("\r\n");
    for (const l of folded) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(line);
  });

  it("round-trips hostile text through a real parser", () => {
    const summary = "Thank-you to Zoë <script>; a, b \\ c\r\nBEGIN:VEVENT";
    const description = "Line one\nLine two; with, punctuation \\ and 🙂\n".repeat(20);
    const ics = writeCalendar({
      name: "rebound follow-ups",
      description: "d",
      prodId: "-//rebound//rebound//EN",
      refreshSeconds: 3600,
      events: [{ uid: "followup-1@x.test", start: Date.UTC(2026, 10, 30, 9), end: Date.UTC(2026, 10, 30, 9, 15), stamp: 0, summary, description, url: "https://x.test/a\r\nX-EVIL:1" }],
    });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    const comp = new ICAL.Component(ICAL.parse(ics));
    const events = comp.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]!);
    expect(event.summary).toBe(summary.replace(/\r\n/g, "\n"));
    expect(event.description).toBe(description);
    expect(event.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 10, 30, 9));
    expect(events[0]!.getFirstPropertyValue("url")).toBe("https://x.test/aX-EVIL:1");
    expect(comp.getFirstPropertyValue("method")).toBe("PUBLISH");
  });
});
