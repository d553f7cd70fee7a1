// The JSON API (DESIGN.md, Contracts). Every route is scoped to the caller's owner.

import { Hono } from "hono";
import { listApplications, type ApplicationRow, type ContactRow, type FollowUpRow } from "../db/applications.ts";
import { listOutbox, type OutboxRow } from "../db/outbox.ts";
import { requireApiAuth, type AppEnv } from "./auth.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function applicationJson(a: { application: ApplicationRow; contacts: ContactRow[]; followUps: FollowUpRow[] }) {
  return {
    id: a.application.id,
    company: a.application.company,
    role: a.application.role,
    status: a.application.status,
    rejectedAt: iso(a.application.rejected_at),
    contacts: a.contacts.map((c) => ({ id: c.id, name: c.name, email: c.email, title: c.title })),
    followUps: a.followUps.map((f) => ({
      id: f.id,
      kind: f.kind,
      dueAt: iso(f.due_at),
      status: f.status,
      sentAt: iso(f.sent_at),
      contactEmail: f.contact_email,
    })),
  };
}

export function outboxJson(o: OutboxRow) {
  return {
    id: o.id,
    kind: o.kind,
    to: o.to_addr,
    subject: o.subject,
    sentAt: iso(o.sent_at),
    status: o.status,
    error: o.error,
    followUpIds: o.follow_up_ids ? o.follow_up_ids.split(",").map(Number) : [],
  };
}

export const api = new Hono<AppEnv>()
  .use("*", requireApiAuth)
  .get("/applications", async (c) => {
    const apps = await listApplications(c.env.DB, c.var.owner.id);
    return c.json({ applications: apps.map(applicationJson) });
  })
  .get("/outbox", async (c) => {
    const rows = await listOutbox(c.env.DB, c.var.owner.id);
    return c.json({ outbox: rows.map(outboxJson) });
  });
