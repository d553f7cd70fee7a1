// The owner's own settings (time zone, send hour and days, cadence) and the
// secret of their calendar feed. Columns live on `owners`.

import type { OwnerRow } from "./owners.ts";
import { newSecret } from "./sessions.ts";

export interface OwnerSettings {
  /** IANA zone, or null for the TIMEZONE var. */
  timezone: string | null;
  /** 0-23, or null for the SEND_HOUR var. */
  sendHour: number | null;
  /** ISO weekdays, Monday = 1. */
  sendDays: number[];
  /** Overrides of the default playbook cadence (see pipeline/plan.ts), or null for the defaults. */
  cadence: Record<string, number> | null;
}

export async function updateSettings(db: D1Database, ownerId: number, s: OwnerSettings): Promise<void> {
  await db
    .prepare("UPDATE owners SET timezone = ?2, send_hour = ?3, send_days = ?4, cadence = ?5 WHERE id = ?1")
    .bind(ownerId, s.timezone, s.sendHour, [...new Set(s.sendDays)].sort().join(","), s.cadence && Object.keys(s.cadence).length ? JSON.stringify(s.cadence) : null)
    .run();
}

export async function findOwnerById(db: D1Database, ownerId: number): Promise<OwnerRow | null> {
  return db.prepare("SELECT * FROM owners WHERE id = ?1").bind(ownerId).first<OwnerRow>();
}

/** A new secret for /calendar/<token>.ics; the old link stops working at once. */
export async function regenerateCalendarToken(db: D1Database, ownerId: number): Promise<string> {
  const token = newSecret();
  await db.prepare("UPDATE owners SET calendar_token = ?2 WHERE id = ?1").bind(ownerId, token).run();
  return token;
}

export async function revokeCalendarToken(db: D1Database, ownerId: number): Promise<void> {
  await db.prepare("UPDATE owners SET calendar_token = NULL WHERE id = ?1").bind(ownerId).run();
}

export async function findOwnerByCalendarToken(db: D1Database, token: string): Promise<OwnerRow | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return db.prepare("SELECT * FROM owners WHERE calendar_token = ?1").bind(token).first<OwnerRow>();
}
