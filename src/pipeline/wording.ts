// readWording: a small learned reading of an email's wording, for when the explainable rules find
// no evidence either way. A logistic regression over word stems and stem pairs, trained by
// scripts/train-wording.ts on the labelled sets; its weights ship in wording-model.ts.

import { foldForMatch } from "./text.ts";
import { JOB_CONTEXT_WORDS } from "./phrases.ts";
import type { Unwrapped } from "./unwrap.ts";
import { WORDING_MODEL } from "./wording-model.ts";

/** The decision sits in the first screens of a letter; a bounded prefix keeps the cost flat. */
const WORDING_CHARS = 6_000;
/** A crude stemmer that works alike in the seven languages: "candidatos" and "candidatura", "decided" and "decides". */
const STEM_CHARS = 6;

/** Addresses and links say who and where, not what: whole tokens go (token by token, so linear). */
const isAddressOrLink = (token: string): boolean => token.includes("@") || token.includes("://") || token.includes("www.");

function words(text: string): string[] {
  return foldForMatch(text)
    .split(" ")
    .filter((t) => !isAddressOrLink(t))
    .join(" ")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 2);
}

/**
 * Words that say what a mail is about (a job application), not what it says about it. Alone they
 * taught the model that look-alikes are rejections; in pairs they still count ("other candidates").
 */
const TOPIC = new Set(JOB_CONTEXT_WORDS.filter((w) => !w.includes(" ")).flatMap(words).map((w) => w.slice(0, STEM_CHARS)));

/**
 * The features of a subject and body: each word stem and each pair of neighbouring stems, once.
 * Addresses, links and the names of the people involved say who, not what, and are dropped; so are
 * accents and one-letter words.
 */
export function wordingFeatures(subject: string, body: string, names: string[] = []): string[] {
  const who = new Set(names.flatMap(words));
  const stems: string[] = [];
  for (const w of words(subject + "\n" + body.slice(0, WORDING_CHARS))) if (!who.has(w)) stems.push(w.slice(0, STEM_CHARS));
  const out = new Set<string>();
  stems.forEach((s, i) => {
    if (!TOPIC.has(s)) out.add(s);
    if (i > 0) out.add(stems[i - 1] + " " + s);
  });
  return [...out];
}

export interface WordingModel {
  bias: number;
  /** "feature weight" lines. */
  weights: string;
}

export interface WordingReading {
  /** Log-odds that the wording is a rejection's, and the probability they make. */
  logit: number;
  p: number;
  /** The features that pushed hardest toward the answer, with their weights. */
  telling: [string, number][];
}

const PARSED = new WeakMap<WordingModel, Map<string, number>>();

function weightsOf(model: WordingModel): Map<string, number> {
  let map = PARSED.get(model);
  if (!map) {
    map = new Map();
    for (const line of model.weights.split("\n")) {
      const cut = line.lastIndexOf(" ");
      if (cut > 0) map.set(line.slice(0, cut), Number(line.slice(cut + 1)));
    }
    PARSED.set(model, map);
  }
  return map;
}

export function scoreWording(features: string[], model: WordingModel): WordingReading {
  const weights = weightsOf(model);
  let logit = model.bias;
  const hits: [string, number][] = [];
  for (const f of features) {
    const w = weights.get(f);
    if (w === undefined) continue;
    logit += w;
    hits.push([f, w]);
  }
  const sign = logit >= 0 ? 1 : -1;
  const telling = hits.filter(([, w]) => w * sign > 0).sort((a, b) => b[1] * sign - a[1] * sign).slice(0, 4);
  return { logit, p: 1 / (1 + Math.exp(-logit)), telling };
}

/** The names of the people an email is from, to and about: the words a model must not learn. */
export function namesIn(u: Unwrapped): string[] {
  const o = u.original;
  return [u.outer.from, o.from, ...o.to, ...o.cc, ...o.replyTo].map((a) => a?.name ?? "").filter(Boolean);
}

export function readWording(u: Unwrapped, body: string, model: WordingModel = WORDING_MODEL): WordingReading {
  return scoreWording(wordingFeatures(u.original.subject, body, namesIn(u)), model);
}
