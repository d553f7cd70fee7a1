// Who may use rebound: only its owners. Decided from the envelope and a few
// headers, before the body is read, so a stranger's mail costs almost nothing.

export interface SenderEvidence {
  envelopeFrom: string;
  headerFrom: string | null;
  authenticationResults: string | null;
  autoSubmitted: string | null;
}

export type SenderVerdict =
  | { ok: true; owner: string }
  | { ok: false; reason: string; silent?: boolean };

/** The address inside a From header: the angle-addr if any, else the bare address. */
export function headerAddress(value: string | null): string | null {
  if (!value) return null;
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
 * True when an Authentication-Results header reports an SPF or DMARC failure
 * for the owner's domain (or for no named domain at all).
 */
export function failsAuthentication(header: string | null, ownerDomain: string): boolean {
  if (!header) return false;
  for (const clause of header.split(";")) {
    const m = /^\s*(spf|dmarc)\s*=\s*(fail|permerror)\b/i.exec(clause);
    if (!m) continue;
    const domains = [...clause.matchAll(/(?:header\.from|smtp\.mailfrom|header\.d)\s*=\s*([^\s;()]+)/gi)].map((d) =>
      domainOf(d[1]!.toLowerCase()),
    );
    if (domains.length === 0 || domains.includes(ownerDomain)) return true;
  }
  return false;
}

export function authorizeSender(evidence: SenderEvidence, ownerEmails: readonly string[]): SenderVerdict {
  const envelope = evidence.envelopeFrom.trim().toLowerCase();
  if (!ownerEmails.includes(envelope)) {
    return { ok: false, reason: "rebound accepts mail only from its owner; this sender is not on the list." };
  }
  const fromHeader = headerAddress(evidence.headerFrom);
  if (fromHeader !== envelope) {
    return { ok: false, reason: "The From header does not match the envelope sender; message refused." };
  }
  if (failsAuthentication(evidence.authenticationResults, domainOf(envelope))) {
    return { ok: false, reason: "The message failed SPF/DMARC for the owner's domain; message refused." };
  }
  // Auto-replies and bounces are dropped without an answer so two robots can't ping-pong.
  const auto = evidence.autoSubmitted?.trim().toLowerCase();
  if (auto && auto !== "no") {
    return { ok: false, reason: "Automatic messages (Auto-Submitted) are ignored.", silent: true };
  }
  return { ok: true, owner: envelope };
}
