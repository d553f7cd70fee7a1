// A forward from the owner: save the application, plan the follow-ups, and
// reply once with the digest. Nothing is lost: unclear forwards are saved as
// needs_review and the owner is asked to confirm.

import type { Config } from "../config.ts";
import { listApplications, saveForward, type SavedForward } from "../db/applications.ts";
import type { OwnerRow } from "../db/owners.ts";
import { undeliveredStepsStatement } from "../db/followups.ts";
import { claimOutbox, markOutboxFailed, markOutboxSent } from "../db/outbox.ts";
import { applicationTag, composeDigest } from "../mail/digest.ts";
import { newMessageId, replyTo } from "../mail/send.ts";
import { draftMessage } from "../pipeline/draft.ts";
import { prepareForward } from "../pipeline/prepare.ts";
import type { Reading } from "../pipeline/types.ts";
import { parseCommand, type Command } from "../pipeline/commands.ts";
import { applyCommands } from "./commands.ts";
import { ownerCadence, ownerWindow } from "./owner-settings.ts";

export interface ForwardInput {
  message: ForwardableEmailMessage;
  db: D1Database;
  config: Config;
  owner: OwnerRow;
  reading: Reading;
  raw: Uint8Array;
  now: number;
}

export async function acceptForward(input: ForwardInput): Promise<SavedForward> {
  const { reading, config, now } = input;
  const owner = input.owner;
  const p = await prepareForward(reading, input.raw, { maxContacts: config.maxContacts, cadence: ownerCadence(owner), window: ownerWindow(owner, config), now });
  const { messageId, rejectedAt, contacts, steps } = p;
  const reason = p.reviewReason;

  const saved = await saveForward(input.db, {
    ownerEmail: owner.email,
    ownerName: p.ownerName,
    originalKey: p.originalKey,
    messageId,
    subject: reading.outer.subject,
    note: reading.note,
    original: {
      messageId: reading.original.messageId,
      from: reading.original.from?.address ?? null,
      subject: reading.original.subject,
      date: rejectedAt,
      text: reading.original.text,
    },
    company: reading.company,
    role: reading.role,
    status: reason ? "needs_review" : "active",
    rejectedAt,
    confidence: reading.confidence,
    ats: reading.ats,
    contacts: contacts.map((c) => ({ email: c.email, name: c.name, title: c.title, source: "email" })),
    steps,
    now,
  });

  const fromNote = await applyNoteCommands(input, owner, saved);
  const current = fromNote.length ? await reload(input.db, owner.id, saved) : saved;
  await replyWithDigest(input, current, messageId, reason && current.application.status === "needs_review" ? reason : null, p.skipped, owner.timezone ?? config.timezone, fromNote);
  return current;
}

/** Lines of the owner's note that are commands ("dream", "feedback on", "rapport x@y") apply to this application. */
async function applyNoteCommands(input: ForwardInput, owner: OwnerRow, saved: SavedForward): Promise<string[]> {
  if (saved.duplicateDelivery || !input.reading.note) return [];
  const commands = input.reading.note
    .split(/\r?\n/)
    .map((line) => parseCommand(line.trim()))
    .filter((c): c is Command => c !== null && NOTE_COMMANDS.has(c.type));
  if (!commands.length) return [];
  const outcome = await applyCommands({ db: input.db, owner, config: input.config, now: input.now }, { applicationIds: [saved.application.id], followUpIds: [] }, commands);
  return [...outcome.changes, ...outcome.problems];
}

// Commands that make sense about a forward being saved right now.
const NOTE_COMMANDS = new Set(["company", "role", "rapport", "feedback", "dream", "pause", "stop", "confirm"]);

async function reload(db: D1Database, ownerId: number, saved: SavedForward): Promise<SavedForward> {
  const [fresh] = await listApplications(db, ownerId, {}, saved.application.id);
  return fresh ? { ...saved, ...fresh } : saved;
}

async function replyWithDigest(
  input: ForwardInput,
  saved: SavedForward,
  inReplyTo: string,
  reason: string | null,
  skipped: string[],
  timezone: string,
  fromNote: string[],
) {
  const { application: app, contacts } = saved;
  const ownerName = input.reading.outer.from?.name || null;
  const draftFor = (contact: (typeof contacts)[number] | null) =>
    draftMessage({
      kind: "thank-you",
      company: app.company,
      role: app.role,
      contact,
      ownerName,
      rejectedAt: app.rejected_at,
      wroteRejection: contact === null || contact.email === input.reading.original.from?.address,
    });
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const upcoming = saved.followUps
    .filter((f) => f.status === "pending" && f.due_at > input.now)
    .slice(0, 8)
    .map((f) => ({ kind: f.step_key.includes("/thank-you-reminder/") ? "thank-you-reminder" : f.kind, dueAt: f.due_at, who: f.contact_id ? (byId.get(f.contact_id)?.name ?? f.contact_email ?? "") : "you" }));
  const mail = composeDigest({
    applicationId: app.id,
    company: app.company,
    role: app.role,
    rejectedAt: app.rejected_at,
    contacts,
    drafts: app.status === "needs_review" ? [] : contacts.length ? contacts.map(draftFor) : [draftFor(null)],
    upcoming,
    reviewReason: reason,
    skippedContacts: skipped,
    fromNote,
    timezone,
  });

  const subject = `Re: ${(input.reading.outer.subject || "your forward").slice(0, 200)} ${applicationTag(app.id)}`;
  const from = input.message.to.toLowerCase();
  const outgoingId = newMessageId(from);
  const outboxId = await claimOutbox(input.db, {
    ownerId: app.owner_id,
    applicationId: app.id,
    kind: "digest",
    to: input.owner.email,
    subject,
    messageId: outgoingId,
    inReplyTo,
    followUpIds: saved.followUps.filter((f) => f.kind === "thank-you" && f.status === "sent").map((f) => f.id),
    now: input.now,
  }, input.config.maxOutboundPerDay);
  // Already answered (a duplicate delivery), or the daily cap is reached: the forward is saved either way.
  if (outboxId === null) return;

  let replied = false;
  try {
    await replyTo(input.message, {
      from: { name: "rebound", address: from },
      to: input.owner.email,
      subject,
      text: mail.text,
      html: mail.html,
      messageId: outgoingId,
      inReplyTo,
      references: [...input.reading.outer.references, inReplyTo],
      date: new Date(input.now),
      autoSubmitted: true,
    });
    replied = true;
    await markOutboxSent(input.db, outboxId, input.now).run();
  } catch (error) {
    // The reply went out but D1 failed to record it: keep the claim, so a redelivery can't answer twice, and fail loudly.
    if (replied) throw error;
    // Saved is saved: record the failure (a redelivery may claim the reply again) rather than bounce the forward.
    console.error("rebound: reply failed", error);
    // Its thank-you notes were not delivered: the next cron run sends them.
    await input.db.batch([markOutboxFailed(input.db, outboxId, String(error)), undeliveredStepsStatement(input.db, outboxId, input.now)]);
  }
}
