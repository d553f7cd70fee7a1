// Editing a person's name and title in place. Adding, removing and rapport go
// through flows/steer.ts, which also re-plans; a name or title changes no plan.

import { cap, LIMITS, type ContactRow } from "./applications.ts";

/** Returns the updated contact, or null when it is not this owner's (or not on that application). */
export async function updateContact(
  db: D1Database,
  ownerId: number,
  applicationId: number,
  contactId: number,
  patch: { name?: string | null; title?: string | null },
): Promise<ContactRow | null> {
  return db
    .prepare(
      `UPDATE contacts SET
         name = CASE WHEN ?4 THEN ?5 ELSE name END,
         title = CASE WHEN ?6 THEN ?7 ELSE title END
       WHERE owner_id = ?1 AND application_id = ?2 AND id = ?3
       RETURNING *`,
    )
    .bind(ownerId, applicationId, contactId, patch.name !== undefined ? 1 : 0, cap(patch.name ?? null, LIMITS.name), patch.title !== undefined ? 1 : 0, cap(patch.title ?? null, LIMITS.name))
    .first<ContactRow>();
}

export async function getContact(db: D1Database, ownerId: number, applicationId: number, contactId: number): Promise<ContactRow | null> {
  return db.prepare("SELECT * FROM contacts WHERE owner_id = ?1 AND application_id = ?2 AND id = ?3").bind(ownerId, applicationId, contactId).first<ContactRow>();
}
