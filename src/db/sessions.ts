// Dashboard sessions. The cookie carries a random 256-bit id; D1 keeps only its
// SHA-256, the owner and an expiry. Why this and not a signed cookie: a session
// can be ended server-side (log out, delete my data, a leaked cookie), there is
// no signing secret to configure and rotate, and a copy of the table can't be
// turned back into a working cookie.

import { sha256Hex } from "./hash.ts";
import type { OwnerRow } from "./owners.ts";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Start a session; returns the id to put in the cookie (never stored as such). */
export async function createSession(db: D1Database, ownerId: number, now: number): Promise<{ id: string; expiresAt: number }> {
  const id = randomId();
  const expiresAt = now + SESSION_TTL_MS;
  await db.batch([
    db.prepare("DELETE FROM sessions WHERE owner_id = ?1 AND expires_at <= ?2").bind(ownerId, now),
    db.prepare("INSERT INTO sessions (id_hash, owner_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)").bind(await sha256Hex(id), ownerId, now, expiresAt),
  ]);
  return { id, expiresAt };
}

/** The owner of a live session, or null. */
export async function findSessionOwner(db: D1Database, id: string, now: number): Promise<OwnerRow | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  return db
    .prepare("SELECT o.* FROM sessions s JOIN owners o ON o.id = s.owner_id WHERE s.id_hash = ?1 AND s.expires_at > ?2")
    .bind(await sha256Hex(id), now)
    .first<OwnerRow>();
}

export async function deleteSession(db: D1Database, id: string): Promise<void> {
  await db.prepare("DELETE FROM sessions WHERE id_hash = ?1").bind(await sha256Hex(id)).run();
}

export { randomId as newSecret };
