import { describe, expect, it } from "vitest";
import { fromLocal, localTime, nextSendSlot, parseSendDays } from "../../src/pipeline/schedule.ts";

const weekdays = { timezone: "UTC", hour: 9, days: [1, 2, 3, 4, 5] };

describe("nextSendSlot", () => {
  it("is the owner's hour the same day when still ahead", () => {
    // Wednesday 2026-11-25 07:00 UTC -> 09:00 the same day.
    expect(nextSendSlot(Date.UTC(2026, 10, 25, 7), weekdays)).toBe(Date.UTC(2026, 10, 25, 9));
  });
  it("moves to the next day once the hour has passed", () => {
    expect(nextSendSlot(Date.UTC(2026, 10, 25, 9, 1), weekdays)).toBe(Date.UTC(2026, 10, 26, 9));
  });
  it("skips the weekend", () => {
    // Friday 2026-11-27 10:00 -> Monday 2026-11-30 09:00.
    expect(nextSendSlot(Date.UTC(2026, 10, 27, 10), weekdays)).toBe(Date.UTC(2026, 10, 30, 9));
  });
  it("keeps an exact slot", () => {
    expect(nextSendSlot(Date.UTC(2026, 10, 25, 9), weekdays)).toBe(Date.UTC(2026, 10, 25, 9));
  });
  it("uses the owner's zone, across daylight saving changes", () => {
    const ny = { timezone: "America/New_York", hour: 8, days: [1, 2, 3, 4, 5, 6, 7] };
    // Before the March 2027 change New York is UTC-5, after it UTC-4.
    expect(nextSendSlot(Date.UTC(2027, 2, 12, 20), ny)).toBe(Date.UTC(2027, 2, 13, 13));
    expect(nextSendSlot(Date.UTC(2027, 2, 15, 0), ny)).toBe(Date.UTC(2027, 2, 15, 12));
    const tokyo = { timezone: "Asia/Tokyo", hour: 9, days: [1, 2, 3, 4, 5] };
    // Monday 09:00 in Tokyo is Sunday 24:00 UTC.
    expect(nextSendSlot(Date.UTC(2026, 10, 29, 12), tokyo)).toBe(Date.UTC(2026, 10, 30, 0));
  });
  it("lands on a real instant for an hour skipped by daylight saving", () => {
    const slot = nextSendSlot(Date.UTC(2027, 2, 13, 12), { timezone: "America/New_York", hour: 2, days: [7] });
    expect(localTime(slot, "America/New_York").weekday).toBe(7);
  });
});

describe("fromLocal and parseSendDays", () => {
  it("converts a wall-clock time to the instant", () => {
    expect(fromLocal(2026, 7, 1, 9, "Europe/Berlin")).toBe(Date.UTC(2026, 6, 1, 7));
    expect(fromLocal(2026, 12, 1, 9, "Europe/Berlin")).toBe(Date.UTC(2026, 11, 1, 8));
  });
  it("falls back to weekdays for junk", () => {
    expect(parseSendDays("1,3,9,x,3")).toEqual([1, 3]);
    expect(parseSendDays("")).toEqual([1, 2, 3, 4, 5]);
    expect(parseSendDays(null)).toEqual([1, 2, 3, 4, 5]);
  });
});
