// Who may use rebound: only its owners. Decided from the envelope and a few
// headers, before the body is read, so a stranger's mail costs almost nothing.

export interface SenderEvidence {
  envelopeFrom: string;
  headerFrom: string | null;
  authenticationResults: string | null;
  autoSubmitted: string | null;
  /** Other marks of automatic mail: Precedence, X-Autoreply / X-Autorespond, Return-Path, Content-Type. */
  precedence?: string | null;
  autoReply?: string | null;
  returnPath?: string | null;
  contentType?: string | null;
}

export type SenderVerdict =
  | { ok: true; owner: string }
  | { ok: false; reason: string; silent?: boolean };

/** The address inside a From header: the angle-addr if any, else the bare address. Null for none, or for more than one mailbox. */
export function headerAddress(value: string | null): string | null {
  if (!value) return null;
  // Quoted display names and comments may hold anything; outside them, a comma or a second "<" means a second mailbox.
  const bare = value.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\([^()]*\)/g, "");
  if (bare.includes(",") || (bare.match(/</g) ?? []).length > 1) return null;
  const open = value.lastIndexOf("<");
  const close = value.lastIndexOf(">");
  const candidate = open >= 0 && close > open ? value.slice(open + 1, close) : value;
  const trimmed = candidate.trim().toLowerCase();
  return /^[^\s@<>",;]+@[^\s@<>",;]+$/.test(trimmed) ? trimmed : null;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}

/**
 * True when an Authentication-Results header reports an SPF, DKIM or DMARC
 * failure for the owner's domain (or for no named domain at all).
 */
export function failsAuthentication(header: string | null, ownerDomain: string): boolean {
  if (!header) return false;
  for (const clause of header.split(";")) {
    const m = /^\s*(spf|dkim|dmarc)\s*=\s*(fail|permerror)\b/i.exec(clause);
    if (!m) continue;
    const domains = [...clause.matchAll(/(?:header\.from|smtp\.mailfrom|header\.d)\s*=\s*([^\s;()]+)/gi)].map((d) =>
      domainOf(d[1]!.toLowerCase()),
    );
    if (domains.length === 0 || domains.includes(ownerDomain)) return true;
  }
  return false;
}

/** Why this looks like automatic mail (an auto-reply, a bounce, a delivery report), or null. */
export function automaticMail(e: SenderEvidence): string | null {
  const auto = e.autoSubmitted?.trim().toLowerCase();
  if (auto && auto !== "no") return "Auto-Submitted";
  if (/^\s*(bulk|junk|list|auto_reply)\s*$/i.test(e.precedence ?? "")) return "Precedence";
  if (e.autoReply?.trim()) return "X-Autoreply";
  if (/^\s*<\s*>\s*$/.test(e.returnPath ?? "")) return "a null Return-Path (a bounce)";
  if (/^\s*multipart\/report\b/i.test(e.contentType ?? "")) return "a delivery or read report";
  return null;
}

/**
 * `ownAddresses`: rebound's own addresses. Mail from them, and bounces (null
 * envelope sender), are dropped without a word, so rebound never answers itself.
 */
export function authorizeSender(evidence: SenderEvidence, ownerEmails: readonly string[], ownAddresses: readonly string[] = []): SenderVerdict {
  const envelope = evidence.envelopeFrom.trim().toLowerCase();
  if (envelope === "" || envelope === "<>" || ownAddresses.includes(envelope)) {
    return { ok: false, reason: "Bounces and rebound's own mail are ignored.", silent: true };
  }
  if (!ownerEmails.includes(envelope)) {
    return { ok: false, reason: "rebound accepts mail only from its owner; this sender is not on the list." };
  }
  const fromHeader = headerAddress(evidence.headerFrom);
  if (fromHeader !== envelope) {
    return { ok: false, reason: "The From header does not match the envelope sender; message refused." };
  }
  if (failsAuthentication(evidence.authenticationResults, domainOf(envelope))) {
    return { ok: false, reason: "The message failed SPF/DMARC (or DKIM) for the owner's domain; message refused." };
  }
  // Auto-replies and bounces are dropped without an answer so two robots can't ping-pong.
  const auto = automaticMail(evidence);
  if (auto) {
    return { ok: false, reason: `Automatic messages (${auto}) are ignored.`, silent: true };
  }
  return { ok: true, owner: envelope };
}

/**
 * A forward of one of rebound's own emails: the original was sent from rebound's
 * address and carries its marks (a "[rebound #N]" tag or "rebound:" subject, or
 * a Message-ID on rebound's domain). The address alone is not enough: a damaged
 * forward block can run an employer's From into the To line with our address.
 */
export function isOwnMail(
  reading: { original: { from: { address: string } | null; subject: string; messageId: string | null } },
  ownAddresses: readonly string[],
): boolean {
  const o = reading.original;
  const from = o.from?.address.toLowerCase();
  if (from === undefined || !ownAddresses.includes(from)) return false;
  const domains = ownAddresses.map((a) => a.slice(a.lastIndexOf("@")));
  const ourId = o.messageId !== null && domains.some((d) => o.messageId!.toLowerCase().endsWith(`${d}>`));
  return ourId || /\[rebound #\d+\]|^\s*rebound:/i.test(o.subject);
}
