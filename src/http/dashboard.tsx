/** @jsxImportSource hono/jsx */
// The owner's dashboard: server-rendered pages and the form posts behind their
// buttons (post, redirect, get). No client-side JavaScript is needed; every
// change goes through the same actions as the JSON API.

import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { listApplications } from "../db/applications.ts";
import { getApplicationDetail, getFollowUp } from "../db/dashboard.ts";
import { getApplication } from "../db/steer.ts";
import { listOutbox } from "../db/outbox.ts";
import { regenerateCalendarToken, revokeCalendarToken } from "../db/settings.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "../db/tokens.ts";
import { cadenceSchema, ownerCadence, ownerWindow } from "../flows/owner-settings.ts";
import { changeSettings, deleteApplication, deleteOwnerData } from "../flows/steer.ts";
import { actOnFollowUp, addPerson, changeApplication, changePerson, editDraft, removePerson, steerContext } from "./actions.ts";
import { calendarUrl, hasLanded } from "./api.ts";
import { requirePageAuth, type AppEnv } from "./auth.ts";
import { setFlash, takeFlash } from "./flash.ts";
import { ApplicationPage } from "./pages/application.tsx";
import { ApplicationsPage, FILTERS } from "./pages/applications.tsx";
import { OutboxPage } from "./pages/outbox.tsx";
import { SettingsPage } from "./pages/settings.tsx";
import { companyField, emailField, nameField, roleField, sendDaysField, titleField, tokenCreate } from "./schemas.ts";
import { describeIssues } from "./validate.ts";
import { clearSessionCookie } from "./session.ts";
import { isTimeZone } from "../config.ts";
import { DEFAULT_CADENCE, type Cadence } from "../pipeline/plan.ts";

type C = Context<AppEnv>;

const ID = "{[0-9]{1,15}}";
const id = (c: C, name = "id") => Number(c.req.param(name));
const timezoneOf = (c: C) => ownerWindow(c.var.owner, c.var.config).timezone;

/** A form's fields as strings (repeated fields as arrays). */
async function form(c: C): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

/** Empty text fields mean "none". */
const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v)),
    z.nullable(schema),
  );
const checkbox = z.pipe(
  z.transform((v: unknown) => v === "1" || v === "on" || v === "yes"),
  z.boolean(),
);

function parse<T extends z.ZodMiniType>(schema: T, data: unknown): { ok: true; value: z.output<T> } | { ok: false; message: string } {
  const r = schema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: describeIssues(r.error.issues) };
}

/** After a form post: say what happened, then go back (303: the browser follows with GET). */
function back(c: C, to: string, summary: string | string[], kind: "ok" | "error" = "ok") {
  const text = (Array.isArray(summary) ? summary : [summary]).filter(Boolean).join(". ");
  if (text) setFlash(c, { kind, text });
  return c.redirect(to, 303);
}

const appPage = (applicationId: number, anchor = "") => `/applications/${applicationId}${anchor}`;

export const dashboard = new Hono<AppEnv>();
dashboard.use("*", requirePageAuth);

// Another owner's (or a missing) application or follow-up is a 404 before any form is read.
dashboard.use(`/applications/:id${ID}/*`, async (c, next) => {
  if (!(await getApplication(c.env.DB, c.var.owner.id, id(c)))) return c.notFound();
  await next();
});
dashboard.use(`/follow-ups/:id${ID}/*`, async (c, next) => {
  if (!(await getFollowUp(c.env.DB, c.var.owner.id, id(c)))) return c.notFound();
  await next();
});

dashboard.get("/", async (c) => {
  const status = FILTERS.some((f) => f.value === c.req.query("status")) ? (c.req.query("status") ?? "") : "";
  const q = (c.req.query("q") ?? "").trim().slice(0, 200);
  const items = await listApplications(c.env.DB, c.var.owner.id, {
    status: status && status !== "landed" ? (status as "active" | "needs_review" | "paused" | "stopped") : undefined,
    q: q || undefined,
  });
  const shown = status === "landed" ? items.filter((i) => hasLanded(i.followUps)) : items;
  return c.html(<ApplicationsPage owner={c.var.owner.email} items={shown} status={status} q={q} timezone={timezoneOf(c)} flash={takeFlash(c)} />);
});

dashboard.get(`/applications/:id${ID}`, async (c) => {
  const d = await getApplicationDetail(c.env.DB, c.var.owner.id, id(c));
  if (!d) return c.notFound();
  return c.html(<ApplicationPage owner={c.var.owner} d={d} timezone={timezoneOf(c)} flash={takeFlash(c)} />);
});

dashboard.post(`/applications/:id${ID}/edit`, async (c) => {
  const f = await form(c);
  const r = parse(z.object({ company: companyField, role: z.optional(optional(roleField)) }), f);
  if (!r.ok) return back(c, appPage(id(c)), r.message, "error");
  const d = await getApplicationDetail(c.env.DB, c.var.owner.id, id(c));
  if (!d) return c.notFound();
  const changes: { company?: string; role?: string | null } = {};
  if (r.value.company !== d.application.company) changes.company = r.value.company;
  if (r.value.role !== undefined && r.value.role !== d.application.role) changes.role = r.value.role;
  const done = await changeApplication(steerContext(c), id(c), changes);
  return back(c, appPage(id(c)), done.length ? done : "Nothing changed");
});

dashboard.post(`/applications/:id${ID}/status`, async (c) => {
  const r = parse(z.object({ status: z.enum(["active", "paused", "stopped"]) }), await form(c));
  if (!r.ok) return back(c, appPage(id(c)), r.message, "error");
  return back(c, appPage(id(c)), await changeApplication(steerContext(c), id(c), { status: r.value.status }));
});

dashboard.post(`/applications/:id${ID}/dream`, async (c) => {
  const r = parse(z.object({ on: checkbox }), await form(c));
  return back(c, appPage(id(c)), await changeApplication(steerContext(c), id(c), { dream: r.ok && r.value.on }));
});

dashboard.post(`/applications/:id${ID}/feedback`, async (c) => {
  const r = parse(z.object({ on: checkbox }), await form(c));
  return back(c, appPage(id(c)), await changeApplication(steerContext(c), id(c), { feedbackOptIn: r.ok && r.value.on }));
});

dashboard.post(`/applications/:id${ID}/delete`, async (c) => {
  const f = await form(c);
  if (f.confirm !== "yes") return back(c, appPage(id(c)), "Tick the box to confirm the deletion", "error");
  return back(c, "/", (await deleteApplication(steerContext(c), id(c))).summary);
});

dashboard.post(`/applications/:id${ID}/contacts`, async (c) => {
  const r = parse(z.object({ email: emailField, name: optional(nameField), title: optional(titleField), rapport: checkbox }), await form(c));
  if (!r.ok) return back(c, appPage(id(c)), r.message, "error");
  return back(c, appPage(id(c)), await addPerson(steerContext(c), id(c), r.value));
});

dashboard.post(`/applications/:id${ID}/contacts/:contactId${ID}`, async (c) => {
  const r = parse(z.object({ name: optional(nameField), title: optional(titleField), rapport: checkbox }), await form(c));
  if (!r.ok) return back(c, appPage(id(c), `#contact-${id(c, "contactId")}`), r.message, "error");
  return back(c, appPage(id(c), `#contact-${id(c, "contactId")}`), await changePerson(steerContext(c), id(c), id(c, "contactId"), r.value));
});

dashboard.post(`/applications/:id${ID}/contacts/:contactId${ID}/remove`, async (c) =>
  back(c, appPage(id(c)), await removePerson(steerContext(c), id(c), id(c, "contactId"))),
);

/** Follow-up forms return to their application's timeline. */
async function followUpBack(c: C, summary: string | string[], kind: "ok" | "error" = "ok") {
  const f = await getFollowUp(c.env.DB, c.var.owner.id, id(c));
  return back(c, f?.application_id ? appPage(f.application_id, `#follow-up-${f.id}`) : "/", summary, kind);
}

dashboard.post(`/follow-ups/:id${ID}/done`, async (c) => followUpBack(c, await actOnFollowUp(steerContext(c), id(c), { action: "done" })));
dashboard.post(`/follow-ups/:id${ID}/skip`, async (c) => followUpBack(c, await actOnFollowUp(steerContext(c), id(c), { action: "skip" })));
dashboard.post(`/follow-ups/:id${ID}/snooze`, async (c) => {
  const r = parse(z.object({ days: z.coerce.number().check(z.int(), z.gte(1), z.lte(365)) }), await form(c));
  if (!r.ok) return followUpBack(c, `Snooze: ${r.message}`, "error");
  return followUpBack(c, await actOnFollowUp(steerContext(c), id(c), { action: "snooze", days: r.value.days }));
});
dashboard.post(`/follow-ups/:id${ID}/draft`, async (c) => {
  const f = await form(c);
  if (f.reset === "1") {
    await editDraft(steerContext(c), id(c), { subject: null, body: null });
    return followUpBack(c, "Draft put back to rebound's text");
  }
  const r = parse(
    z.object({
      subject: z.string().check(z.trim(), z.minLength(1, "subject can't be empty"), z.maxLength(1000)),
      body: z.string().check(z.minLength(1, "text can't be empty"), z.maxLength(10_000)),
    }),
    f,
  );
  if (!r.ok) return followUpBack(c, r.message, "error");
  await editDraft(steerContext(c), id(c), { subject: r.value.subject, body: r.value.body.replace(/\r\n/g, "\n") });
  return followUpBack(c, "Draft saved: this is the text you'll get");
});

dashboard.get("/outbox", async (c) => {
  const rows = await listOutbox(c.env.DB, c.var.owner.id);
  return c.html(<OutboxPage owner={c.var.owner.email} rows={rows} timezone={timezoneOf(c)} flash={takeFlash(c)} />);
});

async function renderSettings(c: C, newToken: { name: string; token: string } | null = null) {
  const o = c.var.owner;
  const tokens = await listApiTokens(c.env.DB, o.id);
  return c.html(
    <SettingsPage
      owner={o}
      window={ownerWindow(o, c.var.config)}
      cadence={ownerCadence(o)}
      tokens={tokens}
      calendarUrl={o.calendar_token ? calendarUrl(new URL(c.req.url).origin, o.calendar_token) : null}
      newToken={newToken}
      flash={takeFlash(c)}
    />,
  );
}

dashboard.get("/settings", (c) => renderSettings(c));

dashboard.post("/settings", async (c) => {
  const f = await form(c);
  const days = ([] as string[]).concat(f.sendDays ?? []).map(Number);
  const cadence: Record<string, number> = {};
  for (const [k, v] of Object.entries(f)) if (k.startsWith("cadence.") && typeof v === "string") cadence[k.slice(8)] = Number(v);
  const r = parse(
    z.object({
      timezone: z.string().check(z.refine(isTimeZone, "time zone must be an IANA zone such as Europe/Berlin")),
      sendHour: z.coerce.number().check(z.int(), z.gte(0), z.lte(23)),
      sendDays: sendDaysField,
      cadence: cadenceSchema,
    }),
    { timezone: f.timezone, sendHour: f.sendHour, sendDays: days, cadence },
  );
  if (!r.ok) return back(c, "/settings", r.message, "error");
  // Only values that differ from the playbook's defaults are kept, so improved defaults still reach this owner.
  const overrides = Object.fromEntries(Object.entries(r.value.cadence).filter(([k, v]) => DEFAULT_CADENCE[k as keyof Cadence] !== v)) as Record<string, number>;
  const change = await changeSettings(steerContext(c), { ...r.value, cadence: overrides });
  return back(c, "/settings", change.summary);
});

dashboard.post("/settings/calendar", async (c) => {
  await regenerateCalendarToken(c.env.DB, c.var.owner.id);
  return back(c, "/settings#calendar", "New calendar link made; the old one no longer works");
});

dashboard.post("/settings/calendar/off", async (c) => {
  await revokeCalendarToken(c.env.DB, c.var.owner.id);
  return back(c, "/settings#calendar", "Calendar link turned off");
});

dashboard.post("/settings/tokens", async (c) => {
  const r = parse(tokenCreate, await form(c));
  if (!r.ok) return back(c, "/settings#tokens", r.message, "error");
  const { token } = await createApiToken(c.env.DB, c.var.owner.id, r.value.name, Date.now());
  // Rendered directly (not redirected) so the token is never in a URL or cookie.
  c.header("Cache-Control", "no-store");
  return renderSettings(c, { name: r.value.name, token });
});

dashboard.post(`/settings/tokens/:id${ID}/revoke`, async (c) => {
  const ok = await revokeApiToken(c.env.DB, c.var.owner.id, id(c), Date.now());
  return back(c, "/settings#tokens", ok ? "Token revoked" : "No such token", ok ? "ok" : "error");
});

dashboard.post("/settings/delete", async (c) => {
  const f = await form(c);
  if (f.confirm !== "DELETE") return back(c, "/settings#delete", "Type DELETE to confirm", "error");
  await deleteOwnerData(steerContext(c));
  clearSessionCookie(c);
  return c.redirect("/login?deleted=1", 303);
});
