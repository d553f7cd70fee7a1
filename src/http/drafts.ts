// The draft of one follow-up as the owner will get it: rebound's text from
// draftMessage, or the owner's own edit, with a mailto: link for either.

import type { ApplicationRow } from "../db/applications.ts";
import type { OwnerRow } from "../db/owners.ts";
import { draftMessage, mailtoLink, type Draft } from "../pipeline/draft.ts";
import type { FollowUpKind } from "../pipeline/plan.ts";

export interface DraftSource {
  kind: string;
  contact_email: string | null;
  contact_name: string | null;
  contact_title: string | null;
  draft_subject: string | null;
  draft_body: string | null;
}

/**
 * `originalFrom` (the rejection's sender, when known) words the thank-you as the digest did:
 * its writer is thanked for letting you know, everyone else for their time.
 */
export function draftFor(
  f: DraftSource,
  app: Pick<ApplicationRow, "company" | "role" | "rejected_at"> | null,
  owner: OwnerRow,
  originalFrom?: string | null,
): Draft & { edited: boolean } {
  const draft = draftMessage({
    kind: f.kind as FollowUpKind,
    company: app?.company ?? null,
    role: app?.role ?? null,
    contact: f.contact_email ? { email: f.contact_email, name: f.contact_name, title: f.contact_title } : null,
    ownerName: owner.name ?? null,
    rejectedAt: app?.rejected_at ?? null,
    ...(originalFrom !== undefined ? { wroteRejection: !f.contact_email || f.contact_email.toLowerCase() === originalFrom?.toLowerCase() } : {}),
    landed: owner.landed_company ? { company: owner.landed_company, role: owner.landed_role } : null,
  });
  const edited = f.draft_subject !== null || f.draft_body !== null;
  if (!edited) return { ...draft, edited };
  const subject = f.draft_subject ?? draft.subject;
  const body = f.draft_body ?? draft.body;
  return { ...draft, subject, body, mailto: draft.mailto === null ? null : mailtoLink(draft.to, subject, body), edited };
}
