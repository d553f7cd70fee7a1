// The JSON API (DESIGN.md, Contracts). Every route is scoped to the caller's
// owner: another owner's id answers 404, like a missing one.

import { Hono } from "hono";
import { listApplications, type ApplicationRow, type ContactRow, type FollowUpRow } from "../db/applications.ts";
import { getApplicationDetail, getFollowUp, readOwnerData, type ApplicationDetail, type FollowUpDetailRow } from "../db/dashboard.ts";
import { listOutbox, type OutboxRow } from "../db/outbox.ts";
import type { OwnerRow } from "../db/owners.ts";
import { findOwnerById, regenerateCalendarToken, revokeCalendarToken } from "../db/settings.ts";
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenRow } from "../db/tokens.ts";
import { changeSettings, deleteApplication } from "../flows/steer.ts";
import { ownerWindow } from "../flows/owner-settings.ts";
import { actOnFollowUp, addPerson, changeApplication, changePerson, editDraft, NotFoundError, removePerson, steerContext } from "./actions.ts";
import { requireApiAuth, type AppEnv } from "./auth.ts";
import { draftFor } from "./drafts.ts";
import { apiError } from "./errors.ts";
import { exportCsv, exportJson } from "./export.ts";
import {
  applicationPatch,
  contactCreate,
  contactPatch,
  draftPatch,
  exportQuery,
  listQuery,
  settingsPatch,
  snoozeBody,
  tokenCreate,
} from "./schemas.ts";
import { validate } from "./validate.ts";
import type { Config } from "../config.ts";

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

export function followUpJson(f: FollowUpDetailRow, app: ApplicationRow | null, owner: OwnerRow, originalFrom?: string | null) {
  const draft = draftFor(f, app, owner, originalFrom);
  return {
    id: f.id,
    applicationId: f.application_id,
    kind: f.kind,
    dueAt: iso(f.due_at),
    status: f.status,
    sentAt: iso(f.sent_at),
    contactEmail: f.contact_email,
    attempts: f.attempts,
    lastError: f.last_error,
    draft: { to: draft.to, subject: draft.subject, body: draft.body, mailto: draft.mailto, edited: draft.edited },
  };
}

/** One application in full: the list item's fields and more (flags, rapport, drafts, the original email). */
export function applicationDetailJson(d: ApplicationDetail, owner: OwnerRow) {
  const a = d.application;
  return {
    ...applicationJson({ application: a, contacts: d.contacts, followUps: d.followUps }),
    contacts: d.contacts.map((c) => ({ id: c.id, name: c.name, email: c.email, title: c.title, rapport: c.rapport === 1, source: c.source })),
    followUps: d.followUps.map((f) => followUpJson(f, a, owner, d.messages[0]?.original_from ?? null)),
    dream: a.dream === 1,
    feedbackOptIn: a.feedback_opt_in === 1,
    createdAt: iso(a.created_at),
    updatedAt: iso(a.updated_at),
    messages: d.messages.map((m) => ({
      id: m.id,
      subject: m.subject,
      note: m.note,
      receivedAt: iso(m.received_at),
      original: { from: m.original_from, subject: m.original_subject, date: iso(m.original_date), text: m.original_text },
    })),
  };
}

export function settingsJson(owner: OwnerRow, config: Config, origin: string) {
  const w = ownerWindow(owner, config);
  return {
    email: owner.email,
    timezone: w.timezone,
    sendHour: w.hour,
    sendDays: w.days,
    cadence: owner.cadence ? (JSON.parse(owner.cadence) as unknown) : {},
    calendarUrl: owner.calendar_token ? calendarUrl(origin, owner.calendar_token) : null,
  };
}

export const calendarUrl = (origin: string, token: string) => `${origin}/calendar/${token}.ics`;

const tokenJson = (t: ApiTokenRow) => ({ id: t.id, name: t.name, createdAt: iso(t.created_at), lastUsedAt: iso(t.last_used_at), revokedAt: iso(t.revoked_at) });

const ID = "{[0-9]{1,15}}";

export function hasLanded(followUps: { kind: string }[]): boolean {
  return followUps.some((f) => f.kind === "landed-update");
}

async function detail(c: { env: { DB: D1Database }; var: { owner: OwnerRow } }, id: number) {
  const d = await getApplicationDetail(c.env.DB, c.var.owner.id, id);
  if (!d) throw new NotFoundError(`No application #${id}.`);
  return applicationDetailJson(d, c.var.owner);
}

export const api = new Hono<AppEnv>()
  .use("*", requireApiAuth)
  .get("/applications", validate("query", listQuery), async (c) => {
    const { status, q } = c.req.valid("query");
    const apps = await listApplications(c.env.DB, c.var.owner.id, { status: status === "landed" ? undefined : status, q: q || undefined });
    const shown = status === "landed" ? apps.filter((a) => hasLanded(a.followUps)) : apps;
    return c.json({ applications: shown.map(applicationJson) });
  })
  .get(`/applications/:id${ID}`, async (c) => c.json({ application: await detail(c, Number(c.req.param("id"))) }))
  .patch(`/applications/:id${ID}`, validate("json", applicationPatch), async (c) => {
    const id = Number(c.req.param("id"));
    const changes = await changeApplication(steerContext(c), id, c.req.valid("json"));
    return c.json({ application: await detail(c, id), changes });
  })
  .delete(`/applications/:id${ID}`, async (c) => {
    await deleteApplication(steerContext(c), Number(c.req.param("id")));
    return c.body(null, 204);
  })
  .post(`/applications/:id${ID}/contacts`, validate("json", contactCreate), async (c) => {
    const id = Number(c.req.param("id"));
    const body = c.req.valid("json");
    const changes = await addPerson(steerContext(c), id, body);
    const app = await detail(c, id);
    return c.json({ contact: app.contacts.find((x) => x.email === body.email) ?? null, changes }, 201);
  })
  .patch(`/applications/:id${ID}/contacts/:contactId${ID}`, validate("json", contactPatch), async (c) => {
    const id = Number(c.req.param("id"));
    const contactId = Number(c.req.param("contactId"));
    const changes = await changePerson(steerContext(c), id, contactId, c.req.valid("json"));
    const app = await detail(c, id);
    return c.json({ contact: app.contacts.find((x) => x.id === contactId) ?? null, changes });
  })
  .delete(`/applications/:id${ID}/contacts/:contactId${ID}`, async (c) => {
    await removePerson(steerContext(c), Number(c.req.param("id")), Number(c.req.param("contactId")));
    return c.body(null, 204);
  })
  .get(`/follow-ups/:id${ID}`, async (c) => c.json({ followUp: await followUp(c, Number(c.req.param("id"))) }))
  .patch(`/follow-ups/:id${ID}`, validate("json", draftPatch), async (c) => {
    const id = Number(c.req.param("id"));
    await editDraft(steerContext(c), id, c.req.valid("json"));
    return c.json({ followUp: await followUp(c, id) });
  })
  .post(`/follow-ups/:id${ID}/done`, async (c) => {
    const id = Number(c.req.param("id"));
    const summary = await actOnFollowUp(steerContext(c), id, { action: "done" });
    return c.json({ followUp: await followUp(c, id), summary });
  })
  .post(`/follow-ups/:id${ID}/skip`, async (c) => {
    const id = Number(c.req.param("id"));
    const summary = await actOnFollowUp(steerContext(c), id, { action: "skip" });
    return c.json({ followUp: await followUp(c, id), summary });
  })
  .post(`/follow-ups/:id${ID}/snooze`, validate("json", snoozeBody), async (c) => {
    const id = Number(c.req.param("id"));
    const summary = await actOnFollowUp(steerContext(c), id, { action: "snooze", days: c.req.valid("json").days });
    return c.json({ followUp: await followUp(c, id), summary });
  })
  .get("/outbox", async (c) => {
    const rows = await listOutbox(c.env.DB, c.var.owner.id);
    return c.json({ outbox: rows.map(outboxJson) });
  })
  .get("/settings", (c) => c.json({ settings: settingsJson(c.var.owner, c.var.config, new URL(c.req.url).origin) }))
  .patch("/settings", validate("json", settingsPatch), async (c) => {
    const p = c.req.valid("json");
    const o = c.var.owner;
    await changeSettings(steerContext(c), {
      timezone: p.timezone !== undefined ? p.timezone : o.timezone,
      sendHour: p.sendHour !== undefined ? p.sendHour : o.send_hour,
      sendDays: p.sendDays ?? o.send_days.split(",").map(Number),
      cadence: p.cadence !== undefined ? (p.cadence as Record<string, number> | null) : o.cadence ? (JSON.parse(o.cadence) as Record<string, number>) : null,
    });
    const owner = (await findOwnerById(c.env.DB, o.id))!;
    return c.json({ settings: settingsJson(owner, c.var.config, new URL(c.req.url).origin) });
  })
  .post("/calendar", async (c) => {
    const token = await regenerateCalendarToken(c.env.DB, c.var.owner.id);
    return c.json({ calendarUrl: calendarUrl(new URL(c.req.url).origin, token) }, 201);
  })
  .delete("/calendar", async (c) => {
    await revokeCalendarToken(c.env.DB, c.var.owner.id);
    return c.body(null, 204);
  })
  .get("/tokens", async (c) => c.json({ tokens: (await listApiTokens(c.env.DB, c.var.owner.id)).map(tokenJson) }))
  .post("/tokens", validate("json", tokenCreate), async (c) => {
    const { id, token } = await createApiToken(c.env.DB, c.var.owner.id, c.req.valid("json").name, Date.now());
    return c.json({ id, token, note: "Shown once: rebound keeps only its hash." }, 201);
  })
  .delete(`/tokens/:id${ID}`, async (c) => {
    const ok = await revokeApiToken(c.env.DB, c.var.owner.id, Number(c.req.param("id")), Date.now());
    return ok ? c.body(null, 204) : apiError(c, 404, "not_found", `No live API token #${c.req.param("id")}.`);
  })
  .get("/export", validate("query", exportQuery), async (c) => {
    const { format, table } = c.req.valid("query");
    const data = (await readOwnerData(c.env.DB, c.var.owner.id))!;
    const day = new Date().toISOString().slice(0, 10);
    if (format === "json") {
      return c.body(JSON.stringify(exportJson(data, Date.now()), null, 2), 200, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="rebound-${day}.json"`,
      });
    }
    return c.body(exportCsv(data, table), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rebound-${table}-${day}.csv"`,
    });
  });

async function followUp(c: { env: { DB: D1Database }; var: { owner: OwnerRow } }, id: number) {
  const f = await getFollowUp(c.env.DB, c.var.owner.id, id);
  if (!f) throw new NotFoundError(`No follow-up #${id}.`);
  const d = f.application_id ? await getApplicationDetail(c.env.DB, c.var.owner.id, f.application_id) : null;
  return followUpJson(f, d?.application ?? null, c.var.owner, d ? (d.messages[0]?.original_from ?? null) : undefined);
}
