// When the owner wants mail: at their hour, in their zone, on their days.
// Pure; time zones via Intl (no tz database to ship).

export interface SendWindow {
  timezone: string;
  hour: number; // 0-23, local
  days: number[]; // ISO weekdays, Monday = 1
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

export function localTime(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday!] ?? 1,
  };
}

/** Offset of the zone from UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const t = localTime(ms, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) - Math.floor(ms / 60_000) * 60_000;
}

/** The instant a local wall-clock time happens (around DST changes, the nearest valid one). */
export function fromLocal(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

/** The first send slot at or after `ms`. */
export function nextSendSlot(ms: number, w: SendWindow): number {
  const days = w.days.length ? w.days : [1, 2, 3, 4, 5, 6, 7];
  const start = localTime(ms, w.timezone);
  for (let i = 0; i < 8; i++) {
    // Date.UTC normalises day overflow, so day + i walks the calendar.
    const d = new Date(Date.UTC(start.year, start.month - 1, start.day + i));
    const weekday = ((d.getUTCDay() + 6) % 7) + 1;
    if (!days.includes(weekday)) continue;
    const slot = fromLocal(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), w.hour, w.timezone);
    if (slot >= ms) return slot;
  }
  return ms; // unreachable with at least one day allowed
}

export function parseSendDays(value: string | null | undefined): number[] {
  const days = (value ?? "").split(",").map(Number).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  return days.length ? [...new Set(days)].sort() : [1, 2, 3, 4, 5];
}
