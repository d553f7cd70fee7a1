// SQL behind the owner's corrections and controls (reply commands and the
// dashboard share these). Every statement is scoped by owner_id.

import { LIMITS, cap, type ApplicationRow, type ApplicationStatus, type ContactRow } from "./applications.ts";

export async function getApplication(db: D1Database, ownerId: number, id: number): Promise<ApplicationRow | null> {
  return db.prepare("SELECT * FROM applications WHERE id = ?1 AND owner_id = ?2").bind(id, ownerId).first<ApplicationRow>();
}

export async function getContacts(db: D1Database, ownerId: number, applicationId: number): Promise<ContactRow[]> {
  const { results } = await db
    .prepare("SELECT * FROM contacts WHERE application_id = ?1 AND owner_id = ?2 ORDER BY id")
    .bind(applicationId, ownerId)
    .all<ContactRow>();
  return results;
}

export interface ApplicationPatch {
  company?: string;
  role?: string | null;
  status?: ApplicationStatus;
  dream?: boolean;
  feedbackOptIn?: boolean;
  consultingOptIn?: boolean;
}

export function updateApplicationStatement(db: D1Database, ownerId: number, id: number, patch: ApplicationPatch, now: number): D1PreparedStatement {
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  const set = (column: string, value: string | number | null) => {
    values.push(value);
    sets.push(`${column} = ?${values.length + 3}`);
  };
  if (patch.company !== undefined) set("company", cap(patch.company, LIMITS.field));
  if (patch.role !== undefined) set("role", cap(patch.role, LIMITS.field));
  if (patch.status !== undefined) set("status", patch.status);
  if (patch.dream !== undefined) set("dream", patch.dream ? 1 : 0);
  if (patch.feedbackOptIn !== undefined) set("feedback_opt_in", patch.feedbackOptIn ? 1 : 0);
  if (patch.consultingOptIn !== undefined) set("consulting_opt_in", patch.consultingOptIn ? 1 : 0);
  return db
    .prepare(`UPDATE applications SET ${[...sets, "updated_at = ?3"].join(", ")} WHERE id = ?1 AND owner_id = ?2`)
    .bind(id, ownerId, now, ...values);
}

/** Pending steps of an application (or of given ids) become skipped or done. */
export function closeFollowUpsStatement(
  db: D1Database,
  ownerId: number,
  target: { applicationId: number } | { ids: number[] },
  status: "skipped" | "done",
  kinds?: string[],
): D1PreparedStatement {
  const open = status === "done" ? "('pending', 'sent', 'failed')" : "('pending', 'failed')";
  // ?4: a JSON list of kinds to limit to, or null for all.
  const kindFilter = "AND (?4 IS NULL OR kind IN (SELECT value FROM json_each(?4)))";
  const kindList = kinds?.length ? JSON.stringify(kinds) : null;
  if ("applicationId" in target) {
    return db
      .prepare(`UPDATE follow_ups SET status = ?3, claimed_at = NULL WHERE owner_id = ?1 AND application_id = ?2 AND status IN ${open} ${kindFilter}`)
      .bind(ownerId, target.applicationId, status, kindList);
  }
  // Marking a thank-you done also closes its reminder (same application and contact).
  return db
    .prepare(
      `UPDATE follow_ups SET status = ?3, claimed_at = NULL
       WHERE owner_id = ?1 AND status IN ${open} ${kindFilter} AND (
         id IN (SELECT value FROM json_each(?2))
         OR (?3 = 'done' AND kind = 'thank-you' AND (application_id, coalesce(contact_id, 0)) IN (
           SELECT application_id, coalesce(contact_id, 0) FROM follow_ups
           WHERE owner_id = ?1 AND kind = 'thank-you' AND id IN (SELECT value FROM json_each(?2)))))`,
    )
    .bind(ownerId, JSON.stringify(target.ids.map(Number)), status, kindList);
}

export async function pendingFollowUps(db: D1Database, ownerId: number, target: { applicationId: number } | { ids: number[] }) {
  const where = "applicationId" in target ? "application_id = ?2" : "id IN (SELECT value FROM json_each(?2))";
  const value = "applicationId" in target ? target.applicationId : JSON.stringify(target.ids.map(Number));
  const { results } = await db
    .prepare(`SELECT id, due_at FROM follow_ups WHERE owner_id = ?1 AND ${where} AND status IN ('pending', 'failed')`)
    .bind(ownerId, value)
    .all<{ id: number; due_at: number }>();
  return results;
}

/** Planned steps not yet tried (failing ones keep their backoff). */
export async function ownerPendingFollowUps(db: D1Database, ownerId: number) {
  const { results } = await db
    .prepare("SELECT id, due_at FROM follow_ups WHERE owner_id = ?1 AND status = 'pending' AND attempts = 0 AND claimed_at IS NULL")
    .bind(ownerId)
    .all<{ id: number; due_at: number }>();
  return results;
}

export function setDueStatement(db: D1Database, ownerId: number, id: number, dueAt: number): D1PreparedStatement {
  return db.prepare("UPDATE follow_ups SET due_at = ?3 WHERE id = ?1 AND owner_id = ?2 AND status IN ('pending', 'failed')").bind(id, ownerId, dueAt);
}

export function upsertContactStatement(
  db: D1Database,
  ownerId: number,
  applicationId: number,
  c: { email: string; name: string | null; title: string | null },
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO contacts (owner_id, application_id, email, name, title, source, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, 'manual', ?6 WHERE EXISTS (SELECT 1 FROM applications WHERE id = ?2 AND owner_id = ?1)
       ON CONFLICT (application_id, email) DO UPDATE SET name = coalesce(excluded.name, contacts.name), title = coalesce(excluded.title, contacts.title)`,
    )
    .bind(ownerId, applicationId, cap(c.email, LIMITS.field), cap(c.name, LIMITS.name), cap(c.title, LIMITS.name), now);
}

export function removeContactStatement(db: D1Database, ownerId: number, applicationId: number, email: string): D1PreparedStatement {
  return db.prepare("DELETE FROM contacts WHERE owner_id = ?1 AND application_id = ?2 AND email = ?3").bind(ownerId, applicationId, email);
}

export function setRapportStatement(db: D1Database, ownerId: number, applicationId: number, email: string, on: boolean): D1PreparedStatement {
  return db
    .prepare("UPDATE contacts SET rapport = ?4 WHERE owner_id = ?1 AND application_id = ?2 AND email = ?3")
    .bind(ownerId, applicationId, email, on ? 1 : 0);
}

export function deleteApplicationStatements(db: D1Database, ownerId: number, id: number): D1PreparedStatement[] {
  return [
    // Keep the outbox record, but let a later forward of the same email be answered again.
    db.prepare("UPDATE outbox SET in_reply_to = NULL WHERE application_id = ?1 AND owner_id = ?2 AND kind = 'digest'").bind(id, ownerId),
    db.prepare("DELETE FROM applications WHERE id = ?1 AND owner_id = ?2").bind(id, ownerId),
  ];
}

/** Everything of one owner goes: foreign keys cascade from owners to every table. */
export function deleteOwnerStatement(db: D1Database, ownerId: number): D1PreparedStatement {
  return db.prepare("DELETE FROM owners WHERE id = ?1").bind(ownerId);
}

export function setLandedStatements(db: D1Database, ownerId: number, company: string, role: string | null, now: number): D1PreparedStatement[] {
  return [
    db
      .prepare("UPDATE owners SET landed_at = ?2, landed_company = ?3, landed_role = ?4 WHERE id = ?1")
      .bind(ownerId, now, cap(company, LIMITS.field), cap(role, LIMITS.field)),
    // "Still interested if the role reopens" no longer fits once they have a job.
    db.prepare("UPDATE follow_ups SET status = 'skipped' WHERE owner_id = ?1 AND kind IN ('check-in', 'feedback-request') AND status IN ('pending', 'failed')").bind(ownerId),
  ];
}

/** Every contact of the owner, across applications, for the landed update. */
export async function allContacts(db: D1Database, ownerId: number) {
  const { results } = await db
    .prepare(
      `SELECT c.id, c.email, c.application_id, a.original_key FROM contacts c JOIN applications a ON a.id = c.application_id
       WHERE c.owner_id = ?1 AND a.status <> 'needs_review' ORDER BY c.id`,
    )
    .bind(ownerId)
    .all<{ id: number; email: string; application_id: number; original_key: string }>();
  return results;
}
