// Per-owner API tokens: shown once, stored as SHA-256, revocable.

import { sha256Hex } from "./hash.ts";
import type { OwnerRow } from "./owners.ts";
import { newSecret } from "./sessions.ts";

export interface ApiTokenRow {
  id: number;
  name: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** Tokens carry a recognisable prefix so a leaked one is easy to spot in logs and scanners. */
export const TOKEN_PREFIX = "rbd_";

export async function createApiToken(db: D1Database, ownerId: number, name: string, now: number): Promise<{ id: number; token: string }> {
  const token = TOKEN_PREFIX + newSecret();
  const row = await db
    .prepare("INSERT INTO api_tokens (owner_id, name, token_hash, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id")
    .bind(ownerId, name, await sha256Hex(token), now)
    .first<{ id: number }>();
  return { id: row!.id, token };
}

/** The owner of a live (not revoked) token, or null; records when it was last used. */
export async function findApiTokenOwner(db: D1Database, token: string, now: number): Promise<OwnerRow | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const hash = await sha256Hex(token);
  const [, owner] = await db.batch([
    db.prepare("UPDATE api_tokens SET last_used_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL").bind(hash, now),
    db.prepare("SELECT o.* FROM api_tokens t JOIN owners o ON o.id = t.owner_id WHERE t.token_hash = ?1 AND t.revoked_at IS NULL").bind(hash),
  ]);
  return (owner!.results[0] as OwnerRow | undefined) ?? null;
}

export async function listApiTokens(db: D1Database, ownerId: number): Promise<ApiTokenRow[]> {
  const { results } = await db
    .prepare("SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE owner_id = ?1 ORDER BY revoked_at IS NOT NULL, id DESC")
    .bind(ownerId)
    .all<ApiTokenRow>();
  return results;
}

/** Revoke one of the owner's tokens; false when there is no such live token. */
export async function revokeApiToken(db: D1Database, ownerId: number, id: number, now: number): Promise<boolean> {
  const r = await db.prepare("UPDATE api_tokens SET revoked_at = ?3 WHERE id = ?2 AND owner_id = ?1 AND revoked_at IS NULL").bind(ownerId, id, now).run();
  return r.meta.changes > 0;
}
