// Reading the dates mail clients print in forward blocks, in seven languages.
// A printed time without a zone is the forwarder's local time: the caller passes
// the offset to read it in (the enclosing message's Date: offset).

const MONTHS: Record<string, number> = {};
function months(names: string[]): void {
  names.forEach((list, i) => {
    for (const n of list.split("|")) MONTHS[n] = i + 1;
  });
}
// en, de, fr, es, it, nl, pt (full names and the abbreviations clients print)
months(["january|jan|januar|jänner|janvier|janv|enero|ene|gennaio|gen|januari|janeiro", "february|feb|februar|février|fevrier|févr|fevr|febrero|febbraio|februari|fevereiro|fev", "march|mar|märz|maerz|mär|mrz|mars|marzo|maart|mrt|março|marco", "april|apr|avril|avr|abril|abr|aprile|apr", "may|mai|mayo|maggio|mag|mei|maio", "june|jun|juni|juin|junio|giugno|giu|junho", "july|jul|juli|juillet|juil|julio|luglio|lug|julho", "august|aug|août|aout|agosto|ago|augustus", "september|sep|sept|septembre|septiembre|setiembre|settembre|set|setembro", "october|oct|oktober|okt|octobre|octubre|ottobre|ott|outubro|out", "november|nov|novembre|noviembre|novembre|novembro", "december|dec|dezember|dez|décembre|decembre|déc|diciembre|dic|dicembre|december|dezembro"]);

const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, west: 60, bst: 60, ist: 60, cet: 60, cest: 120, mez: 60, mesz: 120, eet: 120, eest: 180,
  msk: 180, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480,
  hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150, brt: -180, art: -180, jst: 540, kst: 540, sgt: 480, hkt: 480,
  aest: 600, aedt: 660, acst: 570, acdt: 630, awst: 480, nzst: 720, nzdt: 780,
};

/** The zone offset (minutes east of UTC) written at the end of an RFC 5322 Date header, or null. */
export function offsetOfDateHeader(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /([+-])(\d{2}):?(\d{2})\s*(?:\([^)]*\))?\s*$/.exec(value.trim());
  if (m) return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const z = /\b([A-Za-z]{1,5})\s*$/.exec(value.trim());
  if (z) {
    const off = ZONES[z[1]!.toLowerCase()];
    if (off !== undefined) return off;
  }
  return null;
}

export interface LooseDate {
  iso: string;
  /** Whether the text carried its own zone (otherwise the fallback offset was used). */
  zoned: boolean;
  /** The offset the time was read in (minutes east of UTC). */
  offset: number;
}

/**
 * Reads a date as a mail client printed it: "Wed, Oct 14, 2026 at 12:02 PM",
 * "Dienstag, 6. Oktober 2026 10:47", "martes, 3 de noviembre de 2026 13:05",
 * "September 3, 2026 at 4:12:09 PM EDT", "On Tuesday, October 20th, 2026 at 7:45 PM",
 * "Tue, 8 Sep 2026 14:22:41 -0700", "26/10/2026 17:20", "2026-10-26 17:20".
 */
export function parseLooseDate(raw: string, fallbackOffset: number | null, preferDayFirst = true): LooseDate | null {
  const text = raw.replace(/[\u00a0\u202f\u2009]/g, " ").slice(0, 200);
  // Time: h:mm[:ss] with optional am/pm (also a.m./p.m.); French "17h20" and "17 h 20".
  const tm = /(\d{1,2})(?::|\s?h\s?(?=\d{2}))(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?/i.exec(text);
  let hour = 0;
  let minute = 0;
  let second = 0;
  let rest = text;
  if (tm) {
    hour = Number(tm[1]);
    minute = Number(tm[2]);
    second = tm[3] ? Number(tm[3]) : 0;
    const ampm = tm[4]?.toLowerCase();
    if (ampm === "p" && hour < 12) hour += 12;
    if (ampm === "a" && hour === 12) hour = 0;
    rest = text.slice(0, tm.index) + " " + text.slice(tm.index + tm[0].length);
  }
  if (hour > 23 || minute > 59 || second > 60) return null;

  let year = 0;
  let month = 0;
  let day = 0;
  const iso = /\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b/.exec(rest); // 2026-10-14, 2026/10/14, 2026.10.14
  const numeric = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b/.exec(rest);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[3]);
    day = Number(iso[4]);
    rest = rest.replace(iso[0], " ");
  } else if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    year = Number(numeric[3]);
    if (year < 100) year += 2000;
    // An am/pm clock says the US order ("11/4/2026 9:00 AM" is in November).
    const dayFirst = a > 12 ? true : b > 12 ? false : tm?.[4] ? false : preferDayFirst;
    day = dayFirst ? a : b;
    month = dayFirst ? b : a;
    rest = rest.replace(numeric[0], " ");
  } else {
    const words: string[] = rest.toLowerCase().match(/[\p{L}]+\.?|\d+(?:st|nd|rd|th|er|º|o)?\.?/gu) ?? [];
    // Several month-like words ("mar, 13 oct 2026": "mar" is Tuesday): the last one is the month.
    for (const w of words) {
      const bare = w.replace(/\.$/, "");
      if (/^\d{4}$/.test(bare)) {
        if (!year) year = Number(bare);
      } else if (/^\d{1,2}(st|nd|rd|th|er|º|o)?$/.test(bare)) {
        if (!day) day = parseInt(bare, 10);
      } else if (MONTHS[bare] !== undefined && (!month || words.indexOf(w) > 0)) {
        month = MONTHS[bare]!;
      }
    }
  }
  if (!year || !month || !day || month > 12 || day > 31 || year < 1970 || year > 2200) return null;

  // Zone: numeric offset (+0200, +02:00, GMT+2, UTC-05:00) or an abbreviation.
  let offset: number | null = null;
  const num = /(?:\b(?:gmt|utc)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?\b/i.exec(rest);
  if (num && (num[0].length >= 5 || /gmt|utc/i.test(num[0]))) {
    offset = (num[1] === "-" ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3] ?? 0));
  } else {
    for (const w of rest.match(/\b[A-Za-z]{2,5}\b/g) ?? []) {
      if (w !== w.toUpperCase()) continue; // zones are printed in capitals
      const z = ZONES[w.toLowerCase()];
      if (z !== undefined) {
        offset = z;
        break;
      }
    }
  }
  const zoned = offset !== null;
  const use = offset ?? fallbackOffset ?? 0;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - use * 60_000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  return { iso: date.toISOString(), zoned, offset: use };
}
