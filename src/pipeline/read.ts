// readEmail: the whole reading pipeline, pure and without I/O:
// parseEmail -> unwrapForward -> classifyRejection -> extractApplication.

import type { Reading, ReadOptions } from "./types.ts";
import { parseEmail, emptyParsed } from "./parse.ts";
import { unwrapForward } from "./unwrap.ts";
import { classifyRejection } from "./classify.ts";
import { extractApplication } from "./extract.ts";

export async function readEmail(raw: Uint8Array | ArrayBuffer | string, opts: ReadOptions): Promise<Reading> {
  let parsed;
  try {
    parsed = await parseEmail(raw ?? "");
  } catch {
    parsed = emptyParsed();
  }
  try {
    const unwrapped = unwrapForward(parsed, opts);
    const verdict = classifyRejection(unwrapped);
    const found = extractApplication(unwrapped, opts);
    return {
      isRejection: verdict.isRejection,
      confidence: verdict.confidence,
      byWording: verdict.byWording,
      reasons: verdict.reasons,
      company: found.company,
      role: found.role,
      contacts: found.contacts,
      ats: found.ats,
      note: unwrapped.note,
      format: unwrapped.format,
      original: unwrapped.original,
      outer: unwrapped.outer, // carries the outer text too: reply commands live there
    };
  } catch (err) {
    // A bug in a reading stage must not lose the email: the worker stores it for review.
    const unwrapped = safeUnwrap(parsed, opts);
    return {
      isRejection: false,
      confidence: 0,
      byWording: false,
      reasons: [`could not read: ${err instanceof Error ? err.message : String(err)}`],
      company: null,
      role: null,
      contacts: [],
      ats: null,
      note: null,
      format: "none",
      original: unwrapped.original,
      outer: unwrapped.outer,
    };
  }
}

function safeUnwrap(parsed: ReturnType<typeof emptyParsed>, opts: ReadOptions) {
  try {
    return unwrapForward(parsed, opts);
  } catch {
    return unwrapForward(emptyParsed(), opts);
  }
}

/** The `inspect` contract (DESIGN.md, Contracts); with `explain`, the reasons too. */
export function toInspectJson(r: Reading, explain = false): Record<string, unknown> {
  const out: Record<string, unknown> = {
    isRejection: r.isRejection,
    confidence: r.confidence,
    company: r.company,
    role: r.role,
    original: { from: r.original.from?.address || null, subject: r.original.subject, date: r.original.date },
    contacts: r.contacts.map((c) => ({ name: c.name, email: c.email, title: c.title })),
    ats: r.ats,
    note: r.note,
  };
  if (explain) out.reasons = r.reasons;
  return out;
}
