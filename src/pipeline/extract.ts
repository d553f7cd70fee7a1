// extractApplication: employer, role, contacts and ATS from an unwrapped forward.

import type { Contact } from "./types.ts";
import type { Unwrapped } from "./unwrap.ts";
import { atsForDomain, atsForMarks } from "./ats.ts";
import { domainOf, isSystemAddress } from "./addresses.ts";
import { foldForMatch } from "./text.ts";
import { extractCompany, companyFromDisplayName, companyFromDomain, fullerName } from "./company.ts";
import { extractRole } from "./role.ts";
import { extractContacts } from "./contacts.ts";

export interface Extraction {
  company: string | null;
  role: string | null;
  contacts: Contact[];
  ats: string | null;
}

export interface ExtractOptions {
  ownerEmails: string[];
  forwardAddress?: string;
}

export function extractApplication(u: Unwrapped, opts: ExtractOptions): Extraction {
  const o = u.original;
  const latest = u.latestText;

  // ATS: the sender's (or Reply-To's) domain, else an ATS footer in a machine-sent mail.
  let ats = atsForDomain(domainOf(o.from?.address ?? ""));
  for (const r of o.replyTo) ats ??= atsForDomain(domainOf(r.address));
  if (!ats && o.from?.address && isSystemAddress(o.from.address)) ats = atsForMarks(foldForMatch(latest.slice(0, 50_000)));

  const excluded = new Set<string>([...u.ownerAddresses, ...opts.ownerEmails.map((e) => e.toLowerCase())]);
  if (opts.forwardAddress) excluded.add(opts.forwardAddress.toLowerCase());
  for (const h of ["to", "delivered-to", "x-original-to"]) {
    const v = u.outer.headers[h];
    if (v) for (const m of v.toLowerCase().match(/[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/g) ?? []) excluded.add(m);
  }

  // People's names (never the employer); "Hiring at Tidewell", "Jane at Globex": the company part is not a person's.
  const personNames = [o.from, ...o.replyTo, ...o.cc]
    .filter((a) => a && a.name && !isSystemAddress(a.address || "x@x.x"))
    .map((a) => {
      const name = a!.name.trim();
      const org = companyFromDisplayName(name);
      return org && org !== name ? name.replace(org, " ").replace(/\s+/g, " ").trim() : name;
    })
    .filter(Boolean);
  const found = extractCompany({
    subject: o.subject,
    latest,
    from: o.from,
    replyTo: o.replyTo,
    otherAddresses: o.cc,
    ownerName: u.ownerName,
    personNames,
    whole: o.text,
  });
  let company = found.company;
  // The sender's own domain names the employer, unless the sender is an agency.
  // The quoted thread may spell it ("larkspur-elem" -> "Larkspur Elementary School").
  if (!company && !found.agency && o.from?.address && !isSystemAddress(o.from.address)) company = fullerName(companyFromDomain(o.from.address, o.text), o.text);
  // A reply that names no title may sit on a thread that does ("… for the Fourth Grade Teacher opening").
  const employer = company ? [company] : [];
  const role = extractRole(o.subject, latest, employer) ?? (o.text.length > latest.length ? extractRole("", o.text, employer) : null);
  const contacts = extractContacts({
    from: o.from,
    replyTo: o.replyTo,
    to: o.to,
    cc: o.cc,
    latest,
    note: u.note,
    excluded,
    company,
    ownerName: u.ownerName,
  });
  return { company, role, contacts, ats: ats?.id ?? null };
}
