// Stable identities for deduplication: the same delivery, the same original.

import type { Reading } from "./types.ts";

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The forward's Message-ID, or a hash of its bytes when it has none (duplicates then still match). */
export async function deliveryId(reading: Reading, raw: Uint8Array): Promise<string> {
  return reading.outer.messageId ?? `<sha256-${(await sha256Hex(raw)).slice(0, 40)}@rebound.invalid>`;
}

/**
 * Identifies the employer's original email across different forwards of it:
 * its Message-ID when the forward carried it (as an attachment), else sender,
 * normalised subject and the minute it was sent (forward headers show minutes).
 */
export async function originalKey(reading: Reading, deliveredAs: string): Promise<string> {
  const o = reading.original;
  const minute = o.date ? o.date.slice(0, 16) : null;
  const basis =
    o.messageId ??
    (o.from && minute ? [o.from.address.toLowerCase(), o.subject.trim().toLowerCase().replace(/\s+/g, " "), minute].join("|") : `delivery|${deliveredAs}`);
  return (await sha256Hex(basis)).slice(0, 32);
}
