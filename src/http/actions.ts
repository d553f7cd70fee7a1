// What the owner can do, shared by the JSON API and the dashboard's forms.
// Everything that steers an application goes through flows/steer.ts, the same
// functions reply commands use, so an email command and a button behave alike.

import type { Context } from "hono";
import { getFollowUp } from "../db/dashboard.ts";
import { getContact, updateContact } from "../db/contacts.ts";
import { setDraft } from "../db/drafts.ts";
import * as steer from "../flows/steer.ts";
import { NotFoundError, type SteerContext } from "../flows/steer.ts";
import type { AppEnv } from "./auth.ts";

export { NotFoundError };

export function steerContext(c: Context<AppEnv>): SteerContext {
  return { db: c.env.DB, owner: c.var.owner, config: c.var.config, now: Date.now() };
}

export interface ApplicationChanges {
  company?: string;
  role?: string | null;
  status?: "active" | "paused" | "stopped";
  dream?: boolean;
  feedbackOptIn?: boolean;
}

/** Apply a patch field by field; returns what changed, in words. */
export async function changeApplication(ctx: SteerContext, id: number, p: ApplicationChanges): Promise<string[]> {
  const done: string[] = [];
  if (p.company !== undefined) done.push((await steer.setCompany(ctx, id, p.company)).summary);
  if (p.role !== undefined) done.push((await steer.setRole(ctx, id, p.role)).summary);
  if (p.dream !== undefined) done.push((await steer.setDream(ctx, id, p.dream)).summary);
  if (p.feedbackOptIn !== undefined) done.push((await steer.setFeedback(ctx, id, p.feedbackOptIn)).summary);
  if (p.status === "active") done.push((await steer.resume(ctx, id)).summary);
  if (p.status === "paused") done.push((await steer.pause(ctx, id)).summary);
  if (p.status === "stopped") done.push((await steer.stop(ctx, id)).summary);
  return done;
}

async function ownFollowUp(ctx: SteerContext, id: number) {
  const f = await getFollowUp(ctx.db, ctx.owner.id, id);
  if (!f) throw new NotFoundError(`No follow-up #${id}.`);
  return f;
}

export type FollowUpAction = { action: "done" } | { action: "skip" } | { action: "snooze"; days: number };

export async function actOnFollowUp(ctx: SteerContext, id: number, a: FollowUpAction): Promise<string> {
  await ownFollowUp(ctx, id);
  const target = { ids: [id] };
  if (a.action === "done") return (await steer.markDone(ctx, target)).summary;
  if (a.action === "skip") return (await steer.skip(ctx, target)).summary;
  return (await steer.snooze(ctx, target, a.days)).summary;
}

export async function editDraft(ctx: SteerContext, id: number, p: { subject?: string | null; body?: string | null }): Promise<void> {
  const f = await ownFollowUp(ctx, id);
  const subject = p.subject !== undefined ? p.subject : f.draft_subject;
  const body = p.body !== undefined ? p.body : f.draft_body;
  await setDraft(ctx.db, ctx.owner.id, id, subject, body);
}

export async function addPerson(
  ctx: SteerContext,
  applicationId: number,
  p: { email: string; name?: string | null; title?: string | null; rapport?: boolean },
): Promise<string[]> {
  const done = [(await steer.addContact(ctx, applicationId, { email: p.email, name: p.name ?? null, title: p.title ?? null })).summary];
  if (p.rapport) done.push((await steer.setRapport(ctx, applicationId, p.email, true)).summary);
  return done;
}

export async function changePerson(
  ctx: SteerContext,
  applicationId: number,
  contactId: number,
  p: { name?: string | null; title?: string | null; rapport?: boolean },
): Promise<string[]> {
  const contact = await getContact(ctx.db, ctx.owner.id, applicationId, contactId);
  if (!contact) throw new NotFoundError(`No person #${contactId} on application #${applicationId}.`);
  const done: string[] = [];
  if (p.name !== undefined || p.title !== undefined) {
    await updateContact(ctx.db, ctx.owner.id, applicationId, contactId, { name: p.name, title: p.title });
    done.push(`Updated ${p.name ?? contact.name ?? contact.email}`);
  }
  if (p.rapport !== undefined && p.rapport !== (contact.rapport === 1)) done.push((await steer.setRapport(ctx, applicationId, contact.email, p.rapport)).summary);
  return done.length ? done : ["Nothing changed"];
}

export async function removePerson(ctx: SteerContext, applicationId: number, contactId: number): Promise<string> {
  const contact = await getContact(ctx.db, ctx.owner.id, applicationId, contactId);
  if (!contact) throw new NotFoundError(`No person #${contactId} on application #${applicationId}.`);
  return (await steer.removeContact(ctx, applicationId, contact.email)).summary;
}
