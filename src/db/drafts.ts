// The owner's own edit of a follow-up's draft (subject and body). Null puts
// rebound's generated draft back. The cron sends the edit when there is one.

import { cap, LIMITS } from "./applications.ts";

/** False when the follow-up is not this owner's. */
export async function setDraft(db: D1Database, ownerId: number, followUpId: number, subject: string | null, body: string | null): Promise<boolean> {
  const r = await db
    .prepare("UPDATE follow_ups SET draft_subject = ?3, draft_body = ?4 WHERE owner_id = ?1 AND id = ?2")
    .bind(ownerId, followUpId, cap(subject, LIMITS.subject), cap(body, LIMITS.note))
    .run();
  return r.meta.changes > 0;
}
