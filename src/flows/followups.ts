// The cron's work: claim what is due, send each owner one email with all of
// it, record it in the outbox, and retry failures with backoff.

import type { Config } from "../config.ts";
import { claimDue, markFailedStatements, markSentStatements, nextPending, releaseClaimStatements, type DueFollowUp } from "../db/followups.ts";
import { claimOutbox, markOutboxFailed, markOutboxSent } from "../db/outbox.ts";
import { composeFollowUpDigest, type DigestItem } from "../mail/followups-digest.ts";
import { formatDate, KIND_LABELS } from "../mail/format.ts";
import { newMessageId, sendMail } from "../mail/send.ts";
import { draftMessage, mailtoLink, type Draft } from "../pipeline/draft.ts";
import type { FollowUpKind } from "../pipeline/plan.ts";

export interface RunReport {
  claimed: number;
  sent: number;
  failed: number;
  deferred: number;
  owners: number;
}

function draftFor(row: DueFollowUp): Draft {
  const contact = row.contact_email ? { name: row.contact_name, email: row.contact_email, title: row.contact_title } : null;
  const draft = draftMessage({
    kind: row.kind as FollowUpKind,
    company: row.company,
    role: row.role,
    contact,
    ownerName: row.owner_name,
    rejectedAt: row.rejected_at,
    wroteRejection: contact !== null && contact.email === row.original_from,
    landed: row.landed_company ? { company: row.landed_company, role: row.landed_role } : null,
  });
  // The owner's own edit of this draft wins.
  if (row.draft_subject || row.draft_body) {
    const subject = row.draft_subject ?? draft.subject;
    const body = row.draft_body ?? draft.body;
    return { ...draft, subject, body, mailto: draft.mailto === null ? null : mailtoLink(draft.to, subject, body) };
  }
  return draft;
}

function contextOf(row: DueFollowUp, timezone: string): string {
  const parts = [row.rejected_at ? `rejected on ${formatDate(row.rejected_at, timezone)}` : null];
  if (row.last_kind && row.last_at) parts.push(`your last note to ${row.contact_name ?? row.contact_email}: ${(KIND_LABELS[row.last_kind] ?? row.last_kind).toLowerCase()} on ${formatDate(row.last_at, timezone)}`);
  const text = parts.filter(Boolean).join("; ");
  return text ? text[0]!.toUpperCase() + text.slice(1) + "." : "";
}

export async function sendDueFollowUps(db: D1Database, mailer: SendEmail, config: Config, now: number): Promise<RunReport> {
  const claimId = crypto.randomUUID();
  const due = await claimDue(db, now, claimId);
  const byOwner = new Map<number, DueFollowUp[]>();
  for (const row of due) {
    const rows = byOwner.get(row.owner_id);
    if (rows) rows.push(row);
    else byOwner.set(row.owner_id, [row]);
  }
  const report: RunReport = { claimed: due.length, sent: 0, failed: 0, deferred: 0, owners: byOwner.size };

  for (const [ownerId, rows] of byOwner) {
    const owner = rows[0]!.owner_email;
    const timezone = rows[0]!.owner_timezone ?? config.timezone;
    const items: DigestItem[] = rows.map((r) => ({
      followUpId: r.id,
      applicationId: r.application_id,
      company: r.company,
      role: r.role,
      draft: draftFor(r),
      context: contextOf(r, timezone),
      reminder: r.step_key.includes("/thank-you-reminder/"),
      failedBefore: r.attempts > 0,
    }));
    const next = await nextPending(db, ownerId, now);
    const mail = composeFollowUpDigest(items, next ? { kind: next.kind, dueAt: next.due_at } : null, timezone);
    const messageId = newMessageId(config.forwardAddress);
    const outboxId = await claimOutbox(db, {
      ownerId,
      applicationId: new Set(rows.map((r) => r.application_id)).size === 1 ? rows[0]!.application_id : null,
      kind: "followups",
      to: owner,
      subject: mail.subject,
      messageId,
      inReplyTo: null,
      followUpIds: rows.map((r) => r.id),
      now,
    }, config.maxOutboundPerDay);
    if (outboxId === null) {
      // The owner's daily cap is reached: leave these for a later run, without counting a failed attempt.
      await db.batch(releaseClaimStatements(db, rows.map((r) => r.id), claimId));
      report.deferred += rows.length;
      continue;
    }
    try {
      await sendMail(mailer, {
        from: { name: "rebound", address: config.forwardAddress },
        to: owner,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
        date: new Date(now),
        autoSubmitted: true,
      });
      await db.batch([...markSentStatements(db, rows.map((r) => r.id), claimId, now), markOutboxSent(db, outboxId, now)]);
      report.sent += rows.length;
    } catch (error) {
      console.error("rebound: sending follow-ups failed", error);
      const message = error instanceof Error ? error.message : String(error);
      await db.batch([...markFailedStatements(db, rows, claimId, now, message), markOutboxFailed(db, outboxId, message)]);
      report.failed += rows.length;
    }
  }
  return report;
}
