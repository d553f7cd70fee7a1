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
    });
    formatters.set(timeZone, f);
  }
  return f;
}


export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** Wall-clock fields straight from Intl (slow: only on an offset cache miss). */
function intlParts(ms: number, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return parts;
}

const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * Offset of the zone from UTC at an instant, in ms. Zones change offset only on
 * a quarter hour, so offsets are cached per zone and quarter hour.
 */
function offsetAt(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const t = intlParts(ms, timeZone);
    const local = Date.UTC(Number(t.year), Number(t.month) - 1, Number(t.day), Number(t.hour), Number(t.minute));
    offset = local - Math.floor(ms / 60_000) * 60_000;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

export function localTime(ms: number, timeZone: string): LocalTime {
  const d = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
  };
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
