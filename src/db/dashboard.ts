// Reads for the dashboard, the calendar feed and the export. Every query is
// scoped to one owner: another owner's id reads as "not found".

import type { ApplicationRow, ContactRow, FollowUpRow } from "./applications.ts";
import type { OutboxRow } from "./outbox.ts";
import type { OwnerRow } from "./owners.ts";

export interface FollowUpDetailRow extends FollowUpRow {
  claimed_at: number | null;
  draft_subject: string | null;
  draft_body: string | null;
  created_at: number;
  contact_name: string | null;
  contact_title: string | null;
}

export interface MessageRow {
  id: number;
  application_id: number | null;
  message_id: string;
  kind: string;
  subject: string | null;
  note: string | null;
  original_from: string | null;
  original_subject: string | null;
  original_date: number | null;
  original_text: string | null;
  received_at: number;
}

export interface ApplicationDetail {
  application: ApplicationRow;
  contacts: ContactRow[];
  followUps: FollowUpDetailRow[];
  messages: MessageRow[];
  outbox: OutboxRow[];
}

const FOLLOW_UP_DETAIL = `SELECT f.id, f.application_id, f.contact_id, f.step_key, f.kind, f.due_at, f.status, f.attempts, f.sent_at,
  f.last_error, f.claimed_at, f.draft_subject, f.draft_body, f.created_at,
  c.email AS contact_email, c.name AS contact_name, c.title AS contact_title
  FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id`;

const OUTBOX = `SELECT o.*, (SELECT group_concat(follow_up_id) FROM outbox_follow_ups WHERE outbox_id = o.id) AS follow_up_ids FROM outbox o`;

/** One application with everything the page shows, or null (missing or another owner's). */
export async function getApplicationDetail(db: D1Database, ownerId: number, id: number): Promise<ApplicationDetail | null> {
  const [a, c, f, m, o] = await db.batch([
    db.prepare("SELECT * FROM applications WHERE owner_id = ?1 AND id = ?2").bind(ownerId, id),
    db.prepare("SELECT * FROM contacts WHERE owner_id = ?1 AND application_id = ?2 ORDER BY id").bind(ownerId, id),
    db.prepare(`${FOLLOW_UP_DETAIL} WHERE f.owner_id = ?1 AND f.application_id = ?2 ORDER BY f.due_at, f.id`).bind(ownerId, id),
    db.prepare("SELECT * FROM messages WHERE owner_id = ?1 AND application_id = ?2 ORDER BY received_at, id").bind(ownerId, id),
    db.prepare(`${OUTBOX} WHERE o.owner_id = ?1 AND o.application_id = ?2 ORDER BY o.created_at DESC, o.id DESC`).bind(ownerId, id),
  ]);
  const application = a!.results[0] as ApplicationRow | undefined;
  if (!application) return null;
  return {
    application,
    contacts: c!.results as unknown as ContactRow[],
    followUps: f!.results as unknown as FollowUpDetailRow[],
    messages: m!.results as unknown as MessageRow[],
    outbox: o!.results as unknown as OutboxRow[],
  };
}

/** One follow-up of this owner, or null. */
export async function getFollowUp(db: D1Database, ownerId: number, id: number): Promise<FollowUpDetailRow | null> {
  return db.prepare(`${FOLLOW_UP_DETAIL} WHERE f.owner_id = ?1 AND f.id = ?2`).bind(ownerId, id).first<FollowUpDetailRow>();
}

export interface CalendarItem extends FollowUpDetailRow {
  company: string | null;
  role: string | null;
  rejected_at: number | null;
}

/** Pending follow-ups that will be sent: on active applications, or owner-level ones. */
export async function listUpcomingFollowUps(db: D1Database, ownerId: number, limit = 1000): Promise<CalendarItem[]> {
  const { results } = await db
    .prepare(
      `SELECT f.id, f.application_id, f.contact_id, f.step_key, f.kind, f.due_at, f.status, f.attempts, f.sent_at,
         f.last_error, f.claimed_at, f.draft_subject, f.draft_body, f.created_at,
         c.email AS contact_email, c.name AS contact_name, c.title AS contact_title,
         a.company, a.role, a.rejected_at
       FROM follow_ups f
       LEFT JOIN contacts c ON c.id = f.contact_id
       LEFT JOIN applications a ON a.id = f.application_id
       WHERE f.owner_id = ?1 AND f.status = 'pending' AND (a.id IS NULL OR a.status = 'active')
       ORDER BY f.due_at, f.id LIMIT ?2`,
    )
    .bind(ownerId, limit)
    .all<CalendarItem>();
  return results;
}

export interface OwnerData {
  owner: OwnerRow;
  applications: ApplicationRow[];
  contacts: ContactRow[];
  followUps: FollowUpDetailRow[];
  messages: MessageRow[];
  outbox: OutboxRow[];
}

/** Everything stored for one owner (for export), in one round trip. */
export async function readOwnerData(db: D1Database, ownerId: number): Promise<OwnerData | null> {
  const [o, a, c, f, m, x] = await db.batch([
    db.prepare("SELECT * FROM owners WHERE id = ?1").bind(ownerId),
    db.prepare("SELECT * FROM applications WHERE owner_id = ?1 ORDER BY created_at DESC, id DESC").bind(ownerId),
    db.prepare("SELECT * FROM contacts WHERE owner_id = ?1 ORDER BY application_id, id").bind(ownerId),
    db.prepare(`${FOLLOW_UP_DETAIL} WHERE f.owner_id = ?1 ORDER BY f.application_id, f.due_at, f.id`).bind(ownerId),
    db.prepare("SELECT * FROM messages WHERE owner_id = ?1 ORDER BY received_at, id").bind(ownerId),
    db.prepare(`${OUTBOX} WHERE o.owner_id = ?1 ORDER BY o.created_at DESC, o.id DESC`).bind(ownerId),
  ]);
  const owner = o!.results[0] as OwnerRow | undefined;
  if (!owner) return null;
  return {
    owner,
    applications: a!.results as unknown as ApplicationRow[],
    contacts: c!.results as unknown as ContactRow[],
    followUps: f!.results as unknown as FollowUpDetailRow[],
    messages: m!.results as unknown as MessageRow[],
    outbox: x!.results as unknown as OutboxRow[],
  };
}
