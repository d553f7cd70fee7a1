// Export: three CSV tables (applications, contacts, follow-ups) and one JSON
// document with everything stored for the owner. Pure: the data comes in.

import type { OwnerData } from "../db/dashboard.ts";
import { toCsv } from "./csv.ts";

export const CSV_TABLES = ["applications", "contacts", "follow-ups"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export function exportCsv(data: OwnerData, table: CsvTable): string {
  const company = new Map(data.applications.map((a) => [a.id, a.company]));
  switch (table) {
    case "applications": {
      const next = new Map<number, { kind: string; due_at: number }>();
      for (const f of data.followUps) {
        if (f.status !== "pending" || f.application_id === null) continue;
        const seen = next.get(f.application_id);
        if (!seen || f.due_at < seen.due_at) next.set(f.application_id, f);
      }
      return toCsv(
        ["id", "company", "role", "status", "rejected_at", "dream_company", "feedback_opt_in", "ats", "contacts", "next_step", "next_due_at", "created_at", "updated_at"],
        data.applications.map((a) => [
          a.id,
          a.company,
          a.role,
          a.status,
          iso(a.rejected_at),
          a.dream === 1,
          a.feedback_opt_in === 1,
          a.ats,
          data.contacts.filter((c) => c.application_id === a.id).length,
          next.get(a.id)?.kind,
          iso(next.get(a.id)?.due_at),
          iso(a.created_at),
          iso(a.updated_at),
        ]),
      );
    }
    case "contacts":
      return toCsv(
        ["id", "application_id", "company", "name", "email", "title", "rapport", "source"],
        data.contacts.map((c) => [c.id, c.application_id, company.get(c.application_id), c.name, c.email, c.title, c.rapport === 1, c.source]),
      );
    case "follow-ups":
      return toCsv(
        ["id", "application_id", "company", "kind", "status", "due_at", "sent_at", "contact_name", "contact_email", "attempts", "last_error", "draft_subject", "draft_body"],
        data.followUps.map((f) => [
          f.id,
          f.application_id,
          f.application_id === null ? null : company.get(f.application_id),
          f.kind,
          f.status,
          iso(f.due_at),
          iso(f.sent_at),
          f.contact_name,
          f.contact_email,
          f.attempts,
          f.last_error,
          f.draft_subject,
          f.draft_body,
        ]),
      );
  }
}

export function exportJson(data: OwnerData, now: number) {
  const { owner } = data;
  return {
    exportedAt: iso(now),
    owner: {
      email: owner.email,
      timezone: owner.timezone,
      sendHour: owner.send_hour,
      sendDays: owner.send_days.split(",").filter(Boolean).map(Number),
      cadence: owner.cadence ? (JSON.parse(owner.cadence) as unknown) : null,
      landedAt: iso(owner.landed_at),
      landedCompany: owner.landed_company,
      landedRole: owner.landed_role,
    },
    applications: data.applications.map((a) => ({
      id: a.id,
      company: a.company,
      role: a.role,
      status: a.status,
      rejectedAt: iso(a.rejected_at),
      dream: a.dream === 1,
      feedbackOptIn: a.feedback_opt_in === 1,
      consultingOptIn: a.consulting_opt_in === 1,
      ats: a.ats,
      confidence: a.confidence,
      createdAt: iso(a.created_at),
      updatedAt: iso(a.updated_at),
      contacts: data.contacts
        .filter((c) => c.application_id === a.id)
        .map((c) => ({ id: c.id, name: c.name, email: c.email, title: c.title, rapport: c.rapport === 1, source: c.source })),
      followUps: data.followUps.filter((f) => f.application_id === a.id).map(followUpJson),
      messages: data.messages
        .filter((m) => m.application_id === a.id)
        .map((m) => ({
          id: m.id,
          kind: m.kind,
          subject: m.subject,
          note: m.note,
          receivedAt: iso(m.received_at),
          original: { from: m.original_from, subject: m.original_subject, date: iso(m.original_date), text: m.original_text },
        })),
    })),
    followUps: data.followUps.filter((f) => f.application_id === null).map(followUpJson),
    outbox: data.outbox.map((o) => ({
      id: o.id,
      kind: o.kind,
      to: o.to_addr,
      subject: o.subject,
      status: o.status,
      error: o.error,
      attempts: o.attempts,
      sentAt: iso(o.sent_at),
      createdAt: iso(o.created_at),
      applicationId: o.application_id,
      followUpIds: o.follow_up_ids ? o.follow_up_ids.split(",").map(Number) : [],
    })),
  };
}

function followUpJson(f: OwnerData["followUps"][number]) {
  return {
    id: f.id,
    kind: f.kind,
    status: f.status,
    dueAt: iso(f.due_at),
    sentAt: iso(f.sent_at),
    contactEmail: f.contact_email,
    attempts: f.attempts,
    lastError: f.last_error,
    draft: f.draft_subject !== null || f.draft_body !== null ? { subject: f.draft_subject, body: f.draft_body } : null,
  };
}
