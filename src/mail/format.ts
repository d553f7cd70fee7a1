// Small formatting helpers shared by every email rebound writes.

// Building an Intl formatter costs far more than using one: keep one per zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(ms: number | null, timeZone: string): string {
  if (ms === null) return "unknown date";
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric" });
    dateFormats.set(timeZone, f);
  }
  return f.format(ms);
}

export const KIND_LABELS: Record<string, string> = {
  "thank-you": "Thank-you note",
  "thank-you-reminder": "Reminder to send your thank-you note",
  "feedback-request": "Feedback request",
  "self-review": "Private self-review",
  connect: "Connection request",
  "value-note": "Note of value",
  "check-in": "Check-in",
  "consulting-offer": "Offer of help",
  "landed-update": "I landed a job",
};

/** The reply commands, one per line, as every email shows them. */
export const COMMAND_HELP = [
  ["company: Name", "correct the company"],
  ["role: Title", "correct the role"],
  ["add Jane Doe <jane@example.com>", "add a person you met"],
  ["remove jane@example.com", "remove a person"],
  ["done", "mark today's notes as sent"],
  ["snooze 2w", "push everything back (d, w or m)"],
  ["pause / resume / stop", "hold, restart or end the follow-ups"],
  ["landed Acme as Data Analyst", "tell rebound you got a job"],
  ["help", "all commands"],
] as const;

export function commandHelpText(): string {
  const width = Math.max(...COMMAND_HELP.map(([c]) => c.length));
  return COMMAND_HELP.map(([c, what]) => `  ${c.padEnd(width)}  ${what}`).join("\n");
}
