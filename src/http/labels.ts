// Words and dates as the owner reads them, in the owner's time zone.

export const KIND_LABELS: Record<string, string> = {
  "thank-you": "Thank-you note",
  "feedback-request": "Feedback request",
  "self-review": "Self-review",
  connect: "Connection request",
  "value-note": "Note of value",
  "check-in": "Check-in",
  "consulting-offer": "Offer of help",
  "landed-update": "\u201cI landed\u201d update",
};

export const STATUS_LABELS: Record<string, string> = {
  active: "Active",
  needs_review: "Needs review",
  paused: "Paused",
  stopped: "Stopped",
  pending: "Planned",
  sent: "Sent to you",
  failed: "Failed",
  skipped: "Skipped",
  done: "Done",
  retrying: "Retrying",
};

export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

/** A step's name as the owner thinks of it: the thank-you reminder and the dream-company nudge have their own. */
export function stepLabel(f: { kind: string; step_key: string; contact_email?: string | null }): string {
  if (f.kind === "thank-you" && /(^|\/)thank-you-reminder\//.test(f.step_key)) return "Thank-you note (reminder)";
  if (f.kind === "value-note" && !f.contact_email) return "Dream company: follow their news";
  return kindLabel(f.kind);
}
export const statusLabel = (status: string) => STATUS_LABELS[status] ?? status;

export function formatDate(ms: number | null, timeZone: string): string {
  if (ms === null) return "—";
  return new Date(ms).toLocaleDateString("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" });
}

export function formatDateTime(ms: number | null, timeZone: string): string {
  if (ms === null) return "—";
  return new Date(ms).toLocaleString("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}
