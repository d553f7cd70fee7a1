// Scoring extraction against labels, per the corpus README's rule. Shared by
// test/corpus.test.ts (Workers runtime) and usable from Node.

import type { Reading } from "../src/pipeline/types.ts";

export interface Label {
  isRejection: boolean;
  company: string | null;
  role: string | null;
  contacts: string[];
  original: { from: string; subject: string; date: string };
  ats?: string | null;
}

export const FIELDS = ["isRejection", "original.from", "original.date", "company", "role", "contacts"] as const;
export type Field = (typeof FIELDS)[number];

const LEGAL = ["inc", "llc", "ltd", "llp", "gmbh", "sa", "s.a", "sas", "ab", "lda", "co", "corp", "plc"];

export function normCompany(name: string | null): string | null {
  if (name === null) return null;
  let n = name.toLowerCase().trim();
  for (const s of LEGAL) {
    for (const sep of [" ", ", "]) {
      const tail = sep + s;
      if (n.endsWith(tail + ".")) n = n.slice(0, -tail.length - 1);
      else if (n.endsWith(tail)) n = n.slice(0, -tail.length);
    }
  }
  return n.replace(/[^\p{L}\p{N}\s]/gu, "").replace(/\s+/g, " ").trim();
}

export function isForbiddenContact(email: string, forbidden: string[]): boolean {
  const e = email.toLowerCase();
  const [local = "", domain = ""] = e.split("@");
  if (forbidden.includes(e)) return true;
  const ats = ["greenhouse.io", "greenhouse-mail.io", "lever.co", "myworkday.com", "ashbyhq.com", "smartrecruiters.com", "icims.com", "workablemail.com", "teamtailor.com", "personio.de", "recruitee.com", "bamboohr.com", "jazzhr.com", "applytojob.com"];
  if (ats.some((d) => domain === d || domain.endsWith("." + d))) return true;
  return /no-?reply|donotreply|do-not-reply/.test(local);
}

/** Which fields of one reading pass; fields not scored for this file are absent. */
export function scoreOne(r: Reading, label: Label, forbidden: string[]): Partial<Record<Field, boolean>> {
  const out: Partial<Record<Field, boolean>> = {};
  out.isRejection = r.isRejection === label.isRejection;
  out["original.from"] = (r.original.from?.address ?? "").toLowerCase() === label.original.from.toLowerCase();
  out["original.date"] = !!r.original.date && Math.abs(Date.parse(r.original.date) - Date.parse(label.original.date)) <= 60_000;
  if (label.isRejection) {
    out.company = normCompany(r.company) === normCompany(label.company);
    out.role = (r.role ?? "").trim().toLowerCase() === (label.role ?? "").trim().toLowerCase();
    const got = new Set(r.contacts.map((c) => c.email.toLowerCase()));
    out.contacts = label.contacts.every((c) => got.has(c.toLowerCase())) && ![...got].some((c) => isForbiddenContact(c, forbidden));
  }
  return out;
}

export interface Score {
  perField: Record<Field, { pass: number; total: number }>;
  failures: string[];
}

export function scoreAll(items: { name: string; reading: Reading; label: Label }[], forbidden: string[]): Score {
  const perField = Object.fromEntries(FIELDS.map((f) => [f, { pass: 0, total: 0 }])) as Score["perField"];
  const failures: string[] = [];
  for (const { name, reading, label } of items) {
    const s = scoreOne(reading, label, forbidden);
    for (const f of FIELDS) {
      const v = s[f];
      if (v === undefined) continue;
      perField[f].total++;
      if (v) perField[f].pass++;
      else failures.push(`${name} ${f}: got ${JSON.stringify(got(reading, f))}, want ${JSON.stringify(want(label, f))}`);
    }
  }
  return { perField, failures };
}

function got(r: Reading, f: Field): unknown {
  switch (f) {
    case "isRejection": return `${r.isRejection} (${r.confidence})`;
    case "original.from": return r.original.from?.address;
    case "original.date": return r.original.date;
    case "company": return r.company;
    case "role": return r.role;
    case "contacts": return r.contacts.map((c) => c.email);
  }
}
function want(l: Label, f: Field): unknown {
  switch (f) {
    case "isRejection": return l.isRejection;
    case "original.from": return l.original.from;
    case "original.date": return l.original.date;
    case "company": return l.company;
    case "role": return l.role;
    case "contacts": return l.contacts;
  }
}

export function formatScore(s: Score): string {
  return FIELDS.map((f) => {
    const { pass, total } = s.perField[f];
    return `${f.padEnd(14)} ${pass}/${total} ${total ? ((100 * pass) / total).toFixed(1) : "-"}%`;
  }).join("\n");
}
