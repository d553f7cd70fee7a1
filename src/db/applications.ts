// Applications, their contacts, the source messages and planned follow-ups.
// A forward is saved in one batch (D1's only transaction), idempotently: the
// same Message-ID or the same original forwarded again lands on one application.

import type { PlannedStep } from "../pipeline/plan.ts";
import { ensureOwnerStatement } from "./owners.ts";

// Storage caps: enough for any real email, small enough that hostile input can't bloat D1.
export const LIMITS = { text: 100_000, subject: 1_000, note: 10_000, name: 200, field: 500 } as const;

export function cap(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  return value.length > max ? value.slice(0, max) : value;
}

export type ApplicationStatus = "active" | "needs_review" | "paused" | "stopped";

export interface ForwardRecord {
  ownerEmail: string;
  ownerName: string | null;
  originalKey: string;
  messageId: string;
  subject: string;
  note: string | null;
  original: { messageId: string | null; from: string | null; subject: string; date: number | null; text: string };
  company: string | null;
  role: string | null;
  status: ApplicationStatus;
  rejectedAt: number | null;
  confidence: number;
  ats: string | null;
  contacts: { email: string; name: string | null; title: string | null; source: "email" | "note" }[];
  steps: PlannedStep[];
  now: number;
}

export interface ApplicationRow {
  id: number;
  owner_id: number;
  original_key: string;
  company: string | null;
  role: string | null;
  status: ApplicationStatus;
  rejected_at: number | null;
  confidence: number | null;
  ats: string | null;
  dream: number;
  feedback_opt_in: number;
  consulting_opt_in: number;
  created_at: number;
  updated_at: number;
}

export interface ContactRow {
  id: number;
  application_id: number;
  email: string;
  name: string | null;
  title: string | null;
  source: string;
  rapport: number;
}

export interface FollowUpRow {
  id: number;
  application_id: number | null;
  contact_id: number | null;
  step_key: string;
  kind: string;
  due_at: number;
  status: string;
  attempts: number;
  sent_at: number | null;
  last_error: string | null;
  contact_email: string | null;
}

export interface SavedForward {
  duplicateDelivery: boolean;
  application: ApplicationRow;
  contacts: ContactRow[];
  followUps: FollowUpRow[];
}

const OWNER_ID = "(SELECT id FROM owners WHERE email = ?1)";
const APP_ID = `(SELECT id FROM applications WHERE owner_id = ${OWNER_ID} AND original_key = ?2)`;

const FOLLOW_UP_COLUMNS = `f.id, f.application_id, f.contact_id, f.step_key, f.kind, f.due_at, f.status, f.attempts,
  f.sent_at, f.last_error, c.email AS contact_email`;

export async function saveForward(db: D1Database, r: ForwardRecord): Promise<SavedForward> {
  const who = [r.ownerEmail, r.originalKey] as const;
  const statements: D1PreparedStatement[] = [
    ensureOwnerStatement(db, r.ownerEmail, r.now, r.ownerName),
    db.prepare(`SELECT count(*) AS n FROM messages WHERE owner_id = ${OWNER_ID} AND message_id = ?2`).bind(r.ownerEmail, r.messageId),
    db
      .prepare(
        `INSERT INTO applications (owner_id, original_key, company, role, status, rejected_at, confidence, ats, created_at, updated_at)
         VALUES (${OWNER_ID}, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
         ON CONFLICT (owner_id, original_key) DO UPDATE SET
           company = coalesce(applications.company, excluded.company),
           role = coalesce(applications.role, excluded.role),
           ats = coalesce(applications.ats, excluded.ats),
           updated_at = excluded.updated_at`,
      )
      .bind(...who, cap(r.company, LIMITS.field), cap(r.role, LIMITS.field), r.status, r.rejectedAt, r.confidence, r.ats, r.now),
    db
      .prepare(
        `INSERT INTO messages (owner_id, application_id, message_id, kind, subject, note, original_message_id, original_from,
           original_subject, original_date, original_text, received_at)
         VALUES (${OWNER_ID}, ${APP_ID}, ?3, 'forward', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (owner_id, message_id) DO NOTHING`,
      )
      .bind(
        ...who,
        r.messageId,
        cap(r.subject, LIMITS.subject),
        cap(r.note, LIMITS.note),
        cap(r.original.messageId, LIMITS.field),
        cap(r.original.from, LIMITS.field),
        cap(r.original.subject, LIMITS.subject),
        r.original.date,
        cap(r.original.text, LIMITS.text),
        r.now,
      ),
    ...r.contacts.map((c) =>
      db
        .prepare(
          `INSERT INTO contacts (owner_id, application_id, email, name, title, source, created_at)
           VALUES (${OWNER_ID}, ${APP_ID}, ?3, ?4, ?5, ?6, ?7)
           ON CONFLICT (application_id, email) DO UPDATE SET
             name = coalesce(contacts.name, excluded.name),
             title = coalesce(contacts.title, excluded.title)`,
        )
        .bind(...who, cap(c.email, LIMITS.field), cap(c.name, LIMITS.name), cap(c.title, LIMITS.name), c.source, r.now),
    ),
    ...r.steps.map((s) =>
      db
        .prepare(
          `INSERT INTO follow_ups (owner_id, application_id, contact_id, step_key, kind, due_at, status, sent_at, created_at)
           VALUES (${OWNER_ID}, ${APP_ID},
             (SELECT id FROM contacts WHERE application_id = ${APP_ID} AND email = ?3),
             ?4, ?5, ?6, ?7, ?8, ?9)
           ON CONFLICT (owner_id, step_key) DO NOTHING`,
        )
        .bind(...who, s.contactEmail, s.stepKey, s.kind, s.dueAt, s.status, s.status === "sent" ? r.now : null, r.now),
    ),
    db.prepare(`SELECT * FROM applications WHERE id = ${APP_ID}`).bind(...who),
    db.prepare(`SELECT * FROM contacts WHERE application_id = ${APP_ID} ORDER BY id`).bind(...who),
    db
      .prepare(
        `SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id
         WHERE f.application_id = ${APP_ID} ORDER BY f.due_at, f.id`,
      )
      .bind(...who),
  ];
  const results = await db.batch(statements);
  const [appResult, contactsResult, followUpsResult] = results.slice(-3);
  return {
    duplicateDelivery: (results[1]!.results[0] as { n: number }).n > 0,
    application: appResult!.results[0] as unknown as ApplicationRow,
    contacts: contactsResult!.results as unknown as ContactRow[],
    followUps: followUpsResult!.results as unknown as FollowUpRow[],
  };
}

export interface ApplicationFilter {
  status?: ApplicationStatus;
  q?: string;
}

/** Applications of one owner, newest first, with contacts and follow-ups (three queries, one round trip). */
export async function listApplications(db: D1Database, ownerId: number, filter: ApplicationFilter = {}, id?: number) {
  const where = ["a.owner_id = ?1"];
  const params: (string | number)[] = [ownerId];
  if (id !== undefined) {
    params.push(id);
    where.push(`a.id = ?${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`a.status = ?${params.length}`);
  }
  if (filter.q) {
    params.push(`%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(`(a.company LIKE ?${params.length} ESCAPE '\\' OR a.role LIKE ?${params.length} ESCAPE '\\')`);
  }
  const apps = `SELECT a.id FROM applications a WHERE ${where.join(" AND ")}`;
  const [a, c, f] = await db.batch([
    db.prepare(`SELECT a.* FROM applications a WHERE ${where.join(" AND ")} ORDER BY a.created_at DESC, a.id DESC`).bind(...params),
    db.prepare(`SELECT * FROM contacts WHERE application_id IN (${apps}) ORDER BY id`).bind(...params),
    db
      .prepare(
        `SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id
         WHERE f.application_id IN (${apps}) ORDER BY f.due_at, f.id`,
      )
      .bind(...params),
  ]);
  const contacts = groupBy(c!.results as unknown as ContactRow[], (x) => x.application_id);
  const followUps = groupBy(f!.results as unknown as FollowUpRow[], (x) => x.application_id);
  return (a!.results as unknown as ApplicationRow[]).map((app) => ({
    application: app,
    contacts: contacts.get(app.id) ?? [],
    followUps: followUps.get(app.id) ?? [],
  }));
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
