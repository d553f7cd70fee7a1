// The outbox: every email rebound sends, recorded before it is sent so a crash
// or a duplicate delivery can never send twice or lose the record.

export interface OutboxEntry {
  ownerId: number;
  applicationId: number | null;
  kind: string;
  to: string;
  subject: string;
  messageId: string;
  inReplyTo: string | null;
  followUpIds?: number[];
  now: number;
}

/**
 * Reserve the right to send. Returns the outbox id, or null when the same
 * reply (owner, kind, in-reply-to) was already sent or is being sent, or the
 * owner's daily cap is reached. A reply that failed before, or whose claim went
 * stale, may be claimed again.
 */
/** A reply still "retrying" after this long was claimed by a run that died before settling it. */
export const STALE_REPLY_CLAIM_MS = 15 * 60 * 1000;

export async function claimOutbox(db: D1Database, e: OutboxEntry, maxPerDay: number): Promise<number | null> {
  // Also refused past the owner's daily cap, so a mail loop can't run up costs.
  const insert = db
    .prepare(
      `INSERT INTO outbox (owner_id, application_id, kind, to_addr, subject, message_id, in_reply_to, status, attempts, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, 'retrying', 1, ?8
       WHERE (SELECT count(*) FROM outbox WHERE owner_id = ?1 AND created_at > ?8 - 86400000) < ?9
       ON CONFLICT (owner_id, kind, in_reply_to) DO UPDATE SET
         attempts = outbox.attempts + 1, status = 'retrying', message_id = excluded.message_id, subject = excluded.subject,
         created_at = excluded.created_at
       -- A failed reply may be tried again; so may one whose sender died mid-send (claimed long ago, never settled).
       WHERE outbox.status = 'failed' OR (outbox.status = 'retrying' AND outbox.created_at < ?8 - ${STALE_REPLY_CLAIM_MS})
       RETURNING id`,
    )
    .bind(e.ownerId, e.applicationId, e.kind, e.to, e.subject, e.messageId, e.inReplyTo, e.now, maxPerDay);
  const links = (e.followUpIds ?? []).map((f) =>
    db
      .prepare("INSERT OR IGNORE INTO outbox_follow_ups (outbox_id, follow_up_id) SELECT id, ?2 FROM outbox WHERE message_id = ?1")
      .bind(e.messageId, f),
  );
  const [row] = await db.batch([insert, ...links]);
  const id = (row!.results[0] as { id: number } | undefined)?.id;
  return id ?? null;
}

export function markOutboxSent(db: D1Database, id: number, now: number): D1PreparedStatement {
  return db.prepare("UPDATE outbox SET status = 'sent', sent_at = ?2, error = NULL WHERE id = ?1").bind(id, now);
}

export function markOutboxFailed(db: D1Database, id: number, error: string): D1PreparedStatement {
  return db.prepare("UPDATE outbox SET status = 'failed', error = ?2 WHERE id = ?1").bind(id, error.slice(0, 500));
}

export interface OutboxRow {
  id: number;
  kind: string;
  to_addr: string;
  subject: string;
  message_id: string;
  status: string;
  error: string | null;
  attempts: number;
  sent_at: number | null;
  created_at: number;
  application_id: number | null;
  follow_up_ids: string | null;
}

export async function listOutbox(db: D1Database, ownerId: number, limit = 200): Promise<OutboxRow[]> {
  const { results } = await db
    .prepare(
      `SELECT o.*, (SELECT group_concat(follow_up_id) FROM outbox_follow_ups WHERE outbox_id = o.id) AS follow_up_ids
       FROM outbox o WHERE o.owner_id = ?1 ORDER BY o.created_at DESC, o.id DESC LIMIT ?2`,
    )
    .bind(ownerId, limit)
    .all<OutboxRow>();
  return results;
}

/** Is this Message-ID one of ours, sent to this owner? Used to recognise replies carrying commands. */
export async function findOutboxByMessageIds(
  db: D1Database,
  ownerId: number,
  ids: string[],
): Promise<{ id: number; kind: string; application_id: number | null } | null> {
  const unique = [...new Set(ids)].slice(0, 50);
  if (unique.length === 0) return null;
  const marks = unique.map((_, i) => `?${i + 2}`).join(", ");
  return db
    .prepare(`SELECT id, kind, application_id FROM outbox WHERE owner_id = ?1 AND message_id IN (${marks}) ORDER BY id DESC LIMIT 1`)
    .bind(ownerId, ...unique)
    .first();
}

/** What one of our emails covered: its application and the follow-ups it carried. */
export async function outboxTargets(db: D1Database, ownerId: number, outboxId: number) {
  const { results } = await db
    .prepare(
      `SELECT f.id, f.application_id FROM outbox_follow_ups l JOIN follow_ups f ON f.id = l.follow_up_id
       WHERE l.outbox_id = ?1 AND f.owner_id = ?2`,
    )
    .bind(outboxId, ownerId)
    .all<{ id: number; application_id: number | null }>();
  return results;
}

