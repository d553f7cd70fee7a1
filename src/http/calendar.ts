// The calendar feed: /calendar/<secret>.ics, every pending follow-up as an event
// at its due time, with the draft and links in the description. The secret is
// the only credential (calendar apps can't log in); regenerating it in Settings
// revokes the old link. ics.ts does RFC 5545 escaping and line folding.

import { Hono } from "hono";
import { listUpcomingFollowUps, type CalendarItem } from "../db/dashboard.ts";
import type { OwnerRow } from "../db/owners.ts";
import { findOwnerByCalendarToken } from "../db/settings.ts";
import { readConfig } from "../config.ts";
import type { AppEnv } from "./auth.ts";
import { draftFor } from "./drafts.ts";
import { writeCalendar, type IcsEvent } from "./ics.ts";
import { stepLabel } from "./labels.ts";

const EVENT_MINUTES = 15;

export function buildCalendar(owner: OwnerRow, items: CalendarItem[], origin: string, now: number): string {
  const host = new URL(origin).host;
  const events: IcsEvent[] = items.map((f) => {
    const draft = draftFor(f, f, owner);
    const who = f.contact_name ?? f.contact_email;
    const where = [f.company, f.role].filter(Boolean).join(", ");
    const page = f.application_id ? `${origin}/applications/${f.application_id}` : `${origin}/`;
    const lines = [
      draft.tip,
      "",
      `To: ${draft.toLabel}`,
      `Subject: ${draft.subject}`,
      "",
      draft.body,
      "",
      `Open in rebound: ${page}`,
      ...(draft.mailto ? [`Write it now: ${draft.mailto}`] : []),
    ];
    return {
      uid: `followup-${f.id}@${host}`,
      start: f.due_at,
      end: f.due_at + EVENT_MINUTES * 60_000,
      stamp: now,
      summary: `${stepLabel(f)}${who ? ` to ${who}` : ""}${where ? ` (${where})` : ""}`,
      description: lines.join("\n"),
      url: page,
    };
  });
  return writeCalendar({
    name: "rebound follow-ups",
    description: "Follow-ups rebound has planned for you",
    prodId: "-//rebound//rebound//EN",
    refreshSeconds: 60 * 60,
    events,
  });
}

export const calendar = new Hono<AppEnv>().get("/:file{[A-Za-z0-9_-]+\\.ics}", async (c) => {
  const token = c.req.param("file").replace(/\.ics$/, "");
  const owner = await findOwnerByCalendarToken(c.env.DB, token);
  if (!owner || !readConfig(c.env).ownerEmails.includes(owner.email.toLowerCase())) {
    return c.text("No such calendar. The link may have been regenerated in rebound's Settings.\n", 404);
  }
  const items = await listUpcomingFollowUps(c.env.DB, owner.id);
  const body = buildCalendar(owner, items, new URL(c.req.url).origin, Date.now());
  return c.body(body, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": 'inline; filename="rebound.ics"',
    "Cache-Control": "private, max-age=300",
    "Referrer-Policy": "no-referrer",
  });
});
