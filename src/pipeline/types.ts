// Shapes passed between the pure pipeline stages. Everything in them that came
// from an email is untrusted text: escape it in HTML, strip CR/LF in headers,
// bind it in SQL.

export interface Address {
  name: string;
  address: string; // lower-cased
}

export interface Contact {
  name: string | null;
  email: string; // lower-cased
  title: string | null;
}

/** The message the worker received (the owner's forward), as far as routing needs it. */
export interface OuterMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: Address | null;
  subject: string;
  date: string | null; // ISO-8601 UTC
  /** Raw header values by lower-cased name (first occurrence wins). */
  headers: Record<string, string>;
  /** The outer message's own text (a reply's commands live here). */
  text?: string;
}

/** The innermost forwarded original (the employer's email). */
export interface OriginalMessage {
  messageId: string | null;
  from: Address | null;
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  subject: string;
  date: string | null; // ISO-8601 UTC
  text: string;
}

/** What the pipeline read from one forwarded email: the `inspect` contract plus what the worker needs. */
export interface Reading {
  isRejection: boolean;
  confidence: number; // 0..1
  /** No rule found evidence either way; the learned wording model decided. */
  byWording: boolean;
  reasons: string[]; // why, for `inspect --explain`
  company: string | null;
  role: string | null;
  contacts: Contact[];
  ats: string | null;
  note: string | null; // what the owner wrote above/below the forward
  format: string; // forwarding client / structure detected, e.g. "gmail", "outlook", "attachment", "none"
  original: OriginalMessage;
  outer: OuterMessage;
}

export interface ReadOptions {
  /** Owner addresses (lower-case): never contacts. */
  ownerEmails: string[];
  /** The address forwards are sent to: never a contact. */
  forwardAddress?: string;
}
