// Inbound messages other than forwards (those are saved with their application).

import { LIMITS, cap } from "./applications.ts";

/** Record a command reply once; false when this Message-ID was already handled. */
export async function recordCommandMessage(db: D1Database, ownerId: number, messageId: string, subject: string, now: number): Promise<boolean> {
  const row = await db
    .prepare(
      `INSERT INTO messages (owner_id, message_id, kind, subject, received_at) VALUES (?1, ?2, 'command', ?3, ?4)
       ON CONFLICT (owner_id, message_id) DO NOTHING RETURNING id`,
    )
    .bind(ownerId, messageId, cap(subject, LIMITS.subject), now)
    .first();
  return row !== null;
}

/** Forwards and replies an owner sent in the last 24 hours. */
export async function inboundToday(db: D1Database, ownerEmail: string, now: number): Promise<number> {
  const row = await db
    .prepare("SELECT count(*) AS n FROM messages WHERE owner_id = (SELECT id FROM owners WHERE email = ?1) AND received_at > ?2")
    .bind(ownerEmail, now - 86_400_000)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
