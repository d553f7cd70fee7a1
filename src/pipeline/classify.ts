// classifyRejection: is the original a job rejection? Explainable signals only:
// phrases in the original's subject and newest message, what kind of sender it is,
// and where it sits in the thread. Returns a confidence in [0,1] and the reasons.

import type { Unwrapped } from "./unwrap.ts";
import { findPatterns, foldForMatch, patternSet, type PatternSet } from "./text.ts";
import { isSystemAddress } from "./addresses.ts";
import { matchClauses } from "./clauses.ts";
import { atsForDomain } from "./ats.ts";
import { readWording } from "./wording.ts";
import {
  JOB_CONTEXT_WORDS, LOOKALIKE_PHRASES, NEGATIONS, NOTE_REJECTION_PHRASES, REJECTION_PHRASES, REJECTION_SUBJECT_WORDS, type Phrase,
} from "./phrases.ts";

export interface Classification {
  isRejection: boolean;
  confidence: number;
  /** Decided by the learned wording model because no rule found evidence either way. */
  byWording: boolean;
  reasons: string[];
}

/** Rejection wording sits near the top; reading a bounded prefix keeps CPU time flat. */
const MAX_CLASSIFY_CHARS = 20_000;

interface Hit {
  phrase: Phrase;
  weight: number;
  /** Found in the owner's note rather than the original. */
  note?: boolean;
}

function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  const minS = Math.max(0, start - 300);
  while (s > minS && !".!?:;\n".includes(text[s - 1]!)) s--;
  let e = end;
  const maxE = Math.min(text.length, end + 300);
  while (e < maxE && !".!?:;\n".includes(text[e]!)) e++;
  return " " + text.slice(s, e) + " ";
}

/** Inside quotation marks: a newsletter quoting a template, not someone saying it. */
function insideQuotes(text: string, start: number): boolean {
  let s = start;
  const minS = Math.max(0, start - 300);
  while (s > minS && !".!?\n".includes(text[s - 1]!)) s--;
  let quotes = 0;
  for (let i = s; i < start; i++) if (text[i] === '"') quotes++;
  return quotes % 2 === 1;
}

/** Thanks in the seven languages, ending just before what is thanked for. */
const THANKS = [
  "thank you for ", "thanks for ", "thanks again for ", "grateful for ", "appreciate ", "danke für ", "dank für ", "merci pour ", "merci de ",
  "gracias por ", "agradecemos ", "grazie per ", "grazie della ", "grazie ancora per ", "ringraziamo per ", "bedankt voor ", "dank voor ",
  "dank je voor ", "obrigado pela ", "obrigada pela ", "obrigado por ", "obrigada por ", "agradecemos a ", "agradecer ", "agradecer a ",
  "agradeço ", "agradeço a ", "agradezco ", "agradecerte ", "ringraziare per ", "ringraziarti per ", "remercier pour ", "vous remercier pour ",
  "bedanken voor ", "danken für ",
  // "we appreciated your availability": what was shown, not a request for it.
  "apprezzato ", "apprezzata ", "abbiamo apprezzato ", "apprécié ", "apreciamos ", "apreciado ", "geschätzt ", "gewaardeerd ", "apreciámos ", "valorizamos ",
];

function thanksFor(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 30), at);
  return THANKS.some((t) => {
    const i = before.lastIndexOf(t);
    // Only what is thanked for itself ("thanks for your availability"), not a verb ("thanks for confirming your interview").
    return i >= 0 && /^(?:all |the |toda |tutta |toute )?$/.test(before.slice(i + t.length));
  });
}

/** What a rejection invites the reader to follow or apply to again, or keeps a profile for, in the seven languages. */
const OPENINGS = [
  "openings", "open roles", "careers page", "career page", "careers site", "job board", "apply again", "reapply", "future roles", "stellenangebote",
  "karriereseite", "ausschreibungen", "offres", "page carrières", "postuler à nouveau", "vacantes", "portal de empleo", "postularte de nuevo",
  "posizioni aperte", "offerte di lavoro", "candidarti di nuovo", "vacatures", "opnieuw te solliciteren", "vagas", "portal de carreiras",
  "candidatar novamente", "talent community", "talent pool", "talentpool", "banco de talentos", "base de talento",
  "other postings", "other positions", "other roles", "other vacancies", "future positions", "future vacancies", "andere stellen",
  "künftige stellen", "autres postes", "futurs postes", "otros puestos", "otras posiciones", "futuras vacantes", "altre posizioni",
  "future posizioni", "andere functies", "toekomstige functies", "outras posições", "futuras vagas",
];

/** Whether the clause after `end` points at openings ("… remain active in our system for other postings"). */
function invitesToOpenings(text: string, end: number): boolean {
  const after = text.slice(end, end + 60);
  const stop = after.search(/[.!?]/);
  const clause = stop < 0 ? after : after.slice(0, stop);
  return OPENINGS.some((o) => clause.includes(o));
}

/** Verbs that invite the reader to set something up: what follows is named, not sent. */
const SETUP_VERBS = [
  "create a ", "create an ", "create your ", "set up ", "setting up ", "sign up for ", "sign up to ",
  "subscribe to ", "subscribing to ", "join our ", "register for ", "opt in to ", "turn on ", "activate a ", "créer une ", "créez une ",
  "crear una ", "crea una ", "cree una ", "creare un ", "crea un ", "maak een ", "criar um ", "crie um "
];

function invitesToSetUp(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  for (const v of SETUP_VERBS) {
    const i = before.lastIndexOf(v);
    // up to three words between verb and phrase ("create a personalised job alert", "sign up for our monthly engineering newsletter")
    const between = i >= 0 ? before.slice(i + v.length).trim() : "";
    if (i >= 0 && !/[.!?,;:\n]/.test(between) && between.split(" ").length <= 3) return true;
  }
  return false;
}

/** A phrase table split for one-pass matching: letter-initial phrases count only at a word start. */
interface PhraseIndex {
  wordSet: PatternSet;
  wordPhrases: number[];
  anySet: PatternSet;
  anyPhrases: number[];
}

const INDEXES = new WeakMap<Phrase[], PhraseIndex>();

function indexPhrases(phrases: Phrase[]): PhraseIndex {
  let index = INDEXES.get(phrases);
  if (index) return index;
  const wordPhrases: number[] = [];
  const anyPhrases: number[] = [];
  phrases.forEach((p, i) => {
    if (p.text.length >= 2) (/^[\p{L}]/u.test(p.text) ? wordPhrases : anyPhrases).push(i);
  });
  index = {
    wordSet: patternSet(wordPhrases.map((i) => phrases[i]!.text)),
    wordPhrases,
    anySet: patternSet(anyPhrases.map((i) => phrases[i]!.text)),
    anyPhrases,
  };
  INDEXES.set(phrases, index);
  return index;
}

/**
 * Where each phrase occurs (up to a few times each), by phrase index, in one pass over the text per
 * kind of phrase; for `then` phrases the follow-up must come within the window. Letter-initial
 * phrases count only at a word start ("role" never inside "parole").
 */
function findPhrases(text: string, phrases: Phrase[]): (number[] | undefined)[] {
  const index = indexPhrases(phrases);
  const out: (number[] | undefined)[] = new Array(phrases.length);
  const collect = (found: (number[] | undefined)[], which: number[]): void => {
    found.forEach((positions, k) => {
      if (!positions) return;
      const p = phrases[which[k]!]!;
      const kept = p.then
        ? positions.filter((at) => {
            const follow = text.indexOf(p.then!, at + p.text.length);
            return follow >= 0 && follow - at <= (p.window ?? 80);
          })
        : positions;
      if (kept.length) out[which[k]!] = kept.slice(0, 5);
    });
  };
  collect(findPatterns(text, index.wordSet, 10, true), index.wordPhrases);
  collect(findPatterns(text, index.anySet, 10, false), index.anyPhrases);
  return out;
}

function matchPhrases(text: string, phrases: Phrase[], negationAware: boolean, skipDenied = false): Hit[] {
  const hits: Hit[] = [];
  const found = findPhrases(text, phrases);
  // forEach skips the phrases that never occur, in table order.
  found.forEach((positions, k) => {
    if (!positions) return;
    const p = phrases[k]!;
    let best = 0;
    for (const at of positions) {
      // "create a job alert", "sign up for our newsletter": a pointer to a kind of mail, not that mail.
      if (p.kind && invitesToSetUp(text, at)) continue;
      // "Dit is geen afwijzing", "this is not a rejection": the word for it, denied, says the opposite.
      if (skipDenied && DENIED.test(text.slice(Math.max(0, at - 16), at))) continue;
      const sentence = sentenceAround(text, at, at + p.text.length);
      // The phrase's own words do not negate it ("mais um não").
      const around = sentence.replace(p.text, " ");
      if (negationAware && !p.kind && NEGATIONS.some((n) => around.includes(n))) continue;
      // "Thank you for your availability", "merci pour votre disponibilité": thanks for what was, not a request.
      if (negationAware && !p.kind && thanksFor(text, at)) continue;
      // "Te invitamos a seguir nuestras vacantes": an invitation to watch the openings, as rejections end, not to an interview.
      if (negationAware && p.text.includes("invit") && invitesToOpenings(text, at + p.text.length)) continue;
      // "Your application will remain active … for other postings": a profile kept after a no, not a paused process.
      if (p.unlessOpenings && invitesToOpenings(text, at + p.text.length)) continue;
      const w = insideQuotes(text, at) ? p.weight * 0.3 : p.weight;
      best = Math.max(best, w);
    }
    if (best > 0) hits.push({ phrase: p, weight: best });
  });
  return hits.sort((a, b) => b.weight - a.weight);
}

function combine(hits: Hit[]): number {
  if (hits.length === 0) return 0;
  const top = hits[0]!.weight;
  const extra = Math.min(0.15, 0.05 * (hits.length - 1));
  return Math.min(1, top + extra);
}

const CONTEXT_SET = patternSet(JOB_CONTEXT_WORDS);

/** A negation right before the owner's word for it, in the seven languages. */
const DENIED = /(?:^|\s)(?:not|no|keine?|nicht|pas|non|geen|não)(?: (?:a|an|un|une|uma?|eine?|es un|è un|é uma?))? $/;

/**
 * Where no rule speaks, the silence is itself evidence: most rejections trip a rule, most look-alikes
 * trip none. Counted as odds of 7:3 against a rejection, so the model must give 0.7 to call one: that
 * made the fewest errors on the rule-silent emails of heldout4–9's first runs and on the look-alike
 * sentences of the classify tests.
 */
const SILENCE_ODDS = 7 / 3;

export function classifyRejection(u: Unwrapped): Classification {
  const reasons: string[] = [];
  const latest = u.latestText.slice(0, MAX_CLASSIFY_CHARS);
  const subject = foldForMatch(u.original.subject);
  const body = foldForMatch(latest);
  const text = subject + "\n" + body;

  const contextHits = findPatterns(text, CONTEXT_SET, 1);
  const contextWords = JOB_CONTEXT_WORDS.filter((_, k) => contextHits[k] !== undefined);
  const context = Math.min(1, contextWords.length / 2);
  if (contextWords.length) reasons.push(`job context: ${contextWords.slice(0, 5).join(", ")}`);
  else reasons.push("no job-application context");

  const clauseHits = matchClauses(text).map((c) => ({ phrase: c.phrase, weight: insideQuotes(text, c.at) ? c.phrase.weight * 0.3 : c.phrase.weight }));
  const rejHits: Hit[] = [...matchPhrases(text, REJECTION_PHRASES, false, true), ...clauseHits].map((h) =>
    h.phrase.generic ? { ...h, weight: h.weight * context } : h,
  ).filter((h) => h.weight > 0);
  // The owner knows: "Rejected after the case study" in the note counts, unless negated ("not a rejection") or
  // about rejection in general ("a good read on rejection emails").
  const note = u.note ? foldForMatch(u.note.slice(0, 2_000)) : "";
  const aboutTheEmail = (h: Hit): boolean =>
    !/^\s*(emails?|letters?|templates?|mails?)\b/.test(note.slice(note.indexOf(h.phrase.text) + h.phrase.text.length));
  const noteSays = note ? matchPhrases(note, NOTE_REJECTION_PHRASES, true).filter(aboutTheEmail) : [];
  for (const h of noteSays) rejHits.push({ ...h, note: true });
  // "Not a rejection", "keine Absage": the owner says so outright, and that outweighs any reading of the wording.
  const noteDenies = !noteSays.length && note !== "" &&
    matchPhrases(note, NOTE_REJECTION_PHRASES, false).some((h) => DENIED.test(note.slice(0, note.indexOf(h.phrase.text))));
  rejHits.sort((a, b) => b.weight - a.weight);
  let pos = combine(rejHits);
  for (const h of rejHits.slice(0, 4)) reasons.push(`${h.note ? "your note says" : "rejection wording"} "${h.phrase.text.trim()}${h.phrase.then ? " … " + h.phrase.then.trim() : ""}" (+${h.weight.toFixed(2)})`);
  const subjectWord = REJECTION_SUBJECT_WORDS.find((w) => subject.includes(w));
  if (subjectWord) {
    pos = Math.min(1, Math.max(pos, 0.6) + 0.1);
    reasons.push(`subject says "${subjectWord}"`);
  }

  // A generic phrase counts as clear only in a mail about an application (its weight was scaled by the context).
  const clearRejection = rejHits.some((h) => h.weight >= 0.85);
  const lookHits = matchPhrases(text, LOOKALIKE_PHRASES, true)
    .map((h) => (h.phrase.soft && clearRejection ? { ...h, weight: h.weight * 0.5 } : h))
    .sort((a, b) => b.weight - a.weight);
  let neg = combine(lookHits);
  for (const h of lookHits.slice(0, 4)) reasons.push(`look-alike wording "${h.phrase.text.trim()}" (-${h.weight.toFixed(2)})`);

  // Sender kind.
  const from = u.original.from;
  if (u.forwarded && from && u.ownerAddresses.includes(from.address)) {
    neg = Math.max(neg, 1);
    reasons.push("the original was written by the owner");
  } else if (from?.address) {
    const ats = atsForDomain(from.address.split("@")[1]);
    if (ats) reasons.push(`sent through ${ats.name}`);
    else if (isSystemAddress(from.address)) reasons.push("sent from a no-reply/system address");
    else reasons.push("sent by a person");
  }
  if (!u.forwarded) reasons.push("no forwarded original found: read the message itself");
  else reasons.push(`original unwrapped from a ${u.format} forward`);
  if (/^\s*(re|aw|sv|antw|r|rif)\s*:/i.test(u.original.subject)) reasons.push("the original is a reply in a thread");
  if (noteDenies) {
    neg = Math.max(neg, 1);
    reasons.push("your note says it is not a rejection");
  }
  if (u.originalAttachmentTypes.includes("text/calendar")) {
    neg = Math.max(neg, 0.8);
    reasons.push("carries a calendar invitation");
  }

  const s = 6 * (pos - neg) + 0.6 * context - 2.6;
  let confidence = 1 / (1 + Math.exp(-s));
  // No rule speaks either way: people soften bad news in more ways than any list holds, so the
  // learned wording model (trained on the labelled sets) decides, and says which words tipped it.
  const empty = !text.trim();
  const byWording = pos < 0.5 && neg === 0 && !empty;
  if (byWording) {
    const w = readWording(u, latest);
    confidence = 1 / (1 + Math.exp(-(w.logit - Math.log(SILENCE_ODDS))));
    const telling = w.telling.map(([f, weight]) => `"${f}" ${weight > 0 ? "+" : ""}${weight.toFixed(2)}`).join(", ");
    reasons.unshift(`no rule decides: the wording model gives ${w.p.toFixed(2)} before the rules' silence (${telling || "no telling words"})`);
  }
  if (empty) confidence = 0;
  const isRejection = confidence >= 0.5;
  confidence = Math.round(confidence * 100) / 100;
  reasons.unshift(`${isRejection ? "rejection" : "not a rejection"} (${byWording ? "wording model" : "rules"}: rejection ${pos.toFixed(2)}, look-alike ${neg.toFixed(2)}, context ${context.toFixed(2)})`);
  return { isRejection, confidence, byWording, reasons };
}
