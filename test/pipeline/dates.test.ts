import { describe, expect, it } from "vitest";
import { offsetOfDateHeader, parseLooseDate } from "../../src/pipeline/dates.ts";

describe("parseLooseDate", () => {
  const cases: [string, number | null, string][] = [
    ["Wed, Oct 14, 2026 at 12:02\u202fPM", -240, "2026-10-14T16:02:00.000Z"],
    ["Mi., 26. Aug. 2026 um 14:12 Uhr", 120, "2026-08-26T12:12:00.000Z"],
    ["Dienstag, 6. Oktober 2026 10:47", 120, "2026-10-06T08:47:00.000Z"],
    ["jeudi 15 octobre 2026 17:20", 120, "2026-10-15T15:20:00.000Z"],
    ["martes, 3 de noviembre de 2026 13:05", 60, "2026-11-03T12:05:00.000Z"],
    ["martedì 13 ottobre 2026 16:45", 120, "2026-10-13T14:45:00.000Z"],
    ["dinsdag 3 november 2026 15:30", 60, "2026-11-03T14:30:00.000Z"],
    ["quinta-feira, 22 de outubro de 2026 11:05", 60, "2026-10-22T10:05:00.000Z"],
    ["September 3, 2026 at 4:12:09 PM EDT", 0, "2026-09-03T20:12:09.000Z"],
    ["On Tuesday, October 20th, 2026 at 7:45 PM", 0, "2026-10-20T19:45:00.000Z"],
    ["Tue, 8 Sep 2026 14:22:41 -0700", 0, "2026-09-08T21:22:41.000Z"],
    ["Thursday, October 1, 2026, 09:14:33 AM EDT", 0, "2026-10-01T13:14:33.000Z"],
    ["vie, 16 oct 2026 a las 12:05", 120, "2026-10-16T10:05:00.000Z"],
    ["jeu. 5 nov. 2026 à 10:31", 60, "2026-11-05T09:31:00.000Z"],
    ["Tue, Aug 11, 2026 at 12:30 AM", -240, "2026-08-11T04:30:00.000Z"],
    ["2026/10/14 18:02", 120, "2026-10-14T16:02:00.000Z"],
    ["2026-10-14 18:02", 120, "2026-10-14T16:02:00.000Z"],
    ["14.10.2026, 18:02", 120, "2026-10-14T16:02:00.000Z"],
    ["October 14, 2026 at 9:47:21 PM GMT+5:30", 0, "2026-10-14T16:17:21.000Z"],
    ["ven. 6 nov. 2026 à 17 h 05", 60, "2026-11-06T16:05:00.000Z"],
    // An am/pm clock says the US order, month first.
    ["11/4/2026 9:00 AM", -300, "2026-11-04T14:00:00.000Z"],
  ];
  it.each(cases)("%s (fallback %s)", (text, offset, want) => {
    expect(parseLooseDate(text, offset)?.iso).toBe(want);
  });

  it("reads a zone-less time in the fallback offset and says so", () => {
    expect(parseLooseDate("Fri, Nov 6, 2026 at 4:55 PM", -300)).toEqual({ iso: "2026-11-06T21:55:00.000Z", zoned: false, offset: -300 });
    expect(parseLooseDate("November 2, 2026 at 1:17:52 PM EST", 60)?.zoned).toBe(true);
  });

  it("reads numeric dates day first unless told otherwise or impossible", () => {
    expect(parseLooseDate("05/11/2026 10:00", 0)?.iso).toBe("2026-11-05T10:00:00.000Z");
    expect(parseLooseDate("05/11/2026 10:00", 0, false)?.iso).toBe("2026-05-11T10:00:00.000Z");
    expect(parseLooseDate("11/25/2026 10:00", 0)?.iso).toBe("2026-11-25T10:00:00.000Z");
  });

  it("returns null for text without a date", () => {
    expect(parseLooseDate("soon, hopefully", 0)).toBeNull();
    expect(parseLooseDate("", 0)).toBeNull();
  });
});

describe("offsetOfDateHeader", () => {
  it("reads numeric and named zones", () => {
    expect(offsetOfDateHeader("Wed, 14 Oct 2026 18:37:21 -0400")).toBe(-240);
    expect(offsetOfDateHeader("Tue, 6 Oct 2026 12:20:31 +0200 (CEST)")).toBe(120);
    expect(offsetOfDateHeader("Tue, 6 Oct 2026 12:20:31 GMT")).toBe(0);
    expect(offsetOfDateHeader("garbage")).toBeNull();
    expect(offsetOfDateHeader(null)).toBeNull();
  });
});
