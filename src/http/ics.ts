// A minimal RFC 5545 writer for the calendar feed: text escaping (3.3.11),
// line folding at 75 octets without splitting a UTF-8 character (3.1), CRLF
// line ends, UTC date-times. Small enough to own instead of a library.

export interface IcsEvent {
  uid: string;
  start: number; // epoch ms
  end: number;
  stamp: number;
  summary: string;
  description: string;
  url?: string;
}

export interface IcsCalendar {
  name: string;
  description: string;
  prodId: string;
  /** How often subscribers should refresh, in seconds. */
  refreshSeconds: number;
  events: IcsEvent[];
}

/** TEXT value escaping: backslash, semicolon, comma, and newlines as \n. */
export function escapeText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");
}

/** UTC DATE-TIME: 20261123T090000Z. */
export function dateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

const encoder = new TextEncoder();

/** Fold a content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuations 74 after their leading space.
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

function duration(seconds: number): string {
  return seconds % 3600 === 0 ? `PT${seconds / 3600}H` : `PT${Math.max(1, Math.round(seconds / 60))}M`;
}

export function writeCalendar(cal: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(cal.prodId)}`,
    "METHOD:PUBLISH",
    "CALSCALE:GREGORIAN",
    `NAME:${escapeText(cal.name)}`,
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `DESCRIPTION:${escapeText(cal.description)}`,
    `X-WR-CALDESC:${escapeText(cal.description)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${duration(cal.refreshSeconds)}`,
    `X-PUBLISHED-TTL:${duration(cal.refreshSeconds)}`,
  ];
  for (const e of cal.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${dateTime(e.stamp)}`,
      `DTSTART:${dateTime(e.start)}`,
      `DTEND:${dateTime(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      // URL is a URI value: not TEXT-escaped, but never allowed to break the line.
      ...(e.url ? [`URL;VALUE=URI:${e.url.replace(/[\r\n]/g, "")}`] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
