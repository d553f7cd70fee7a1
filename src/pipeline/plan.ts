// The playbook (DESIGN.md, "the advice the product encodes") turned into dated
// steps. Pure: the rejection date, contacts, options and `now` come in.

export const FOLLOW_UP_KINDS = [
  "thank-you",
  "feedback-request",
  "self-review",
  "connect",
  "value-note",
  "check-in",
  "consulting-offer",
  "landed-update",
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

import { nextSendSlot, type SendWindow } from "./schedule.ts";

export const DAY = 24 * 60 * 60 * 1000;

export interface Cadence {
  thankYouReminderDays: number;
  selfReviewDays: number;
  connectDays: number;
  valueNoteEveryDays: number;
  valueNoteMax: number;
  /** No two messages to one contact closer than this. */
  quietGapDays: number;
  checkInDays: number;
  consultingDays: number;
  /** Dream companies: a private nudge to look at their news and careers page. */
  dreamWatchEveryDays: number;
  dreamWatchMax: number;
}

export const DEFAULT_CADENCE: Cadence = {
  thankYouReminderDays: 2,
  selfReviewDays: 1,
  connectDays: 7,
  valueNoteEveryDays: 56,
  valueNoteMax: 3,
  quietGapDays: 42,
  checkInDays: 152, // about five months
  consultingDays: 180,
  dreamWatchEveryDays: 28,
  dreamWatchMax: 6,
};

export interface PlanContact {
  email: string;
  title: string | null;
  /** The original's sender: the default person to check in with. */
  isSender: boolean;
  rapport?: boolean;
}

export interface PlanInput {
  /** Prefix making step keys unique per application. */
  applicationKey: string;
  contacts: PlanContact[];
  /** The reference time for the schedule: the rejection, or now if unknown or in the future. */
  startAt: number;
  now: number;
  cadence?: Partial<Cadence>;
  feedbackOptIn?: boolean;
  consultingOptIn?: boolean;
  dream?: boolean;
  /** Thank-you notes are delivered at once (in a digest) or planned as pending for the next one. */
  deliverThankYouNow?: boolean;
  /** Align pending steps to the owner's send slots. */
  window?: SendWindow;
}

export interface PlannedStep {
  stepKey: string;
  kind: FollowUpKind;
  contactEmail: string | null;
  dueAt: number;
  /** Thank-you notes go out in the first digest, so they start as sent. */
  status: "pending" | "sent";
}

const HIRING_TITLE = /hiring manager|head of|director|lead|manager|vp|chief|founder|cto|ceo|recruit|talent|people|hr\b|human resources/i;

/** Who gets the five-month check-in: the hiring manager or HR if known, else the sender, else the first contact. */
export function checkInContact(contacts: PlanContact[]): PlanContact | null {
  return (
    contacts.find((c) => c.title && /hiring manager/i.test(c.title)) ??
    contacts.find((c) => c.title && HIRING_TITLE.test(c.title)) ??
    contacts.find((c) => c.isSender) ??
    contacts[0] ??
    null
  );
}

export function planFollowUps(input: PlanInput): PlannedStep[] {
  const c = { ...DEFAULT_CADENCE, ...input.cadence };
  const start = Math.min(input.startAt, input.now);
  const key = (...parts: (string | number)[]) => [input.applicationKey, ...parts].join("/");
  const w = input.window;
  const align = (ms: number) => (w ? nextSendSlot(ms, w) : ms);
  // Steps that follow the owner's own rhythm count from now (a late forward still
  // gets its self-review before its connect notes); the check-in counts from the rejection.
  const fromNow = (days: number) => align(input.now + days * DAY);
  const fromRejection = (days: number) => align(Math.max(start + days * DAY, input.now));
  const steps: PlannedStep[] = [];

  const thankYouStatus = input.deliverThankYouNow === false ? "pending" : "sent";
  const thankYouTargets = input.contacts.length ? input.contacts.map((x) => x.email) : [null];
  for (const email of thankYouTargets) {
    steps.push({ stepKey: key("thank-you", email ?? "team"), kind: "thank-you", contactEmail: email, dueAt: input.now, status: thankYouStatus });
    // A reminder, closed when the owner marks the note done.
    steps.push({
      stepKey: key("thank-you-reminder", email ?? "team"),
      kind: "thank-you",
      contactEmail: email,
      dueAt: align(input.now + c.thankYouReminderDays * DAY),
      status: "pending",
    });
  }
  steps.push({ stepKey: key("self-review"), kind: "self-review", contactEmail: null, dueAt: fromNow(c.selfReviewDays), status: "pending" });

  const checkIn = checkInContact(input.contacts);
  const gap = c.quietGapDays * DAY;
  for (const contact of input.contacts) {
    const taken: number[] = [input.now]; // the thank-you
    const add = (kind: FollowUpKind, dueAt: number, ...keyParts: (string | number)[]) => {
      steps.push({ stepKey: key(kind, ...keyParts, contact.email), kind, contactEmail: contact.email, dueAt, status: "pending" });
      taken.push(dueAt);
    };
    add("connect", fromNow(c.connectDays));
    if (input.feedbackOptIn && contact.rapport) add("feedback-request", fromNow(c.selfReviewDays + 1));
    if (contact === checkIn) add("check-in", fromRejection(c.checkInDays));
    if (input.consultingOptIn && contact === checkIn) add("consulting-offer", fromRejection(c.consultingDays));
    // Value notes about every 8 weeks, never within the quiet gap of another message to this contact.
    let placed = 0;
    for (let days = c.valueNoteEveryDays; placed < c.valueNoteMax && days < 400; days += 7) {
      const due = fromNow(days);
      if (taken.every((t) => Math.abs(t - due) >= gap)) {
        placed += 1;
        add("value-note", due, placed);
        days += c.valueNoteEveryDays - 7;
      }
    }
  }
  if (input.dream) {
    for (let n = 1; n <= c.dreamWatchMax; n++) {
      steps.push({ stepKey: key("dream", n), kind: "value-note", contactEmail: null, dueAt: fromNow(n * c.dreamWatchEveryDays), status: "pending" });
    }
  }
  return steps;
}
