// The owner's corrections and controls, shared by reply commands and the
// dashboard so both behave the same. Each returns a one-line summary of what changed.

import type { Config } from "../config.ts";
import type { ApplicationRow, ContactRow } from "../db/applications.ts";
import { insertStepsStatements } from "../db/followups.ts";
import type { OwnerRow } from "../db/owners.ts";
import {
  allContacts,
  closeFollowUpsStatement,
  deleteApplicationStatements,
  deleteOwnerStatement,
  getApplication,
  getContacts,
  ownerPendingFollowUps,
  pendingFollowUps,
  removeContactStatement,
  setDueStatement,
  setLandedStatements,
  setRapportStatement,
  updateApplicationStatement,
  upsertContactStatement,
  type ApplicationPatch,
} from "../db/steer.ts";
import { DAY, planFollowUps, type PlannedStep } from "../pipeline/plan.ts";
import { fromLocal, localTime, nextSendSlot, type SendWindow } from "../pipeline/schedule.ts";
import { findOwnerById, updateSettings, type OwnerSettings } from "../db/settings.ts";
import { ownerCadence, ownerWindow } from "./owner-settings.ts";

export interface SteerContext {
  db: D1Database;
  owner: OwnerRow;
  config: Config;
  now: number;
}

export class NotFoundError extends Error {}

/** Which follow-ups a command acts on: a whole application, or the ones in one email. */
export type Target = { applicationId: number } | { ids: number[] };

export interface Change {
  summary: string;
  /** Follow-ups newly delivered by this change (thank-you drafts for a new person, a confirmed application). */
  delivered?: PlannedStep[];
}

async function load(ctx: SteerContext, applicationId: number): Promise<ApplicationRow> {
  const app = await getApplication(ctx.db, ctx.owner.id, applicationId);
  if (!app) throw new NotFoundError(`No application #${applicationId}.`);
  return app;
}

/** Plan the playbook for an application; existing steps are kept, new ones added. */
function planFor(ctx: SteerContext, app: ApplicationRow, contacts: ContactRow[], deliverThankYouNow: boolean): PlannedStep[] {
  return planFollowUps({
    applicationKey: app.original_key,
    contacts: contacts.map((c, i) => ({ email: c.email, title: c.title, isSender: i === 0, rapport: c.rapport === 1 })),
    startAt: app.rejected_at ?? app.created_at,
    now: ctx.now,
    cadence: ownerCadence(ctx.owner),
    window: ownerWindow(ctx.owner, ctx.config),
    feedbackOptIn: app.feedback_opt_in === 1,
    consultingOptIn: app.consulting_opt_in === 1,
    dream: app.dream === 1,
    deliverThankYouNow,
  });
}

async function patch(ctx: SteerContext, app: ApplicationRow, p: ApplicationPatch, replan: boolean, deliverThankYouNow = false): Promise<PlannedStep[]> {
  const statements = [updateApplicationStatement(ctx.db, ctx.owner.id, app.id, p, ctx.now)];
  let steps: PlannedStep[] = [];
  if (replan) {
    const updated: ApplicationRow = {
      ...app,
      ...(p.status ? { status: p.status } : {}),
      ...(p.dream !== undefined ? { dream: p.dream ? 1 : 0 } : {}),
      ...(p.feedbackOptIn !== undefined ? { feedback_opt_in: p.feedbackOptIn ? 1 : 0 } : {}),
    };
    steps = planFor(ctx, updated, await getContacts(ctx.db, ctx.owner.id, app.id), deliverThankYouNow);
    statements.push(...insertStepsStatements(ctx.db, ctx.owner.id, app.id, steps, ctx.now));
  }
  await ctx.db.batch(statements);
  return steps;
}

const label = (app: ApplicationRow) => `${app.company ?? "the application"}${app.role ? ` (${app.role})` : ""}`;

/** A needs_review application becomes active once it has a company: plan its playbook. */
async function activateIfReviewed(ctx: SteerContext, app: ApplicationRow, p: ApplicationPatch, deliverNow: boolean): Promise<Change> {
  const company = p.company ?? app.company;
  if (app.status === "needs_review" && company) {
    const steps = await patch(ctx, app, { ...p, status: "active" }, true, deliverNow);
    return { summary: "confirmed: follow-ups planned", delivered: steps.filter((s) => s.status === "sent") };
  }
  await patch(ctx, app, p, false);
  return { summary: "" };
}

export async function setCompany(ctx: SteerContext, applicationId: number, company: string, deliverNow = false): Promise<Change> {
  const app = await load(ctx, applicationId);
  const result = await activateIfReviewed(ctx, app, { company }, deliverNow);
  return { ...result, summary: [`Company set to ${company}`, result.summary].filter(Boolean).join("; ") };
}

export async function setRole(ctx: SteerContext, applicationId: number, role: string | null): Promise<Change> {
  const app = await load(ctx, applicationId);
  await patch(ctx, app, { role }, false);
  return { summary: role ? `Role set to ${role}` : "Role cleared" };
}

export async function confirm(ctx: SteerContext, applicationId: number, deliverNow = false): Promise<Change> {
  const app = await load(ctx, applicationId);
  if (app.status !== "needs_review") return { summary: `${label(app)} was already confirmed` };
  if (!app.company) return { summary: `Please set the company first (reply "company: Name")` };
  const result = await activateIfReviewed(ctx, app, {}, deliverNow);
  return { ...result, summary: `${label(app)} confirmed as a rejection; follow-ups planned` };
}

export async function pause(ctx: SteerContext, applicationId: number): Promise<Change> {
  const app = await load(ctx, applicationId);
  await patch(ctx, app, { status: "paused" }, false);
  return { summary: `Paused ${label(app)}: nothing will be sent until you resume` };
}

export async function resume(ctx: SteerContext, applicationId: number): Promise<Change> {
  const app = await load(ctx, applicationId);
  if (app.status === "needs_review") return confirm(ctx, applicationId);
  // Steps that fell due while paused come in the next digest; anything stopped stays stopped.
  await patch(ctx, app, { status: "active" }, false);
  return { summary: `Resumed ${label(app)}` };
}

export async function stop(ctx: SteerContext, applicationId: number): Promise<Change> {
  const app = await load(ctx, applicationId);
  await ctx.db.batch([
    updateApplicationStatement(ctx.db, ctx.owner.id, app.id, { status: "stopped" }, ctx.now),
    closeFollowUpsStatement(ctx.db, ctx.owner.id, { applicationId: app.id }, "skipped"),
  ]);
  return { summary: `Stopped ${label(app)}: no more follow-ups` };
}

export async function markDone(ctx: SteerContext, target: Target): Promise<Change> {
  if ("applicationId" in target) await load(ctx, target.applicationId);
  // For a whole application, "done" means the thank-you notes went out.
  const kinds = "applicationId" in target ? ["thank-you"] : undefined;
  const result = await closeFollowUpsStatement(ctx.db, ctx.owner.id, target, "done", kinds).run();
  return { summary: `Marked ${result.meta.changes} follow-up(s) done` };
}

export async function skip(ctx: SteerContext, target: Target): Promise<Change> {
  if ("applicationId" in target) await load(ctx, target.applicationId);
  const pending = await pendingFollowUps(ctx.db, ctx.owner.id, target);
  // For a whole application, skip only the next step.
  const ids = "applicationId" in target ? pending.sort((a, b) => a.due_at - b.due_at).slice(0, 1).map((p) => p.id) : pending.map((p) => p.id);
  if (!ids.length) return { summary: "Nothing pending to skip" };
  await closeFollowUpsStatement(ctx.db, ctx.owner.id, { ids }, "skipped").run();
  return { summary: `Skipped ${ids.length} follow-up(s)` };
}

export async function snooze(ctx: SteerContext, target: Target, days: number): Promise<Change> {
  if ("applicationId" in target) await load(ctx, target.applicationId);
  const pending = await pendingFollowUps(ctx.db, ctx.owner.id, target);
  if (!pending.length) return { summary: "Nothing pending to snooze" };
  const window = ownerWindow(ctx.owner, ctx.config);
  await ctx.db.batch(
    pending.map((p) => setDueStatement(ctx.db, ctx.owner.id, p.id, nextSendSlot(Math.max(p.due_at, ctx.now) + days * DAY, window))),
  );
  return { summary: `Snoozed ${pending.length} follow-up(s) by ${days} day(s)` };
}

export async function addContact(
  ctx: SteerContext,
  applicationId: number,
  person: { email: string; name: string | null; title: string | null },
  deliverNow = false,
): Promise<Change> {
  const app = await load(ctx, applicationId);
  const email = person.email.trim().toLowerCase();
  await upsertContactStatement(ctx.db, ctx.owner.id, app.id, { ...person, email }, ctx.now).run();
  if (app.status === "needs_review") return { summary: `Added ${person.name ?? email}` };
  const contacts = await getContacts(ctx.db, ctx.owner.id, app.id);
  const steps = planFor(ctx, app, contacts, deliverNow).filter((s) => s.contactEmail === email);
  await ctx.db.batch(insertStepsStatements(ctx.db, ctx.owner.id, app.id, steps, ctx.now));
  return { summary: `Added ${person.name ?? email}`, delivered: steps.filter((s) => s.status === "sent") };
}

export async function removeContact(ctx: SteerContext, applicationId: number, email: string): Promise<Change> {
  const app = await load(ctx, applicationId);
  const result = await removeContactStatement(ctx.db, ctx.owner.id, app.id, email.toLowerCase()).run();
  return { summary: result.meta.changes ? `Removed ${email} and their follow-ups` : `${email} was not on ${label(app)}` };
}

export async function setRapport(ctx: SteerContext, applicationId: number, email: string, on = true): Promise<Change> {
  const app = await load(ctx, applicationId);
  const result = await setRapportStatement(ctx.db, ctx.owner.id, app.id, email.toLowerCase(), on).run();
  if (!result.meta.changes) return { summary: `${email} is not on ${label(app)}: add them first` };
  if (on && app.feedback_opt_in && app.status === "active") await patch(ctx, app, {}, true);
  return { summary: on ? `Marked rapport with ${email}` : `Cleared rapport with ${email}` };
}

export async function setFeedback(ctx: SteerContext, applicationId: number, on: boolean): Promise<Change> {
  const app = await load(ctx, applicationId);
  if (on) await patch(ctx, app, { feedbackOptIn: true }, app.status === "active");
  else await ctx.db.batch([
    updateApplicationStatement(ctx.db, ctx.owner.id, app.id, { feedbackOptIn: false }, ctx.now),
    closeFollowUpsStatement(ctx.db, ctx.owner.id, { applicationId: app.id }, "skipped", ["feedback-request"]),
  ]);
  return { summary: on ? "Feedback requests on (for people marked rapport)" : "Feedback requests off" };
}

export async function setDream(ctx: SteerContext, applicationId: number, on = true): Promise<Change> {
  const app = await load(ctx, applicationId);
  await patch(ctx, app, { dream: on }, on && app.status === "active");
  return { summary: on ? `${app.company ?? "This company"} is a dream company: I'll remind you to follow its news and careers page` : "No longer a dream company" };
}

export async function deleteApplication(ctx: SteerContext, applicationId: number): Promise<Change> {
  const app = await load(ctx, applicationId);
  await ctx.db.batch(deleteApplicationStatements(ctx.db, ctx.owner.id, app.id));
  return { summary: `Deleted ${label(app)} with its people, messages and follow-ups` };
}

export async function deleteOwnerData(ctx: SteerContext): Promise<Change> {
  await deleteOwnerStatement(ctx.db, ctx.owner.id).run();
  return { summary: "Deleted all your data: applications, people, messages, follow-ups, outbox and settings" };
}

/** The owner landed a job: tell everyone they met, once per person, at the next send slot. */
export async function landed(ctx: SteerContext, company: string, role: string | null): Promise<Change> {
  const contacts = await allContacts(ctx.db, ctx.owner.id);
  const due = nextSendSlot(ctx.now, ownerWindow(ctx.owner, ctx.config));
  const seen = new Set<string>();
  const statements = setLandedStatements(ctx.db, ctx.owner.id, company, role, ctx.now);
  for (const c of contacts) {
    if (seen.has(c.email)) continue;
    seen.add(c.email);
    const step: PlannedStep = { stepKey: `landed/${c.email}`, kind: "landed-update", contactEmail: c.email, dueAt: due, status: "pending" };
    statements.push(...insertStepsStatements(ctx.db, ctx.owner.id, c.application_id, [step], ctx.now));
  }
  await ctx.db.batch(statements);
  return { summary: `Congratulations on ${role ? `${role} at ` : ""}${company}! I'll hand you an update for ${seen.size} people you met` };
}

/** The first send slot on or after the local calendar day of `ms`, so a changed hour keeps the day. */
export function reslot(ms: number, now: number, w: SendWindow): number {
  const t = localTime(ms, w.timezone);
  return nextSendSlot(Math.max(fromLocal(t.year, t.month, t.day, 0, w.timezone), now), w);
}

/** Save the owner's settings and move every planned step to the new hour, zone and days. */
export async function changeSettings(ctx: SteerContext, settings: OwnerSettings): Promise<Change> {
  await updateSettings(ctx.db, ctx.owner.id, settings);
  const owner = (await findOwnerById(ctx.db, ctx.owner.id)) ?? ctx.owner;
  const window = ownerWindow(owner, ctx.config);
  const pending = await ownerPendingFollowUps(ctx.db, ctx.owner.id);
  const moves = pending.map((p) => ({ id: p.id, due: reslot(p.due_at, ctx.now, window) })).filter((m, i) => m.due !== pending[i]!.due_at);
  if (moves.length) await ctx.db.batch(moves.map((m) => setDueStatement(ctx.db, ctx.owner.id, m.id, m.due)));
  return { summary: `Settings saved; ${moves.length} planned step(s) moved to your new send time` };
}
