// Follow-ups: inserting planned steps, and the cron's claim/send/retry cycle.

import type { PlannedStep } from "../pipeline/plan.ts";

/** Insert planned steps for an existing application; existing step keys are left alone. */
export function insertStepsStatements(db: D1Database, ownerId: number, applicationId: number, steps: PlannedStep[], now: number): D1PreparedStatement[] {
  return steps.map((s) =>
    db
      .prepare(
        `INSERT INTO follow_ups (owner_id, application_id, contact_id, step_key, kind, due_at, status, sent_at, created_at)
         VALUES (?1, ?2, (SELECT id FROM contacts WHERE application_id = ?2 AND owner_id = ?1 AND email = ?3), ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (owner_id, step_key) DO NOTHING`,
      )
      .bind(ownerId, applicationId, s.contactEmail, s.stepKey, s.kind, s.dueAt, s.status, s.status === "sent" ? now : null, now),
  );
}

/** A claim older than this is from a run that died between claim and send. */
export const STALE_CLAIM_MS = 15 * 60 * 1000;
export const MAX_OWNERS_PER_RUN = 10;
export const MAX_FOLLOW_UPS_PER_RUN = 100;

export interface DueFollowUp {
  id: number;
  owner_id: number;
  owner_email: string;
  owner_name: string | null;
  owner_timezone: string | null;
  application_id: number | null;
  kind: string;
  due_at: number;
  status: string;
  attempts: number;
  step_key: string;
  company: string | null;
  role: string | null;
  rejected_at: number | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_title: string | null;
  /** Who wrote the rejection (the first forward's original sender). */
  original_from: string | null;
  draft_subject: string | null;
  draft_body: string | null;
  landed_company: string | null;
  landed_role: string | null;
  /** The last message rebound drafted to this contact before this one, for context. */
  last_kind: string | null;
  last_at: number | null;
}

// Due: pending (or failing, still retried) and not claimed by a live run, on an
// active application (or none: owner-level steps). The first two terms are the
// WHERE of the partial index follow_ups_claimable (schema.sql), which SQLite
// uses only while they stay in the query as written there.
const DUE = `f.status IN ('pending', 'failed') AND f.claimed_at IS NULL AND f.due_at <= ?1
  AND (f.application_id IS NULL OR EXISTS (SELECT 1 FROM applications a WHERE a.id = f.application_id AND a.status = 'active'))`;

/**
 * Release stale claims, then atomically claim what is due for a few owners, in
 * one batch. An UPDATE is atomic in D1, so two overlapping runs never claim the
 * same row: the second sees claimed_at set.
 *
 * The owner pick walks follow_ups_claimable oldest due first and stops at the
 * tenth owner (the ORDER BY keeps it on that index; which ten owners is not
 * otherwise promised); the claim then takes those owners' due rows through
 * follow_ups_owner_due. A run reads about what it claims, not the backlog.
 */
export async function claimDue(db: D1Database, now: number, claimId: string): Promise<DueFollowUp[]> {
  const [, , details] = await db.batch([
    db.prepare("UPDATE follow_ups SET claimed_at = NULL, claim_id = NULL WHERE claimed_at IS NOT NULL AND claimed_at < ?1").bind(now - STALE_CLAIM_MS),
    db
      .prepare(
        `UPDATE follow_ups SET claimed_at = ?1, claim_id = ?2
         WHERE id IN (
           SELECT f.id FROM follow_ups f
           WHERE ${DUE} AND f.owner_id IN (SELECT DISTINCT f.owner_id FROM follow_ups f WHERE ${DUE} ORDER BY f.due_at LIMIT ${MAX_OWNERS_PER_RUN})
           ORDER BY f.due_at LIMIT ${MAX_FOLLOW_UPS_PER_RUN})`,
      )
      .bind(now, claimId),
    db
      .prepare(
        `SELECT f.id, f.owner_id, o.email AS owner_email, o.name AS owner_name, o.timezone AS owner_timezone, f.application_id, f.kind, f.due_at, f.status, f.attempts, f.step_key,
           a.company, a.role, a.rejected_at, c.name AS contact_name, c.email AS contact_email, c.title AS contact_title,
           (SELECT m.original_from FROM messages m WHERE m.application_id = f.application_id ORDER BY m.id LIMIT 1) AS original_from,
           f.draft_subject, f.draft_body, o.landed_company, o.landed_role,
           (SELECT p.kind FROM follow_ups p WHERE p.contact_id = f.contact_id AND p.status IN ('sent', 'done') AND p.id <> f.id
              ORDER BY p.sent_at DESC LIMIT 1) AS last_kind,
           (SELECT max(p.sent_at) FROM follow_ups p WHERE p.contact_id = f.contact_id AND p.status IN ('sent', 'done') AND p.id <> f.id) AS last_at
         FROM follow_ups f
         JOIN owners o ON o.id = f.owner_id
         LEFT JOIN applications a ON a.id = f.application_id
         LEFT JOIN contacts c ON c.id = f.contact_id
         WHERE f.claim_id = ?1
         ORDER BY f.owner_id, f.application_id, f.due_at`,
      )
      .bind(claimId),
  ]);
  return details!.results as unknown as DueFollowUp[];
}

export function markSentStatements(db: D1Database, ids: number[], claimId: string, now: number): D1PreparedStatement[] {
  return ids.map((id) =>
    db
      .prepare("UPDATE follow_ups SET status = 'sent', sent_at = ?3, claimed_at = NULL, claim_id = NULL, last_error = NULL WHERE id = ?1 AND claim_id = ?2")
      .bind(id, claimId, now),
  );
}

export const MAX_ATTEMPTS_BEFORE_FAILED = 5;

/** Backoff: 1 h, 2 h, 4 h ... capped at a day. A failing step keeps being retried, never dropped. */
export function retryDelay(attempts: number): number {
  return Math.min(60 * 60 * 1000 * 2 ** Math.max(0, attempts - 1), 24 * 60 * 60 * 1000);
}

export function markFailedStatements(db: D1Database, rows: { id: number; attempts: number }[], claimId: string, now: number, error: string): D1PreparedStatement[] {
  return rows.map((r) => {
    const attempts = r.attempts + 1;
    return db
      .prepare(
        `UPDATE follow_ups SET attempts = ?3, due_at = ?4, status = ?5, last_error = ?6, claimed_at = NULL, claim_id = NULL
         WHERE id = ?1 AND claim_id = ?2`,
      )
      .bind(r.id, claimId, attempts, now + retryDelay(attempts), attempts >= MAX_ATTEMPTS_BEFORE_FAILED ? "failed" : "pending", error.slice(0, 500));
  });
}

/** The owner's next planned step after this run, for "what comes next". */
export async function nextPending(db: D1Database, ownerId: number, after: number): Promise<{ kind: string; due_at: number } | null> {
  return db
    .prepare("SELECT kind, due_at FROM follow_ups WHERE owner_id = ?1 AND status = 'pending' AND due_at > ?2 ORDER BY due_at LIMIT 1")
    .bind(ownerId, after)
    .first();
}

export function releaseClaimStatements(db: D1Database, ids: number[], claimId: string): D1PreparedStatement[] {
  return ids.map((id) => db.prepare("UPDATE follow_ups SET claimed_at = NULL, claim_id = NULL WHERE id = ?1 AND claim_id = ?2").bind(id, claimId));
}

/**
 * The steps an email carried that never went out (the thank-you notes of a
 * digest whose reply failed): pending again and due now, so the next cron run
 * sends them instead of their being marked sent.
 */
export function undeliveredStepsStatement(db: D1Database, outboxId: number, now: number): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE follow_ups SET status = 'pending', sent_at = NULL, due_at = ?2
       WHERE status = 'sent' AND id IN (SELECT follow_up_id FROM outbox_follow_ups WHERE outbox_id = ?1)`,
    )
    .bind(outboxId, now);
}
