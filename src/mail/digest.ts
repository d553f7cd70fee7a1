// The reply to a forward: what rebound understood, today's drafts, what comes
// next, and how to correct it. Text and HTML from the same data.

import type { Draft } from "../pipeline/draft.ts";
import { formatDate, KIND_LABELS, COMMAND_HELP, commandHelpText } from "./format.ts";
import { html, type Safe } from "./html.ts";

export interface DigestInput {
  applicationId: number;
  company: string | null;
  role: string | null;
  rejectedAt: number | null;
  contacts: { name: string | null; email: string; title: string | null }[];
  drafts: Draft[];
  upcoming: { kind: string; dueAt: number; who: string }[];
  /** Why the application needs the owner's review, if it does. */
  reviewReason: string | null;
  /** Contacts beyond the per-email cap, listed but not stored. */
  skippedContacts: string[];
  /** What commands in the owner's note changed. */
  fromNote?: string[];
  timezone: string;
}

export interface ComposedMail {
  text: string;
  html: string;
}

/** The reference that lets a reply be matched even if a mail client drops In-Reply-To. */
export function applicationTag(id: number): string {
  return `[rebound #${id}]`;
}

function contactLine(c: DigestInput["contacts"][number]): string {
  return [c.name, `<${c.email}>`, c.title ? `(${c.title})` : null].filter(Boolean).join(" ");
}

export function composeDigest(d: DigestInput): ComposedMail {
  const understood: [string, string][] = [
    ["Company", d.company ?? "not found"],
    ["Role", d.role ?? "not stated"],
    ["Rejected on", formatDate(d.rejectedAt, d.timezone)],
    ["People", d.contacts.length ? d.contacts.map(contactLine).join("; ") : "no one with an address"],
  ];

  const text: string[] = [];
  if (d.reviewReason) {
    text.push(`I saved this forward, but ${d.reviewReason}. Please check what I understood and correct it by replying (for example "company: Acme"), or reply "stop" if it isn't a rejection.`, "");
  } else {
    text.push("Sorry about this one. Here is what I understood and your thank-you notes, ready to send.", "");
  }
  text.push("WHAT I UNDERSTOOD", ...understood.map(([k, v]) => `  ${k}: ${v}`));
  if (d.skippedContacts.length) text.push(`  Not stored (over the per-email limit): ${d.skippedContacts.join(", ")}`);
  text.push("");
  if (d.fromNote?.length) text.push("FROM YOUR NOTE", ...d.fromNote.map((c) => `  - ${c}`), "");
  if (d.drafts.length) {
    text.push("THANK-YOU NOTES");
    for (const draft of d.drafts) {
      text.push("", `To: ${draft.toLabel}`, `Subject: ${draft.subject}`, "", draft.body, "", `Open in your mail app: ${draft.mailto}`, `Tip: ${draft.tip}`, "-----");
    }
    text.push("");
  }
  if (d.upcoming.length) {
    text.push("WHAT COMES NEXT", ...d.upcoming.map((u) => `  ${formatDate(u.dueAt, d.timezone)}  ${KIND_LABELS[u.kind] ?? u.kind} (${u.who})`), "");
  }
  text.push("TO CORRECT OR STEER IT, reply to this email with one command per line:", commandHelpText(), "");

  const body = html`<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">
${d.reviewReason
    ? html`<p><strong>Please check:</strong> I saved this forward, but ${d.reviewReason}. Correct it by replying (for example <code>company: Acme</code>), or reply <code>stop</code> if it isn't a rejection.</p>`
    : html`<p>Sorry about this one. Here is what I understood and your thank-you notes, ready to send.</p>`}
<h2>What I understood</h2>
<table>${understood.map(([k, v]) => html`<tr><th align="left">${k}</th><td>${v}</td></tr>`)}</table>
${d.skippedContacts.length ? html`<p>Not stored (over the per-email limit): ${d.skippedContacts.join(", ")}</p>` : ""}
${d.fromNote?.length ? html`<h2>From your note</h2><ul>${d.fromNote.map((c) => html`<li>${c}</li>`)}</ul>` : ""}
${d.drafts.length ? html`<h2>Thank-you notes</h2>${d.drafts.map(draftHtml)}` : ""}
${d.upcoming.length
    ? html`<h2>What comes next</h2><ul>${d.upcoming.map((u) => html`<li>${formatDate(u.dueAt, d.timezone)}: ${KIND_LABELS[u.kind] ?? u.kind} (${u.who})</li>`)}</ul>`
    : ""}
<h2>To correct or steer it</h2>
<p>Reply to this email with one command per line:</p>
<ul>${COMMAND_HELP.map(([c, what]) => html`<li><code>${c}</code>: ${what}</li>`)}</ul>
</body></html>`;
  return { text: text.join("\n"), html: body.html };
}

export function draftHtml(draft: Draft): Safe {
  return html`<div style="border:1px solid #ccc;border-radius:6px;padding:0.75em;margin:1em 0">
<p><strong>To:</strong> ${draft.toLabel}<br><strong>Subject:</strong> ${draft.subject}</p>
<pre style="white-space:pre-wrap;font-family:inherit">${draft.body}</pre>
${draft.mailto ? html`<p><a href="${draft.mailto}">Open in your mail app</a></p>` : ""}
<p><em>${draft.tip}</em></p></div>`;
}
