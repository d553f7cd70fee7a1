// Isolation between owners (issue 7): with two owners, no page, API call,
// calendar feed, export or reply command of one reaches the other's data.
//
// Every route of the Hono app is listed in ROUTES with how it is checked; a
// route missing from the table fails the first test, so a new route can't ship
// unclassified. To add one: add a row (its `METHOD path` exactly as app.routes
// lists it) with its kind and, for foreign/self routes, a request to send.

import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { app } from "../../src/http/app.ts";
import { createApiToken } from "../../src/db/tokens.ts";
import { ensureOwner } from "../../src/db/owners.ts";
import { deliver } from "../helpers/email.ts";
import { ownerReply } from "../helpers/reply.ts";
import { call } from "../http/helpers.ts";
import { forwardWith, OTHER, OWNER } from "./helpers.ts";

interface Side {
  email: string;
  token: string;
  app: number;
  contact: number;
  followUp: number;
  apiToken: number;
  calendar: string;
  digest: { messageId: string; subject: string };
  /** Strings that only this owner's data contains. */
  marks: string[];
}

type Request = { method: string; path: string; json?: unknown; form?: Record<string, string> };
/** How a route is checked. `victim` is the other owner's ids, `me` the caller's. */
type Check =
  | { kind: "public" } // no owner data (assets, login)
  | { kind: "list"; path: string } // shows the caller's data: nothing of the other's appears
  | { kind: "foreign"; requests: (victim: Side, me: Side) => Request[]; status?: number } // aimed at the other's ids: 404 (or `status`), nothing changes
  | { kind: "self"; request: Request } // acts on the caller: the other's data doesn't change
  | { kind: "calendar" }; // secret URL: each feed has its owner's events only

const ID = "{[0-9]{1,15}}";
const ROUTES: Record<string, Check> = {
  "GET /assets/style.css": { kind: "public" },
  "GET /assets/copy.js": { kind: "public" },
  "GET /assets/favicon.svg": { kind: "public" },
  "GET /favicon.ico": { kind: "public" },
  "GET /login": { kind: "public" },
  "POST /login": { kind: "public" }, // covered in test/http/auth.test.ts (a token logs in its own owner)
  "POST /logout": { kind: "public" },
  "GET /calendar/:file{[A-Za-z0-9_-]+\\.ics}": { kind: "calendar" },

  // JSON API
  "GET /api/applications": { kind: "list", path: "/api/applications" },
  [`GET /api/applications/:id${ID}`]: { kind: "foreign", requests: (v) => [{ method: "GET", path: `/api/applications/${v.app}` }] },
  [`PATCH /api/applications/:id${ID}`]: {
    kind: "foreign",
    requests: (v) => [{ method: "PATCH", path: `/api/applications/${v.app}`, json: { company: "Hijacked", status: "stopped" } }],
  },
  [`DELETE /api/applications/:id${ID}`]: { kind: "foreign", requests: (v) => [{ method: "DELETE", path: `/api/applications/${v.app}` }] },
  [`POST /api/applications/:id${ID}/contacts`]: {
    kind: "foreign",
    requests: (v) => [{ method: "POST", path: `/api/applications/${v.app}/contacts`, json: { email: "evil@evil.test", name: "Evil" } }],
  },
  [`PATCH /api/applications/:id${ID}/contacts/:contactId${ID}`]: {
    kind: "foreign",
    requests: (v, me) => [
      { method: "PATCH", path: `/api/applications/${v.app}/contacts/${v.contact}`, json: { name: "Hijacked" } },
      { method: "PATCH", path: `/api/applications/${me.app}/contacts/${v.contact}`, json: { name: "Hijacked" } },
    ],
  },
  [`DELETE /api/applications/:id${ID}/contacts/:contactId${ID}`]: {
    kind: "foreign",
    requests: (v, me) => [
      { method: "DELETE", path: `/api/applications/${v.app}/contacts/${v.contact}` },
      { method: "DELETE", path: `/api/applications/${me.app}/contacts/${v.contact}` },
    ],
  },
  [`GET /api/follow-ups/:id${ID}`]: { kind: "foreign", requests: (v) => [{ method: "GET", path: `/api/follow-ups/${v.followUp}` }] },
  [`PATCH /api/follow-ups/:id${ID}`]: {
    kind: "foreign",
    requests: (v) => [{ method: "PATCH", path: `/api/follow-ups/${v.followUp}`, json: { subject: "Hijacked", body: "Hijacked" } }],
  },
  [`POST /api/follow-ups/:id${ID}/done`]: { kind: "foreign", requests: (v) => [{ method: "POST", path: `/api/follow-ups/${v.followUp}/done`, json: {} }] },
  [`POST /api/follow-ups/:id${ID}/skip`]: { kind: "foreign", requests: (v) => [{ method: "POST", path: `/api/follow-ups/${v.followUp}/skip`, json: {} }] },
  [`POST /api/follow-ups/:id${ID}/snooze`]: {
    kind: "foreign",
    requests: (v) => [{ method: "POST", path: `/api/follow-ups/${v.followUp}/snooze`, json: { days: 30 } }],
  },
  "GET /api/outbox": { kind: "list", path: "/api/outbox" },
  "GET /api/settings": { kind: "list", path: "/api/settings" },
  "PATCH /api/settings": { kind: "self", request: { method: "PATCH", path: "/api/settings", json: { timezone: "Asia/Tokyo", sendHour: 7 } } },
  "POST /api/calendar": { kind: "self", request: { method: "POST", path: "/api/calendar", json: {} } },
  "DELETE /api/calendar": { kind: "self", request: { method: "DELETE", path: "/api/calendar" } },
  "GET /api/tokens": { kind: "list", path: "/api/tokens" },
  "POST /api/tokens": { kind: "self", request: { method: "POST", path: "/api/tokens", json: { name: "mine" } } },
  [`DELETE /api/tokens/:id${ID}`]: { kind: "foreign", requests: (v) => [{ method: "DELETE", path: `/api/tokens/${v.apiToken}` }] },
  "GET /api/export": { kind: "list", path: "/api/export?format=json" },

  // Pages and their forms
  "GET /": { kind: "list", path: "/" },
  [`GET /applications/:id${ID}`]: { kind: "foreign", requests: (v) => [{ method: "GET", path: `/applications/${v.app}` }] },
  [`POST /applications/:id${ID}/edit`]: {
    kind: "foreign",
    requests: (v) => [{ method: "POST", path: `/applications/${v.app}/edit`, form: { company: "Hijacked", role: "Hijacked" } }],
  },
  [`POST /applications/:id${ID}/status`]: {
    kind: "foreign",
    requests: (v) => [{ method: "POST", path: `/applications/${v.app}/status`, form: { status: "stopped" } }],
  },
  [`POST /applications/:id${ID}/dream`]: { kind: "foreign", requests: (v) => [{ method: "POST", path: `/applications/${v.app}/dream`, form: { dream: "1" } }] },
  [`POST /applications/:id${ID}/feedback`]: {
    kind: "foreign",
    requests: (v) => [{ method: "POST", path: `/applications/${v.app}/feedback`, form: { feedback: "1" } }],
  },
  [`POST /applications/:id${ID}/delete`]: { kind: "foreign", requests: (v) => [{ method: "POST", path: `/applications/${v.app}/delete`, form: {} }] },
  [`POST /applications/:id${ID}/contacts`]: {
    kind: "foreign",
    requests: (v) => [{ method: "POST", path: `/applications/${v.app}/contacts`, form: { email: "evil@evil.test", name: "Evil" } }],
  },
  [`POST /applications/:id${ID}/contacts/:contactId${ID}`]: {
    kind: "foreign",
    requests: (v, me) => [
      { method: "POST", path: `/applications/${v.app}/contacts/${v.contact}`, form: { name: "Hijacked", title: "Boss", rapport: "on" } },
      { method: "POST", path: `/applications/${me.app}/contacts/${v.contact}`, form: { name: "Hijacked", title: "Boss", rapport: "on" } },
    ],
  },
  [`POST /applications/:id${ID}/contacts/:contactId${ID}/remove`]: {
    kind: "foreign",
    requests: (v, me) => [
      { method: "POST", path: `/applications/${v.app}/contacts/${v.contact}/remove`, form: {} },
      { method: "POST", path: `/applications/${me.app}/contacts/${v.contact}/remove`, form: {} },
    ],
  },
  [`POST /follow-ups/:id${ID}/done`]: { kind: "foreign", requests: (v) => [{ method: "POST", path: `/follow-ups/${v.followUp}/done`, form: {} }] },
  [`POST /follow-ups/:id${ID}/skip`]: { kind: "foreign", requests: (v) => [{ method: "POST", path: `/follow-ups/${v.followUp}/skip`, form: {} }] },
  [`POST /follow-ups/:id${ID}/snooze`]: {
    kind: "foreign",
    requests: (v) => [{ method: "POST", path: `/follow-ups/${v.followUp}/snooze`, form: { days: "30" } }],
  },
  [`POST /follow-ups/:id${ID}/draft`]: {
    kind: "foreign",
    requests: (v) => [{ method: "POST", path: `/follow-ups/${v.followUp}/draft`, form: { subject: "Hijacked", body: "Hijacked" } }],
  },
  "GET /outbox": { kind: "list", path: "/outbox" },
  "GET /settings": { kind: "list", path: "/settings" },
  "POST /settings": { kind: "self", request: { method: "POST", path: "/settings", form: { timezone: "Asia/Tokyo", sendHour: "7", sendDays: "1" } } },
  "POST /settings/calendar": { kind: "self", request: { method: "POST", path: "/settings/calendar", form: {} } },
  "POST /settings/calendar/off": { kind: "self", request: { method: "POST", path: "/settings/calendar/off", form: {} } },
  "POST /settings/tokens": { kind: "self", request: { method: "POST", path: "/settings/tokens", form: { name: "mine" } } },
  // Answers like any unknown token: back to Settings with "No such token".
  [`POST /settings/tokens/:id${ID}/revoke`]: {
    kind: "foreign",
    status: 303,
    requests: (v) => [{ method: "POST", path: `/settings/tokens/${v.apiToken}/revoke`, form: {} }],
  },
  // Runs last for each owner: it deletes the caller's own data.
  "POST /settings/delete": { kind: "self", request: { method: "POST", path: "/settings/delete", form: { confirm: "DELETE" } } },
};

// Lists (CSV export too) that the "list" check also reads.
const EXTRA_LISTS = ["/api/export?format=csv", "/api/export?format=csv&table=contacts", "/api/export?format=csv&table=follow-ups", "/?status=active", "/api/applications?status=active"];

/** Everything that belongs to one owner, as stored. */
async function snapshot(email: string): Promise<string> {
  const owner = await env.DB.prepare("SELECT * FROM owners WHERE email = ?1").bind(email).first<{ id: number }>();
  if (!owner) return "no owner";
  const tables = ["applications", "contacts", "messages", "follow_ups", "outbox", "api_tokens", "sessions"];
  const rows = await env.DB.batch([
    ...tables.map((t) => env.DB.prepare(`SELECT * FROM ${t} WHERE owner_id = ?1 ORDER BY rowid`).bind(owner.id)),
    env.DB.prepare("SELECT l.* FROM outbox_follow_ups l JOIN outbox o ON o.id = l.outbox_id WHERE o.owner_id = ?1 ORDER BY 1, 2").bind(owner.id),
  ]);
  return JSON.stringify([owner, ...rows.map((r) => r.results)]);
}

function send(r: Request, token: string): Promise<Response> {
  return call(r.path, { method: r.method, token, json: r.json, form: r.form });
}

async function setUp(email: string, company: string, sender: string, id: string): Promise<Side> {
  const result = await deliver(forwardWith({ owner: email, id, company, sender, senderName: "Robin Vale", cc: `kai.ng@${sender.split("@")[1]}`, ccName: "Kai Ng" }), { from: email });
  expect(result.rejected).toBeNull();
  const digest = result.replies[0]!;
  const owner = await ensureOwner(env.DB, email, Date.now());
  const row = (sql: string) => env.DB.prepare(sql).bind(owner.id).first<{ id: number }>();
  const app = (await row("SELECT id FROM applications WHERE owner_id = ?1"))!.id;
  const contact = (await row("SELECT id FROM contacts WHERE owner_id = ?1 ORDER BY id"))!.id;
  const followUp = (await row("SELECT id FROM follow_ups WHERE owner_id = ?1 AND status = 'pending' ORDER BY due_at"))!.id;
  const { id: apiToken, token } = await createApiToken(env.DB, owner.id, `${email} script`, Date.now());
  const feed = (await (await call("/api/calendar", { method: "POST", token, json: {} })).json()) as { calendarUrl: string };
  const calendar = new URL(feed.calendarUrl).pathname;
  return {
    email,
    token,
    app,
    contact,
    followUp,
    apiToken,
    calendar,
    digest: { messageId: digest.messageId!, subject: digest.subject! },
    marks: [email, company, sender, calendar.slice("/calendar/".length, -".ics".length)],
  };
}

let alex: Side;
let sam: Side;
beforeEach(async () => {
  alex = await setUp(OWNER, "Acme Robotics", "robin.vale@acme-robotics.test", "iso-alex");
  sam = await setUp(OTHER, "Halcyon Analytics", "robin.vale@halcyon-analytics.test", "iso-sam");
});

const routeKeys = () => [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];

describe("isolation between two owners", () => {
  it("every route of the app is classified here", () => {
    const missing = routeKeys().filter((k) => !(k in ROUTES));
    expect(missing, "add these routes to ROUTES in test/security/isolation.test.ts").toEqual([]);
    const gone = Object.keys(ROUTES).filter((k) => !routeKeys().includes(k));
    expect(gone, "these ROUTES no longer exist").toEqual([]);
  });

  it("lists, pages and exports show none of the other owner's data", async () => {
    for (const [me, other] of [[alex, sam], [sam, alex]] as const) {
      const paths = [...Object.values(ROUTES).flatMap((c) => (c.kind === "list" ? [c.path] : [])), ...EXTRA_LISTS];
      for (const path of paths) {
        const res = await send({ method: "GET", path }, me.token);
        expect(res.status, `${me.email} GET ${path}`).toBe(200);
        const body = await res.text();
        for (const mark of other.marks) expect(body.includes(mark), `${me.email} GET ${path} shows ${mark}`).toBe(false);
      }
      // The caller's own data is there (the check above is not vacuous).
      expect(await (await send({ method: "GET", path: "/api/export?format=json" }, me.token)).text()).toContain(me.marks[1]!);
    }
  });

  it("a request aimed at the other owner's ids is a 404 and changes nothing of theirs", async () => {
    for (const [me, victim] of [[alex, sam], [sam, alex]] as const) {
      const mine = await snapshot(me.email);
      for (const [route, check] of Object.entries(ROUTES)) {
        if (check.kind !== "foreign") continue;
        for (const r of check.requests(victim, me)) {
          const before = await snapshot(victim.email);
          const res = await send(r, me.token);
          expect(res.status, `${me.email}: ${route} as ${r.method} ${r.path}`).toBe(check.status ?? 404);
          const body = await res.text();
          for (const mark of victim.marks) expect(body.includes(mark), `${route} leaks ${mark}`).toBe(false);
          expect(await snapshot(victim.email), `${me.email}: ${r.method} ${r.path} changed ${victim.email}'s data`).toBe(before);
        }
      }
      // Nor did the caller's own data change through them (a foreign contact id under my application, say).
      expect(JSON.parse(await snapshot(me.email))[1]).toEqual(JSON.parse(mine)[1]);
    }
  });

  it("a request acting on the caller changes nothing of the other owner's", async () => {
    for (const [me, victim] of [[alex, sam], [sam, alex]] as const) {
      const before = await snapshot(victim.email);
      for (const [route, check] of Object.entries(ROUTES)) {
        if (check.kind !== "self") continue;
        const res = await send(check.request, me.token);
        expect(res.status, `${me.email}: ${route}`).toBeLessThan(400);
        expect(await snapshot(victim.email), `${me.email}: ${route} changed ${victim.email}'s data`).toBe(before);
      }
      // The last one deleted the caller's data; the other owner's is whole.
      expect(await snapshot(me.email)).toBe("no owner");
      expect(await snapshot(victim.email)).toBe(before);
    }
  });

  it("each calendar feed carries its own owner's follow-ups only, and needs its secret", async () => {
    for (const [me, other] of [[alex, sam], [sam, alex]] as const) {
      const res = await call(me.calendar, { token: null });
      expect(res.status).toBe(200);
      const ics = await res.text();
      expect(ics).toContain("BEGIN:VEVENT");
      for (const mark of other.marks) expect(ics.includes(mark), `${me.email}'s feed shows ${mark}`).toBe(false);
      // Another owner's bearer token doesn't open a feed without the secret.
      expect((await call("/calendar/not-the-secret.ics", { token: other.token })).status).toBe(404);
    }
  });
});

describe("reply commands between two owners", () => {
  const reply = (from: Side, opts: { inReplyTo: string | null; subject: string; body: string; id: string }) =>
    deliver(ownerReply({ ...opts, from: from.email }).replace(/^From: Alex Rivera/m, "From: Owner"), { from: from.email });

  it("numbered commands about the other owner's application change nothing of theirs", async () => {
    const before = await snapshot(alex.email);
    const lines = ["company: Hijacked", "role: Hijacked", "stop", "pause", "delete", "dream", "feedback on", "done", "skip", "snooze 4w", "add Evil <evil@evil.test>", "remove robin.vale@acme-robotics.test", "rapport robin.vale@acme-robotics.test", "confirm"];
    const result = await reply(sam, { inReplyTo: sam.digest.messageId, subject: `Re: ${sam.digest.subject}`, body: lines.map((l) => `#${alex.app} ${l}`).join("\r\n"), id: "sam-1" });
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]!.text).not.toContain("Acme Robotics");
    expect(await snapshot(alex.email)).toBe(before);
  });

  it("a reply threaded to the other owner's email, or tagged with their application, is not a command on it", async () => {
    const before = await snapshot(alex.email);
    await reply(sam, { inReplyTo: alex.digest.messageId, subject: `Re: ${alex.digest.subject}`, body: "stop\r\ndelete", id: "sam-2" });
    await reply(sam, { inReplyTo: null, subject: `Re: anything [rebound #${alex.app}]`, body: "delete\r\ncompany: Hijacked", id: "sam-3" });
    expect(await snapshot(alex.email)).toBe(before);
  });

  it("landed and delete all my data act on the sender's own data only", async () => {
    const before = await snapshot(alex.email);
    await reply(sam, { inReplyTo: sam.digest.messageId, subject: `Re: ${sam.digest.subject}`, body: "landed Initech as Staff Engineer", id: "sam-4" });
    expect(await snapshot(alex.email)).toBe(before);
    await reply(sam, { inReplyTo: sam.digest.messageId, subject: `Re: ${sam.digest.subject}`, body: "delete all my data", id: "sam-5" });
    expect(await snapshot(sam.email)).toBe("no owner");
    expect(await snapshot(alex.email)).toBe(before);
  });
});
