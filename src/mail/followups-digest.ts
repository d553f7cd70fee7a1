// The cron's email: every follow-up due for one owner, grouped by application,
// each with its draft, its context and how to act on it by replying.

import type { Draft } from "../pipeline/draft.ts";
import { draftHtml } from "./digest.ts";
import { formatDate, KIND_LABELS, COMMAND_HELP, commandHelpText } from "./format.ts";
import { html } from "./html.ts";

export interface DigestItem {
  followUpId: number;
  applicationId: number | null;
  company: string | null;
  role: string | null;
  draft: Draft;
  /** "Rejected on ...; last note: thank-you on ..." */
  context: string;
  reminder: boolean;
  failedBefore: boolean;
}

export interface FollowUpDigest {
  subject: string;
  text: string;
  html: string;
}

export function composeFollowUpDigest(items: DigestItem[], next: { dueAt: number; kind: string } | null, timezone: string): FollowUpDigest {
  const companies = [...new Set(items.map((i) => i.company ?? "unknown company"))];
  const subject = `rebound: ${items.length} follow-up${items.length === 1 ? "" : "s"} for today (${companies.slice(0, 3).join(", ")}${companies.length > 3 ? ", ..." : ""})`;
  const groups = new Map<number | null, DigestItem[]>();
  for (const item of items) {
    const group = groups.get(item.applicationId);
    if (group) group.push(item);
    else groups.set(item.applicationId, [item]);
  }
  const several = groups.size > 1;
  const heading = (i: DigestItem) => `${i.company ?? "Unknown company"}${i.role ? `, ${i.role}` : ""}${i.applicationId ? ` [#${i.applicationId}]` : ""}`;
  const label = (i: DigestItem) => `${i.reminder ? "Reminder: " : ""}${KIND_LABELS[i.draft.kind] ?? i.draft.kind}${i.failedBefore ? " (delayed: an earlier send failed)" : ""}`;
  const nextLine = next ? `Next up: ${KIND_LABELS[next.kind] ?? next.kind} on ${formatDate(next.dueAt, timezone)}.` : "Nothing else is planned yet.";
  const how = several
    ? 'Reply with one command per line; start a line with the application\'s number to pick one, e.g. "#12 done" or "#12 snooze 2w".'
    : 'Reply with one command per line, e.g. "done" once you have sent them, "skip", or "snooze 2w".';

  const text: string[] = ["Here is what is due today, ready to send.", ""];
  for (const group of groups.values()) {
    text.push(heading(group[0]!).toUpperCase());
    for (const i of group) {
      text.push("", `${label(i)}: ${i.context}`, `To: ${i.draft.toLabel}`, `Subject: ${i.draft.subject}`, "", i.draft.body, "");
      if (i.draft.mailto) text.push(`Open in your mail app: ${i.draft.mailto}`);
      text.push(`Tip: ${i.draft.tip}`, "-----");
    }
    text.push("");
  }
  text.push(nextLine, "", how, commandHelpText(), "");

  const body = html`<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">
<p>Here is what is due today, ready to send.</p>
${[...groups.values()].map(
    (group) => html`<h2>${heading(group[0]!)}</h2>${group.map((i) => html`<h3>${label(i)}</h3><p>${i.context}</p>${draftHtml(i.draft)}`)}`,
  )}
<p>${nextLine}</p>
<p>${how}</p>
<ul>${COMMAND_HELP.map(([c, what]) => html`<li><code>${c}</code>: ${what}</li>`)}</ul>
</body></html>`;
  return { subject, text: text.join("\n"), html: body.html };
}
