// The owner steers rebound by replying to any of its emails. A reply is
// recognised by In-Reply-To/References against our outbox, or by the
// "[rebound #N]" tag in its subject; its lines are commands.

import type { Config } from "../config.ts";
import { claimOutbox, findOutboxByMessageIds, markOutboxFailed, markOutboxSent, outboxTargets } from "../db/outbox.ts";
import { recordCommandMessage } from "../db/messages.ts";
import type { OwnerRow } from "../db/owners.ts";
import { getApplication, getContacts } from "../db/steer.ts";
import { draftHtml } from "../mail/digest.ts";
import { nextPending } from "../db/followups.ts";
import { commandHelpText, COMMAND_HELP, formatDate, KIND_LABELS } from "../mail/format.ts";
import { html } from "../mail/html.ts";
import { newMessageId, replyTo } from "../mail/send.ts";
import { parseCommands, type Command } from "../pipeline/commands.ts";
import { draftMessage, type Draft } from "../pipeline/draft.ts";
import type { PlannedStep } from "../pipeline/plan.ts";
import type { Reading } from "../pipeline/types.ts";
import * as steer from "./steer.ts";

/** What a reply is about: an application, and the follow-ups of the email it answers. */
export interface CommandTarget {
  applicationIds: number[];
  followUpIds: number[];
}

export async function findCommandTarget(db: D1Database, owner: OwnerRow, reading: Reading): Promise<CommandTarget | null> {
  const ids = [reading.outer.inReplyTo, ...reading.outer.references].filter((x): x is string => !!x);
  const ours = await findOutboxByMessageIds(db, owner.id, ids);
  if (ours) {
    // A follow-up email's commands act on what it carried; a forward's digest, on its application.
    const rows = ours.kind === "followups" ? await outboxTargets(db, owner.id, ours.id) : [];
    const apps = new Set(rows.map((r) => r.application_id).filter((a): a is number => a !== null));
    if (ours.application_id) apps.add(ours.application_id);
    return { applicationIds: [...apps], followUpIds: rows.map((r) => r.id) };
  }
  // Fallback for clients that drop threading headers: the tag in a reply's subject.
  const tag = /^\s*(?:re|aw|sv|antw|r|rif|res)\s*:.*\[rebound #(\d{1,9})\]/i.exec(reading.outer.subject);
  if (tag) {
    const app = await getApplication(db, owner.id, Number(tag[1]));
    if (app) return { applicationIds: [app.id], followUpIds: [] };
  }
  return null;
}

export interface CommandOutcome {
  changes: string[];
  problems: string[];
  delivered: { applicationId: number; steps: PlannedStep[] }[];
  help: boolean;
}

const APP_LEVEL = new Set(["company", "role", "pause", "resume", "stop", "add", "remove", "rapport", "feedback", "dream", "delete", "confirm"]);

/** Apply commands in order; each reports what it changed or why it couldn't. */
export async function applyCommands(ctx: steer.SteerContext, target: CommandTarget, commands: Command[]): Promise<CommandOutcome> {
  const outcome: CommandOutcome = { changes: [], problems: [], delivered: [], help: false };
  for (const command of commands) {
    try {
      const change = await applyOne(ctx, target, command);
      if (change === "help") outcome.help = true;
      else {
        outcome.changes.push(change.summary);
        if (change.delivered?.length && change.applicationId) outcome.delivered.push({ applicationId: change.applicationId, steps: change.delivered });
      }
      if (command.type === "delete-all") break;
    } catch (error) {
      if (!(error instanceof steer.NotFoundError || error instanceof CommandError)) throw error;
      outcome.problems.push(error.message);
    }
  }
  return outcome;
}

class CommandError extends Error {}

type Applied = (steer.Change & { applicationId?: number }) | "help";

async function applyOne(ctx: steer.SteerContext, target: CommandTarget, c: Command): Promise<Applied> {
  if (c.type === "help") return "help";
  if (c.type === "landed") return steer.landed(ctx, c.company, c.role);
  if (c.type === "delete-all") return steer.deleteOwnerData(ctx);

  const appId = c.applicationId ?? (target.applicationIds.length === 1 ? target.applicationIds[0] : undefined);
  if (c.type === "done" || c.type === "skip" || c.type === "snooze") {
    // In reply to a follow-up email, these act on what that email carried.
    const scoped: steer.Target | null =
      target.followUpIds.length && c.applicationId === undefined
        ? { ids: target.followUpIds }
        : appId !== undefined
          ? { applicationId: appId }
          : null;
    if (!scoped) throw new CommandError(`"${c.type}": which application? Start the line with its number, e.g. "#12 ${c.type}".`);
    if (c.type === "snooze") return steer.snooze(ctx, scoped, c.days);
    return c.type === "done" ? steer.markDone(ctx, scoped) : steer.skip(ctx, scoped);
  }
  if (!APP_LEVEL.has(c.type)) throw new CommandError(`"${c.type}" is not something I can do here.`);
  if (appId === undefined) throw new CommandError(`"${c.type}": which application? Start the line with its number, e.g. "#12 ${c.type}".`);
  const withApp = (change: steer.Change): Applied => ({ ...change, applicationId: appId });
  switch (c.type) {
    case "company":
      return withApp(await steer.setCompany(ctx, appId, c.value, true));
    case "role":
      return withApp(await steer.setRole(ctx, appId, c.value));
    case "confirm":
      return withApp(await steer.confirm(ctx, appId, true));
    case "pause":
      return withApp(await steer.pause(ctx, appId));
    case "resume":
      return withApp(await steer.resume(ctx, appId));
    case "stop":
      return withApp(await steer.stop(ctx, appId));
    case "add":
      return withApp(await steer.addContact(ctx, appId, { email: c.email, name: c.name, title: null }, true));
    case "remove":
      return withApp(await steer.removeContact(ctx, appId, c.email));
    case "rapport":
      return withApp(await steer.setRapport(ctx, appId, c.email, true));
    case "feedback":
      return withApp(await steer.setFeedback(ctx, appId, c.on));
    case "dream":
      return withApp(await steer.setDream(ctx, appId, true));
    case "delete":
      return withApp(await steer.deleteApplication(ctx, appId));
    default:
      throw new CommandError(`"${c.type}" is not something I can do here.`);
  }
}

/** Thank-you drafts for steps a command just delivered (a new person, a confirmed application). */
async function deliveredDrafts(ctx: steer.SteerContext, delivered: CommandOutcome["delivered"]): Promise<Draft[]> {
  const drafts: Draft[] = [];
  for (const { applicationId, steps } of delivered) {
    const app = await getApplication(ctx.db, ctx.owner.id, applicationId);
    if (!app) continue;
    const contacts = await getContacts(ctx.db, ctx.owner.id, applicationId);
    for (const step of steps.filter((s) => s.kind === "thank-you")) {
      const contact = contacts.find((c) => c.email === step.contactEmail) ?? null;
      drafts.push(draftMessage({ kind: "thank-you", company: app.company, role: app.role, contact, ownerName: ctx.owner.name, rejectedAt: app.rejected_at }));
    }
  }
  return drafts;
}

export interface CommandReplyInput {
  message: ForwardableEmailMessage;
  db: D1Database;
  config: Config;
  owner: OwnerRow;
  reading: Reading;
  target: CommandTarget;
  messageId: string;
  now: number;
}

/** Run the commands in a reply and answer with what changed (or the help text). */
export async function handleCommandReply(input: CommandReplyInput): Promise<void> {
  const owner = input.owner;
  // Record the reply first: a duplicate delivery stops here instead of snoozing twice.
  if (!(await recordCommandMessage(input.db, owner.id, input.messageId, input.reading.outer.subject, input.now))) return;
  const ctx: steer.SteerContext = { db: input.db, owner, config: input.config, now: input.now };
  const { commands, unknown } = parseCommands(input.reading.outer.text ?? input.reading.original.text);
  const outcome = await applyCommands(ctx, input.target, commands);
  const drafts = await deliveredDrafts(ctx, outcome.delivered);
  const showHelp = outcome.help || unknown.length > 0 || commands.length === 0;
  const next = commands.some((c) => c.type === "delete-all") ? null : await nextPending(input.db, owner.id, input.now);
  const nextLine = next
    ? `Next up: ${KIND_LABELS[next.kind] ?? next.kind} on ${formatDate(next.due_at, owner.timezone ?? input.config.timezone)}.`
    : "Nothing else is planned.";

  const text: string[] = [];
  if (outcome.changes.length) text.push("Done:", ...outcome.changes.map((c) => `  - ${c}`), "");
  if (outcome.problems.length) text.push("Not done:", ...outcome.problems.map((p) => `  - ${p}`), "");
  if (unknown.length) text.push("I didn't understand these lines, so nothing changed for them:", ...unknown.map((u) => `  "${u}"`), "");
  if (commands.length === 0 && unknown.length === 0) text.push("I found no command in your reply, so nothing changed.", "");
  for (const d of drafts) text.push(`Thank-you note to ${d.toLabel}:`, `Subject: ${d.subject}`, "", d.body, "", `Open in your mail app: ${d.mailto}`, "-----", "");
  text.push(nextLine, "");
  if (showHelp) text.push("Reply to any rebound email with one command per line:", commandHelpText(), "");
  else text.push('Reply "help" for all commands.', "");

  const body = html`<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">
${outcome.changes.length ? html`<p>Done:</p><ul>${outcome.changes.map((c) => html`<li>${c}</li>`)}</ul>` : ""}
${outcome.problems.length ? html`<p>Not done:</p><ul>${outcome.problems.map((p) => html`<li>${p}</li>`)}</ul>` : ""}
${unknown.length ? html`<p>I didn't understand these lines, so nothing changed for them:</p><ul>${unknown.map((u) => html`<li><code>${u}</code></li>`)}</ul>` : ""}
${commands.length === 0 && unknown.length === 0 ? html`<p>I found no command in your reply, so nothing changed.</p>` : ""}
${drafts.map(draftHtml)}
<p>${nextLine}</p>
${showHelp
    ? html`<p>Reply to any rebound email with one command per line:</p><ul>${COMMAND_HELP.map(([c, what]) => html`<li><code>${c}</code>: ${what}</li>`)}</ul>`
    : html`<p>Reply <code>help</code> for all commands.</p>`}
</body></html>`;

  const from = input.message.to.toLowerCase();
  const subject = `Re: ${input.reading.outer.subject.replace(/^\s*re:\s*/i, "").slice(0, 200)}`;
  const outgoingId = newMessageId(from);
  const deletedEverything = commands.some((c) => c.type === "delete-all") && outcome.changes.length > 0;
  // After "delete all my data" there is no owner row left to record an outbox entry against.
  const outboxId = deletedEverything
    ? null
    : await claimOutbox(input.db, {
        ownerId: owner.id,
        // A deleted application can't be referenced any more.
        applicationId: input.target.applicationIds.length === 1 && !commands.some((c) => c.type === "delete") ? input.target.applicationIds[0]! : null,
        kind: showHelp && !outcome.changes.length ? "help" : "confirmation",
        to: owner.email,
        subject,
        messageId: outgoingId,
        inReplyTo: input.messageId,
        now: input.now,
      }, input.config.maxOutboundPerDay);
  if (outboxId === null && !deletedEverything) return; // over the daily cap: changes are made, the confirmation waits
  try {
    await replyTo(input.message, {
      from: { name: "rebound", address: from },
      to: owner.email,
      subject,
      text: text.join("\n"),
      html: body.html,
      messageId: outgoingId,
      inReplyTo: input.messageId,
      references: [...input.reading.outer.references, input.messageId],
      date: new Date(input.now),
      autoSubmitted: true,
    });
    if (outboxId !== null) await markOutboxSent(input.db, outboxId, input.now).run();
  } catch (error) {
    console.error("rebound: command reply failed", error);
    if (outboxId !== null) await markOutboxFailed(input.db, outboxId, String(error)).run();
  }
}
