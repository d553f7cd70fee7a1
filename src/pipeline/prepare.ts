// What a forward becomes before any I/O: its identities, whether it needs the
// owner's review, the people kept, and the planned steps. Pure, so the worker
// and the benchmark run the same code.

import { deliveryId, originalKey } from "./identity.ts";
import { planFollowUps, type Cadence, type PlannedStep } from "./plan.ts";
import type { SendWindow } from "./schedule.ts";
import type { Contact, Reading } from "./types.ts";

/** Below this confidence a "rejection" is saved for the owner to confirm. */
export const REVIEW_THRESHOLD = 0.5;
/** A rejection that only the learned wording model sees acts on its own only when the model is this sure. */
export const WORDING_REVIEW_THRESHOLD = 0.75;

export function reviewReason(reading: Reading): string | null {
  if (!reading.isRejection || reading.confidence < REVIEW_THRESHOLD) return "it doesn't clearly read as a rejection";
  if (reading.byWording && reading.confidence < WORDING_REVIEW_THRESHOLD) return "it reads as a rejection only to my wording model, and not firmly";
  if (!reading.company) return "I couldn't find the company's name";
  return null;
}

export interface PreparedForward {
  messageId: string;
  originalKey: string;
  reviewReason: string | null;
  contacts: Contact[];
  /** People beyond the per-email cap: listed in the digest, not stored. */
  skipped: string[];
  rejectedAt: number | null;
  ownerName: string | null;
  steps: PlannedStep[];
}

export async function prepareForward(
  reading: Reading,
  raw: Uint8Array,
  opts: { maxContacts: number; cadence: Cadence; window: SendWindow; now: number },
): Promise<PreparedForward> {
  const messageId = await deliveryId(reading, raw);
  const key = await originalKey(reading, messageId);
  const reason = reviewReason(reading);
  const contacts = reading.contacts.slice(0, opts.maxContacts);
  const rejectedAt = reading.original.date ? Date.parse(reading.original.date) : null;
  const steps = reason
    ? []
    : planFollowUps({
        applicationKey: key,
        contacts: contacts.map((c) => ({ email: c.email, title: c.title, isSender: c.email === reading.original.from?.address })),
        startAt: rejectedAt ?? opts.now,
        now: opts.now,
        cadence: opts.cadence,
        window: opts.window,
      });
  return {
    messageId,
    originalKey: key,
    reviewReason: reason,
    contacts,
    skipped: reading.contacts.slice(opts.maxContacts).map((c) => c.email),
    rejectedAt,
    ownerName: reading.outer.from?.name || null,
    steps,
  };
}
