// Finding the employer: never the ATS, never the agency. Candidates come from the
// sender's display name, the subject, the body's wording, the signature and the
// domains involved; a candidate that several sources agree on wins.

import type { Address } from "./types.ts";
import { captureCapitalised, looksLikePersonName } from "./names.ts";
import { compact, findPatterns, patternSet, stripLegalSuffix, startsUpper } from "./text.ts";
import { atsForDomain, isAtsOrBoardName } from "./ats.ts";
import { domainOf, findEmails, isFreemailDomain, isRoleAddress, isSystemAddress, orgLabel } from "./addresses.ts";
import { extractRole, hasJobNoun, looksLikeOccupation, stripSubjectPrefixes } from "./role.ts";

interface Cand {
  text: string;
  score: number;
  order: number;
  sources: Set<string>;
}

const GENERIC = new Set(
  ("hi|hello|dear|thank|thanks|unfortunately|best|regards|please|we|our|your|the|this|that|team|hiring|recruiting|talent|careers|" +
    "hr|jobs|you|i|it|us|a|an|hallo|liebe|lieber|bonjour|hola|ciao|hoi|olá|ola|greetings|sincerely|cheers|kind|warm|application|" +
    "interview|position|role|update|candidate|candidates|people|culture|recruitment|acquisition|talent acquisition|human resources|" +
    "good|great|congratulations|linkedin|zoom|google|microsoft teams|teams|google meet|monday|tuesday|wednesday|thursday|friday|" +
    "saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|fyi|ps|re|fwd|" +
    "confidential|confidentiality|disclaimer|notice|privacy|unsubscribe|equal opportunity employer|" +
    // What the candidate sent: "Tu CV – Bodega Cerro Tupungato".
    "cv|resume|résumé|lebenslauf|currículo|curriculum|curriculum vitae|" +
    // early-careers teams: "Graduate Recruitment"
    "graduate|graduates|campus|early careers|emerging talent|" +
    // the search itself: "Ihre Stellensuche", "Initiativbewerbung"
    "stellensuche|jobsuche|bewerbung|initiativbewerbung|sollicitatie|candidature|candidatura|postulación|" +
    // Pronouns written with a capital ("bei Ihnen", "chez Vous", "con Usted"): never an employer.
    "ihnen|sie|ihr|ihre|ihrer|euch|uns|dir|dich|du|wir|ich|vous|nous|toi|usted|ustedes|vosotros|lei|voi|noi|jij|jou|jullie|ons|você|vocês|nós").split("|"),
);

const GREETINGS = new Set(
  ("hi|hello|hey|dear|hallo|liebe|lieber|sehr|guten|bonjour|salut|chère|cher|hola|estimado|estimada|ciao|gentile|caro|cara|buongiorno|hoi|beste|geachte|olá|ola|caro|prezado|prezada|good|greetings|" +
    // forms of address, which start a person's line: "Monsieur Paul Girard"
    "monsieur|madame|mademoiselle|herr|frau|señor|señora|signor|signora|senhor|senhora|meneer|mevrouw|mr|mrs|ms|mx").split("|"),
);

/** What a hiring team calls itself, in the seven languages: stripped from a display name to leave the employer. */
const TEAM_PHRASES = [
  "talent acquisition team", "talent acquisition", "hiring team", "recruiting team", "recruitment team", "talent team", "people team",
  "people ops", "people operations", "careers team", "hr team", "people & culture", "people and culture", "human resources",
  "careers", "career", "recruiting", "recruitment", "recruiters", "recruiter", "jobs", "team", "hr", "hiring", "talent", "staffing", "people",
  // A team noun alone, so "Equipo de Talento" is all team words.
  "equipo", "équipe", "equipe", "squadra",
  "karriereteam", "recruiting-team", "karriere", "personalabteilung", "personalwesen", "bewerbermanagement", "jobs & karriere",
  "équipe recrutement", "équipe rh", "recrutement", "carrières", "ressources humaines", "rh",
  "recursos humanos", "rrhh", "selección", "reclutamiento", "empleo", "talento",
  // "Adquisición de Talento", "Atração e Seleção", "Talento Humano", "Gestión Humana": talent teams in Spanish and Portuguese.
  "adquisición", "adquisición de talento", "talento humano", "gestión humana", "gestión del talento", "capital humano", "gente y cultura",
  "aquisição", "aquisição de talentos", "atração", "atração e seleção", "gente e cultura",
  "risorse umane", "selezione", "lavora con noi", "carriere",
  "werving & selectie", "werving en selectie", "werving", "vacatures", "hr-team",
  "recrutamento", "carreiras", "talentos", "gente e gestão",
  // Public bodies' personnel offices.
  "ufficio concorsi", "ufficio personale", "ufficio del personale", "ufficio risorse umane", "servizio personale",
  "service des ressources humaines", "service du personnel", "direction des ressources humaines", "drh",
  "departamento de recursos humanos", "departamento de personal", "personalstelle", "personalamt", "personaldienst",
  "afdeling hr", "afdeling personeelszaken", "personeelszaken", "p&o", "departamento de pessoal", "gestão de pessoas",
  "notifications", "no-reply", "noreply",
  // "Werken bij Provincie X", "Arbeiten bei X", "Work at X": a careers site's sender name.
  "werken", "arbeiten", "work", "working", "travailler", "trabajar", "trabalhar", "lavorare",
].sort((a, b) => b.length - a.length);

/** Words that join a team to its employer: "Talent at Globex", "Recursos Humanos de Globex", "Jobs bei Globex". */
const TEAM_JOINERS = [" at ", " @ ", " bei ", " von ", " chez ", " de ", " di ", " da ", " do ", " van ", " bij ", " of ", " en ", " for ", " für "];
/** Team nouns that may stand before the name with no joiner: "Team Globex", "Équipe Globex". */
const TEAM_NOUNS = ["team ", "équipe ", "equipo ", "equipe ", "squadra ", "personalabteilung ", "bewerbermanagement ", "personeelsdienst ", "personaldienst "];
/** A team before the name: joined ("Talent at Globex"), a team noun ("Team Globex") or several words ("Werving & Selectie Globex"). */
const TEAM_PREFIXES = [
  ...TEAM_PHRASES.flatMap((t) => TEAM_JOINERS.map((j) => t + j)),
  ...TEAM_NOUNS,
  ...TEAM_PHRASES.filter((t) => t.includes(" ")).map((t) => t + " "),
].sort((a, b) => b.length - a.length);
const NAME_SEPARATORS = /\s+[|@·:–—-]\s+/;

/** Strings grouped by a word of theirs, longest first: a name is only compared with those that share its word. */
function byWord(list: string[], wordOf: (s: string) => string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of list) map.set(wordOf(s), [...(map.get(wordOf(s)) ?? []), s]);
  return map;
}
const firstWord = (s: string): string => s.split(" ", 1)[0]!;
const lastWord = (s: string): string => s.slice(s.lastIndexOf(" ") + 1);
// Every prefix ends in a space, so one that matches has the name's first word as its own.
const PREFIXES_BY_FIRST_WORD = byWord(TEAM_PREFIXES, firstWord);
const PHRASES_BY_LAST_WORD = byWord(TEAM_PHRASES, lastWord);

/** Words that open the name of a unit inside an organisation: "Service Emploi et Compétences", "Abteilung Personal". */
const UNIT_WORDS = new Set(
  "service|services|department|dept|division|direction|directorate|office|unit|abteilung|bereich|referat|servicio|departamento|dirección|área|servizio|ufficio|direzione|settore|afdeling|dienst|directie|serviço|divisão|setor|diretoria".split("|"),
);

const isUnitName = (name: string): boolean => UNIT_WORDS.has(firstWord(name.toLowerCase()));

/** The fields of a signature line: "Title | Company", "Company – City". */
const SIGNATURE_FIELDS = /\s[|·•–—-]\s/;

/** The name with team words taken off both ends: "The Acme Recruiting Team" -> "Acme"; "" when nothing else is left. */
function stripTeamWords(name: string): string {
  let n = name.replace(/^the\s+/i, "").trim();
  for (let guard = 0; guard < 3; guard++) {
    const l = n.toLowerCase();
    if (TEAM_PHRASES.includes(l)) return "";
    const prefix = PREFIXES_BY_FIRST_WORD.get(firstWord(l))?.find((p) => l.startsWith(p));
    const suffix = PHRASES_BY_LAST_WORD.get(lastWord(l))?.find((t) => l.endsWith(" " + t));
    if (prefix) n = n.slice(prefix.length).replace(/^the\s+/i, "").trim();
    else if (suffix) n = n.slice(0, n.length - suffix.length - 1).trim();
    else break;
  }
  // "Divisão de Recursos Humanos" -> "Divisão de" -> nothing: a unit of the organisation with a dangling joiner.
  n = n.replace(/\s+(?:de|of|der|des|du|di|da|do|van|del|della)$/i, "").trim();
  // "Reclutamiento y Selección", "Haupt- und Personalamt", "Graduate Recruitment": what was joined to team words is one too.
  if (/^\S+\s+(?:und|y|e|et|and|en|&|o|ou|oder|or)$/i.test(n) || /-$/.test(n)) return "";
  return UNIT_WORDS.has(n.toLowerCase()) ? "" : n;
}

/** A line of team words only: "Human Resources", "Team Recruitment", "Service des ressources humaines". */
function isTeamOnly(line: string): boolean {
  const l = line.replace(/[,.]+$/, "").trim();
  return l.length > 1 && l.length <= 60 && startsUpper(l) && companyFromDisplayName(l) === null;
}

/** "Acme via Lever", "Hiring Team at Globex", "Globex Careers", "Globex | Careers", "Recursos Humanos de Globex" -> the company. */
export function companyFromDisplayName(name: string): string | null {
  // Quotes go, an apostrophe inside a word stays ("St Brigid's Hospital").
  let n = name.replace(/"|'(?!\p{L})|(?<!\p{L})'/gu, "").replace(/\s+/g, " ").trim();
  if (!n) return null;
  // "Globex (via Workable)", "Jane Doe (Globex)".
  const paren = /^(.*?)\s*\(([^)]{2,60})\)\s*$/.exec(n);
  if (paren) {
    if (/^via\b/i.test(paren[2]!)) n = paren[1]!;
    else if (looksLikePersonName(paren[1]!)) n = paren[2]!;
  }
  const via = n.toLowerCase().indexOf(" via ");
  if (via > 0) n = n.slice(0, via);
  // "Jane at Globex": a person writing from the employer's ATS.
  const at = n.toLowerCase().indexOf(" at ");
  if (at > 0 && looksLikePersonName(n.slice(0, at))) n = n.slice(at + 4);
  // "Globex | Careers", "Recruiting Team - Globex": one side is only team words.
  const parts = n.split(NAME_SEPARATORS);
  if (parts.length === 2) {
    const [left, right] = parts.map(stripTeamWords) as [string, string];
    if (!left && right) return right;
    if (!right && left) return left;
  }
  return stripTeamWords(n) || null;
}

function isUsable(text: string, excluded: Set<string>, lowerCaseBrand = false): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 60) return false;
  const key = compact(t);
  if (!key || excluded.has(key)) return false;
  if (GENERIC.has(t.toLowerCase())) return false;
  if (isAtsOrBoardName(t)) return false;
  if (!startsUpper(t) && !lowerCaseBrand) return false;
  if (/@|https?:|www\./i.test(t)) return false;
  // "Convocatoria 14/2026", "Ref. 2026/118": a file number names no employer.
  if (/\d+\/\d+/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 6) return false;
  if (GENERIC.has(words[0]!.toLowerCase()) && words.length === 1) return false;
  // "Hi Alex", "Dear Hana": greetings, not employers.
  if (GREETINGS.has(words[0]!.toLowerCase().replace(/[,!]$/, ""))) return false;
  if (words.some((w) => excluded.has(compact(w)) && compact(w).length > 2)) return false;
  return true;
}

/** Phrases after which running text names the employer. */
const BODY_PATTERNS = [
  "interest in joining ", "interest in working at ", "interest in working for ", "interest in ", "position at ", "role at ", "opening at ",
  "job at ", "opportunity at ", "opportunities at ", "openings at ", "positions at ", "career at ", "career with ", "team at ",
  "position with ", "role with ", "opportunity with ", "employment with ", "employment at ",
  "applying to ", "applied to ", "apply to ", "application to ", "application with ", "apply with ", "applying with ",
  "applied with ", "apply at ", "applying at ", "applied at ", "application at ", "consider ", "considering ", "joining ",
  "to join ", "work at ", "working at ", "everyone at ", "all of us at ", "here at ", "us at ", "time with ", "behalf of ",
  "mitarbeit bei ", "interesse an ", "bei der ", "bei ", "portez à ", "intérêt pour ", "rejoindre ", "chez ", "formar parte de ",
  "interés en ", "trabajar en ", "unirse a ", "presso ", "interesse per ", "lavorare in ", "lavorare per ", "werken bij ",
  "interesse in ", "solliciteren bij ", "bij ", "fazer parte da ", "fazer parte do ", "trabalhar na ", "trabalhar no ",
  "interesse na ", "interesse no ", "candidatura na ", "candidatura no ",
  // "here at X" and "the team of X" in the other languages.
  "aqui na ", "aqui no ", "aquí en ", "equipe do ", "equipe da ", "equipo de ", "équipe de ", "squadra di ", "team van ",
];
const SUBJECT_PATTERNS = [
  " at ", " to ", " with ", " from ", " bei ", " chez ", " en ", " presso ", " bij ", " na ", " no ", " em ", " für ",
  "interest in ", "interesse an ", "intérêt pour ", "interés en ", "interesse per ", "interesse in ", "interesse na ", "interesse no ",
];
const STOP_WORDS = ["and", "und", "et", "y", "e", "en", "for", "für", "pour", "para", "per", "voor", "to", "in", "on", "as", "at", "is", "team", "we", "who", "which", "the"];
/** What mostly an agency says about the candidate: it puts people forward on several clients' briefs. */
const WEAK_AGENCY_PHRASES = [
  "put you forward", "putting you forward", "other briefs", "new briefs", "briefs i'm working on", "nuovi incarichi", "altri incarichi", "nouveaux mandats", "autres mandats", "weitere mandate", "andere mandate", "nieuwe opdrachten", "andere opdrachten", "vergelijkbare opdracht"];
/** An agency recruiter writing for a client (bare "on behalf of" is too common in employers' own mail). */
const AGENCY_PHRASES = ["my client", "our client", "a client of ours", "confidential client", "i'm partnering with", "i am partnering with", "we are partnering with", "we're partnering with", "recruiting on behalf of", "on behalf of my client", "on behalf of our client", "the client has", "the client decided", "client has decided", "feedback from the client", "der kunde hat", "le client a", "el cliente ha", "il cliente ha", "de klant heeft", "recruiting for a", "i'm working with a", "i am working with a", "mein kunde", "meines kunden", "unser kunde", "unseres kunden", "notre client", "mon client", "nuestro cliente", "mi cliente", "il nostro cliente", "il mio cliente", "onze klant", "mijn klant", "nosso cliente", "meu cliente", "unserem kunden", "meinem kunden", "unseres auftraggebers", "unser auftraggeber", "unserem auftraggeber", "nuestra clienta", "la nostra cliente", "nossa cliente", "notre cliente", "ma cliente", "onze opdrachtgever", "mijn opdrachtgever",
  // A search firm's "Mandant" (its client, in German and French).
  "unser mandant", "unseres mandanten", "unserem mandanten", "mein mandant", "meines mandanten", "meinem mandanten", "notre mandant",
  ...WEAK_AGENCY_PHRASES];

/** The fields of a subject line: "Jefe de Proyecto - Ferrovías del Sur". */
const SUBJECT_FIELDS = /\s[|\-–—:]\s/;

/** Between a role and the client it is for, in an agency's subject line. */
const ROLE_FOR_CLIENT = /\s(?:for|at|with|per|presso|pour|chez|para|en|bei|für|voor|bij|na|no)\s/i;

const AGENCY_DOMAIN = /recruit|staffing|headhunt|seleccion|selezione|selecao|recrutement|werving|personalberatung|executive-?search|talent-?search|-talents?\./;

/** Someone outside the employer relaying its decision: the name after it is the client's. */
const CLIENT_SIDE_PHRASES = [
  "hiring manager at ", "hiring manager over at ", "hiring managers at ", "hiring team over at ", "the team over at ", "the hiring team at ", "the team at ",
  "hiring manager bei ", "fachbereich bei ", "fachabteilung bei ", "responsable du recrutement chez ", "manager chez ",
  "responsable de contratación en ", "responsabile della selezione di ", "responsabile della selezione presso ",
  "hiring manager bij ", "gestor da vaga na ", "gestor da vaga no ", "gestora da vaga na ", "gestora da vaga no ",
];

const BODY_AND_AGENCY_SET = patternSet([...BODY_PATTERNS, ...AGENCY_PHRASES]);

export interface CompanyInput {
  subject: string;
  latest: string;
  from: Address | null;
  replyTo: Address[];
  otherAddresses: Address[];
  ownerName: string | null;
  personNames: string[];
  /** The original's whole text, quoted history included: it may write the name in full ("Castlemere Foods"). */
  whole?: string;
}

export interface CompanyResult {
  company: string | null;
  /** An agency recruiter wrote it: the agency is never the employer. */
  agency: boolean;
}

export function extractCompany(input: CompanyInput): CompanyResult {
  const cands = new Map<string, Cand>();
  const excluded = new Set<string>();
  if (input.ownerName) for (const part of [input.ownerName, ...input.ownerName.split(" ")]) excluded.add(compact(part));
  // A sender's name with an organisation's word ("Clínica Vale Verde") is nobody's personal name.
  const personNames = input.personNames.filter((p) => !hasOrgWord(p));
  for (const p of personNames) excluded.add(compact(p));
  const nameParts = new Set<string>();
  for (const p of personNames) for (const w of p.split(/\s+/)) if (compact(w).length > 1) nameParts.add(compact(w));
  const add = (raw: string | null, score: number, source: string): void => {
    if (!raw) return;
    const base = raw.replace(/^the\s+/i, "").replace(/['’]s$/, "").trim();
    // Nothing but team words ("Equipo de Talento", "Human Resources") names no employer.
    const named = companyFromDisplayName(base);
    if (!named) return;
    const text = stripLegalSuffix(named);
    if (nameParts.has(compact(text))) return;
    // "haybarn": an employer may write its own name in lower case, as the sender it is.
    if (!isUsable(text, excluded, source === "display")) return;
    if (hasJobNoun(text) && source !== "display") return;
    const key = compact(text);
    const prev = cands.get(key);
    if (prev) {
      prev.score += score;
      prev.sources.add(source);
      if (text.length < prev.text.length || (text !== text.toUpperCase() && prev.text === prev.text.toUpperCase())) prev.text = text;
    } else cands.set(key, { text, score, order: cands.size, sources: new Set([source]) });
  };
  const latest = input.latest
    .slice(0, 50_000)
    .replace(/[ \t]{2,}|\t/g, " ") // runs of blanks -> one space
    // "the Analyst position (Req #7781) with Northgate": a reference in parentheses stands between the words.
    .replace(/ \((?:req|ref|job|id|requisition|référence|referencia|riferimento|kennziffer|vacature|vaga|#)[^()\n]{0,30}\)/gi, "");
  const lowerLatest = latest.toLowerCase();
  // Body wording and agency wording, found in one pass.
  const found = lowerLatest.length === latest.length ? findPatterns(lowerLatest, BODY_AND_AGENCY_SET, 10) : [];

  // The sender's own organisation (also an agency's, excluded when it writes for a client).
  const slugs = new Set<string>();
  const senderSlugs = new Set<string>();
  const addresses = [input.from, ...input.replyTo, ...input.otherAddresses].filter((a): a is Address => !!a && !!a.address);
  for (const a of addresses) {
    const d = domainOf(a.address);
    if (atsForDomain(d)) {
      // "northwind@myworkday.com": the local part is the employer's slug.
      const local = a.address.split("@")[0] ?? "";
      if (!isSystemAddress(local + "@x.invalid") && local.length >= 4) slugs.add(compact(local));
      continue;
    }
    if (isFreemailDomain(d)) continue;
    const label = orgLabel(d);
    if (label) {
      slugs.add(compact(label));
      if (a === input.from || input.replyTo.includes(a)) senderSlugs.add(compact(label));
    }
  }
  // Addresses and links in the body: careers sites on ATS hosts carry the company's slug.
  for (const e of findEmails(latest, 50)) {
    const d = domainOf(e.address);
    if (isSystemAddress(e.address) || isFreemailDomain(d)) continue;
    const label = orgLabel(d);
    if (label) slugs.add(compact(label));
  }
  for (const host of urlHosts(latest)) {
    const ats = atsForDomain(host.host);
    if (ats) {
      const sub = host.host.split(".")[0] ?? "";
      const slug = sub.replace(/^(careers|jobs|job|apply|boards)-?/, "");
      if (slug && !["www", "jobs", "careers", "boards", "apply", "app", "email", "us", "eu", "hire"].includes(sub)) slugs.add(compact(slug));
      if (host.firstPath && !["o", "wf", "unsubscribe", "privacy-policy", "api", "external"].includes(host.firstPath.toLowerCase())) slugs.add(compact(host.firstPath));
    } else {
      const label = orgLabel(host.host);
      if (label && !isFreemailDomain(host.host)) slugs.add(compact(label));
    }
  }

  // An agency says so ("my client"), or its own domain does ("talentia-seleccion", "northstar-recruiting").
  const senderDomain = input.from ? domainOf(input.from.address) : "";
  // A whole phrase: "onze klant", not the brewery's "onze klanten" (its customers).
  const agencyAt = (k: number): boolean => (found[k] ?? []).some((at) => !/\p{L}/u.test(lowerLatest[at + BODY_AND_AGENCY_SET.patterns[k]!.length] ?? " "));
  const said = (from: number, to: number): boolean => found.some((at, k) => at !== undefined && k >= from && k < to && agencyAt(k));
  const agencyFirst = BODY_PATTERNS.length;
  const weakFirst = agencyFirst + AGENCY_PHRASES.indexOf(WEAK_AGENCY_PHRASES[0]!);
  // "put you forward" from an in-house recruiter who also writes "everyone at <the sender's own company>" is no agency's.
  const inBody = bodyNames(latest, lowerLatest, found);
  const atPost = postEmployers(latest);
  const agency =
    said(agencyFirst, weakFirst) ||
    (said(weakFirst, BODY_AND_AGENCY_SET.patterns.length) && !inBody.some((n) => matchesSlug(stripLegalSuffix(n), senderSlugs))) ||
    (AGENCY_DOMAIN.test(senderDomain) && !atsForDomain(senderDomain));

  // "the hiring manager at Saguaro Credit Union": someone outside the employer reports the employer's
  // decision. When the organisation named is not the sender's own, the sender writes for a client.
  let clientNamed: string | null = null;
  if (lowerLatest.length === latest.length) {
    for (const p of CLIENT_SIDE_PHRASES) {
      const at = lowerLatest.indexOf(p);
      if (at < 0 || (at > 0 && /[\p{L}]/u.test(lowerLatest[at - 1]!))) continue;
      let start = at + p.length;
      for (const article of ["the ", "der ", "die ", "la ", "le ", "el ", "il ", "de ", "a "]) {
        if (lowerLatest.startsWith(article, start)) {
          start += article.length;
          break;
        }
      }
      const name = captureCapitalised(latest, start, { maxWords: 5, stopWords: STOP_WORDS });
      // Nobody is a hiring manager "at" a person: whatever is named here is an organisation.
      if (name && !matchesSlug(stripLegalSuffix(name), senderSlugs)) {
        clientNamed = name;
        break;
      }
    }
  }
  // "Retour Papeteries Roussel" from a consultant at another firm: an organisation the subject and the body name that is
  // not the sender's own is the one that decided; the sender relays it. So is an organisation the body names as where the
  // post is ("le poste de … à la Coopérative forestière …"); a unit or a place there ("en el CEDIS de Querétaro") is not one.
  // A person, not the organisation's own mailbox ("The Larkspur Hotel <people@…>", "SkyMarten Airways Careers <careers@…>").
  const sender = input.from;
  const person =
    !!sender?.address && !isSystemAddress(sender.address) && !isRoleAddress(sender.address) && !isFreemailDomain(senderDomain) &&
    !(sender.name && (hasOrgWord(sender.name) || matchesSlug(companyFromDisplayName(sender.name) ?? sender.name, senderSlugs)));
  if (!agency && !clientNamed && person && senderSlugs.size > 0) {
    // A title the body writes as one ("the Night Porter vacancy") is the post, not a client.
    const usable = (t: string): boolean => !matchesSlug(t, senderSlugs) && !nameParts.has(compact(t)) && isUsable(t, excluded) && !writtenAsTitle(latest, t);
    // Evidence enough that the subject names an organisation: not the title applied for ("Tour Guide", "Treinador
    // Adjunto"), not an occupation, not the subject's own wording ("Ihre Bewerbung"), and a single word said in running
    // text, not only in an address ("44000 Nantes").
    let title: string | null | undefined;
    const relayed = (t: string): boolean =>
      usable(t) && !SUBJECT_LINK_WORDS.has(t.split(" ")[0]!.toLowerCase()) && !looksLikeOccupation(t) &&
      (t.includes(" ") || saidInProse(latest, t)) && compact(t) !== compact((title ??= extractRole(input.subject, latest, [])) ?? "");
    clientNamed = subjectClients(input.subject, latest).find(relayed) ?? atPost.find((t) => usable(t) && hasOrgWord(t) && !isUnitName(t)) ?? null;
  }
  if (agency || clientNamed) {
    if (clientNamed) add(clientNamed, 4, "agency-client");
    // Only a client named after the agency wording counts; the agency's own name never does.
    for (const p of ["my client, ", "our client, ", "my client ", "our client ", "on behalf of ", "partnering with ", "client of ours, ", "mein kunde ", "unser kunde ", "notre client ", "nuestro cliente ", "il nostro cliente ", "onze klant ", "nosso cliente ", "mon client ", "mi cliente ", "il mio cliente ", "mijn klant ", "meu cliente ", "unserem kunden ", "meinem kunden ", "unser auftraggeber ", "unserem auftraggeber ", "notre client, ", "nuestro cliente, ", "il nostro cliente, ", "nosso cliente, ", "onze klant, ", "onze opdrachtgever ", "mijn opdrachtgever ", "unser mandant ", "unserem mandanten "]) {
      let at = lowerLatest.indexOf(p);
      while (at >= 0) {
        add(captureCapitalised(latest, at + p.length, { maxWords: 5, stopWords: STOP_WORDS }), 4, "agency-client");
        at = lowerLatest.indexOf(p, at + p.length);
      }
    }
    // "Poste de Responsable Contrôle de Gestion – Groupe Vauclair": the client in the subject.
    for (const t of subjectClients(input.subject, latest, true)) add(t, 4, "agency-client");
    for (const c of [...cands.values()]) if (senderSlugs.has(compact(c.text))) cands.delete(compact(c.text));
    return { company: finish(pick(cands, slugs, latest), input, latest), agency: true };
  }

  // Sender display name (ATS and system senders carry the employer's name).
  const from = input.from;
  if (from?.name) {
    const system = !from.address || isSystemAddress(from.address) || !!atsForDomain(domainOf(from.address));
    const name = companyFromDisplayName(from.name);
    const personLike = name ? isPersonInBody(name, latest) : false;
    // A name with an organisation's word ("Hospital Santa Luzia") is the employer's even on a platform nobody listed.
    if (name && !personLike && (system || hasOrgWord(name) || name !== from.name.trim() || matchesSlug(name, senderSlugs))) add(name, 3, "display");
  }
  for (const r of input.replyTo) if (r.name && isSystemAddress(r.address)) add(companyFromDisplayName(r.name), 2, "display");

  // Subject: "... at Acme", "Your application to Acme", "Acme | Role".
  const subject = stripSubjectPrefixes(input.subject);
  const lowerSubject = subject.toLowerCase();
  if (lowerSubject.length === subject.length) {
    for (const p of SUBJECT_PATTERNS) {
      let at = lowerSubject.indexOf(p);
      while (at >= 0) {
        // "Elektroniker für Betriebstechnik": after a job noun, "für" names the title's field, not an employer.
        const fieldOfTitle = p === " für " && looksLikeOccupation(subject.slice(Math.max(0, subject.lastIndexOf(" ", at - 1) + 1), at));
        if (!fieldOfTitle) add(captureCapitalised(subject, at + p.length, { maxWords: 5, stopWords: STOP_WORDS }), 3, "subject");
        at = lowerSubject.indexOf(p, at + p.length);
      }
    }
    const yourApp = /\byour (.{2,60}?) application\b/i.exec(subject);
    if (yourApp) add(yourApp[1]!, 2, "subject");
    for (const seg of subject.split(SUBJECT_FIELDS)) {
      const s = seg.trim();
      if (s && !hasJobNoun(s)) add(captureCapitalised(s, 0, { maxWords: 5, stopWords: STOP_WORDS }) === s ? s : null, 1, "subject-segment");
    }
  }

  // Body wording.
  for (const name of [...inBody, ...atPost]) add(name, 3, "body");

  // Signature: parts of the last lines ("Title | Company", "Company GmbH", "Title, Company").
  const signature = lastLines(latest, 14);
  // "Nora / Owner / Crumb & Thistle Bakery" from a private address: under the owner's name and title, the business.
  const senderName = input.from?.name && senderSlugs.size === 0 && !isSystemAddress(input.from.address) && !isRoleAddress(input.from.address) ? input.from.name.replace(/\s*[(<].*$/, "").trim() : "";
  const firstName = senderName.split(" ")[0]!;
  const nameAt = senderName.includes(" ") ? signature.findIndex((l) => l === senderName || l === firstName || l.startsWith(senderName + ",")) : -1;
  if (nameAt >= 0) {
    for (const line of signature.slice(nameAt + 1, nameAt + 3)) {
      const field = line.split(SIGNATURE_FIELDS)[0]!.trim().replace(/[\s,;:]+$/, "");
      if (!field || /@|https?:|www\.|\d/.test(field) || field.split(/\s+/).length > 6 || !startsUpper(field)) break;
      if (looksLikeOccupation(field) || isTeamOnly(field) || isUnitName(field) || !field.includes(" ")) continue; // a title, a team
      if (captureCapitalised(field, 0, { maxWords: 6 }) === field || stripLegalSuffix(field) !== field) add(field, 3, "signature");
      break;
    }
  }
  signature.forEach((line, i) => {
    // A team's line, then the organisation's whole name ("Human Resources" / "Centre de services scolaire des Hautes-Rivières").
    // Its first field only ("Dijkstra Fietsen B.V. | Zwolle"); a unit of the organisation ("Service Emploi…") is not its name.
    const next = signature[i + 1]?.split(SIGNATURE_FIELDS)[0]!.trim();
    if (!next || next.length > 80 || !isTeamOnly(line) || !startsUpper(next) || /@|https?:|www\.|\d/.test(next)) return;
    if (next.split(" ").length <= 8 && !isUnitName(next)) add(next, 3, "signature");
  });
  for (const line of signature) {
    if (line.length > 120) continue;
    // "Lusomar Tecnologia, Lda. | Rua do Ouro 140": the street and phone go, the registered name stays whole.
    const fields = line.split(SIGNATURE_FIELDS).filter((f) => !/@|https?:|www\.|\d{3}/.test(f));
    const parts = fields.flatMap((f) => {
      const whole = f.trim().replace(/[\s,;:]+$/, "");
      return stripLegalSuffix(whole) !== whole.replace(/\.$/, "") ? [whole] : whole.split(/,\s/);
    });
    for (const part of parts) {
      const p = part.trim().replace(/[\s,.;:]+$/, "");
      const hasSuffix = stripLegalSuffix(p) !== p;
      // "The Kiteframe Labs Recruiting Team", "Northpeak Talent Acquisition": a team's sign-off names the employer.
      const bare = p.replace(/^the\s+/i, "");
      const teamSignOff = bare.length > 0 && !hasJobNoun(bare) && (companyFromDisplayName(bare) ?? bare) !== bare;
      // "Municipalidad de Valle Escondido": a line that names a kind of organisation is one, unless it is a unit of it.
      const orgLine = hasOrgWord(p) && !isUnitName(p);
      add(captureCapitalised(p, 0, { maxWords: 6 }) === p || hasSuffix ? p : null, hasSuffix || teamSignOff || orgLine ? 3 : 1, "signature");
    }
  }

  return { company: finish(pick(cands, slugs, latest), input, latest), agency: false };
}

/** The names after the body's wording ("interest in joining the Globex team" -> "Globex"), in order. */
function bodyNames(latest: string, lowerLatest: string, found: (number[] | undefined)[]): string[] {
  if (lowerLatest.length !== latest.length) return [];
  const out: string[] = [];
  BODY_PATTERNS.forEach((p, k) => {
    for (const at of found[k] ?? []) {
      if (at === 0 || /[\s(]/.test(lowerLatest[at - 1]!)) {
        // "interest in joining the Globex team": skip the article.
        let start = at + p.length;
        for (const article of ["the ", "our ", "der ", "die ", "das ", "la ", "le ", "l'", "el ", "il ", "de ", "het ", "a "]) {
          if (lowerLatest.startsWith(article, start)) {
            start += article.length;
            break;
          }
        }
        const name = captureCapitalised(latest, start, { maxWords: 5, stopWords: STOP_WORDS });
        if (name) out.push(name);
      }
    }
  });
  return out;
}

/** Whether `name` is written on a line without digits (running text, not a postal address). */
function saidInProse(latest: string, name: string): boolean {
  return mentionsOf(latest, name).some((at) => {
    const end = latest.indexOf("\n", at);
    return !/\d/.test(latest.slice(latest.lastIndexOf("\n", at) + 1, end < 0 ? latest.length : end));
  });
}

/** Words that make the name before them a post: "the Night Porter vacancy", "the Cabin Crew Assessment Day". */
const AFTER_TITLE = /^[ \t]+(?:vacancy|role|position|post|job|opening|opportunity|assessment|interview|team|stelle|vacature|functie)\b/i;

/** Whether the body writes `name` as a post's title, or as part of a longer capitalised name. */
function writtenAsTitle(latest: string, name: string): boolean {
  return mentionsOf(latest, name).some((at) => {
    const after = latest.slice(at + name.length, at + name.length + 30);
    return AFTER_TITLE.test(after) || /^[ \t]\p{Lu}/u.test(after);
  });
}

/**
 * "le poste de contremaître de production à la Coopérative …", "the position of Ward Clerk at Harbourside Hospice":
 * the organisation where the post is, after a title of a few words.
 */
const POST_AT =
  /(?<![\p{L}])(?:position|role|job|opening|vacancy|post|poste|rôle|emploi|stelle|funktion|puesto|plaza|vacante|cargo|vacature|functie|vaga|posizione|ruolo)[ \t]+(?:(?:de|of|as|als|como|di|da|van|for)[ \t]+|d['’])?(?:(?!(?:and|und|et|y|e|or|ou|oder|for|the|to|with|avec|mit|con|met|com)[ \t])[\p{L}'’-]+[ \t]+){0,6}?(?:à la|à l'|au|chez|auprès de|at|with|bei der|beim|bei|in der|bij|presso la|presso|nella|nel|en la|en el|na|no)[ \t]+(?:the[ \t]+)?/giu;

function postEmployers(latest: string): string[] {
  const out: string[] = [];
  for (const m of latest.slice(0, 20_000).matchAll(POST_AT)) {
    const name = captureOrganisation(latest, m.index + m[0].length);
    if (name) out.push(name);
  }
  return out;
}

/**
 * A capitalised name, or an organisation's head noun with lower-case words before its proper name:
 * "Coopérative forestière du Haut-Saint-Maurice", "Caisse populaire de Rimouski".
 */
function captureOrganisation(text: string, start: number): string | null {
  const name = captureCapitalised(text, start, { maxWords: 5, stopWords: STOP_WORDS });
  if (!name || name.includes(" ") || !ORG_WORDS.has(name.toLowerCase())) return name;
  let at = start;
  while (text[at] === " " || text[at] === "\t") at++;
  at += name.length;
  const m = /^((?:[ \t]\p{Ll}[\p{L}'’-]*){1,4})[ \t](du|de la|de|des|del|di|della|do|da|dos|das)[ \t](?=\p{Lu})/u.exec(text.slice(at, at + 80));
  if (!m) return name;
  const proper = captureCapitalised(text, at + m[0].length, { maxWords: 4, stopWords: STOP_WORDS });
  return proper ? `${name}${m[1]} ${m[2]} ${proper}` : name;
}

const SUBJECT_LINK_WORDS = new Set(
  ("the|a|an|of|on|about|for|re|regarding|zur|zum|zu|der|die|das|den|dem|des|ihre|ihrer|la|le|les|l'|du|de|sur|votre|el|del|sobre|su|il|lo|della|di|sul|sulla|het|van|over|je|uw|o|do|da|sua|" +
    // what introduces a title: "Bewerbung als Lagerist", "candidatura come casaro"
    "as|als|como|come|comme|para|per|pour|für|voor").split("|"),
);

/** Words that open an agency's subject field naming the engagement: "Mandat Brauerei X", "Search: X". */
const ENGAGEMENT_WORDS = new Set("mandat|mandate|search|suche|opdracht|incarico|búsqueda|busca".split("|"));

/**
 * The organisations an intermediary's subject names: a field that is not the role ("Export Manager – riscontro Vinicola X")
 * and that the body names again, or that follows an engagement word ("Mandat Brauerei X").
 */
function subjectClients(subject: string, latest: string, shortForm = false): string[] {
  const out: string[] = [];
  for (const field of stripSubjectPrefixes(subject).split(SUBJECT_FIELDS)) {
    // "Senior Data Scientist per Lumen Assicurazioni": the client after the role; "Terugkoppeling Zuiderlicht
    // Energie": after a word the body does not repeat.
    // "Halcyon Subsea (Aberdeen)": the place in parentheses is not part of the name.
    const client = stripLegalSuffix(field.split(ROLE_FOR_CLIENT).pop()!.replace(/\s*\([^()]{1,40}\)\s*$/, "").trim());
    if (hasJobNoun(client)) continue;
    const words = client.split(" ");
    const engagement = words.length > 1 && ENGAGEMENT_WORDS.has(words[0]!.toLowerCase());
    for (let skip = engagement ? 1 : 0; skip < Math.min(3, words.length); skip++) {
      // "Rückmeldung zur Fallstudie": a noun after a preposition or article is a thing, not an organisation.
      if (skip > 0 && SUBJECT_LINK_WORDS.has(words[skip - 1]!.toLowerCase())) break;
      const t = words.slice(skip).join(" ");
      // A name starts with a letter: "ref. 2026/HRM/117" names a file, not a client.
      // The body may shorten it to its first word: "Halcyon have decided…" for "Halcyon Subsea".
      const first = t.split(" ")[0]!;
      const shortened = shortForm && t.includes(" ") && first.length >= 4 && !GENERIC.has(first.toLowerCase()) &&
        mentionsOf(latest, first).some((at) => !/\p{L}/u.test(latest[at - 1] ?? " ") && !/\p{L}/u.test(latest[at + first.length] ?? " "));
      if (/^\p{Lu}/u.test(t) && captureCapitalised(t, 0, { maxWords: 5, stopWords: STOP_WORDS }) === t && (engagement || latest.includes(t) || shortened)) {
        out.push(t);
        break;
      }
    }
  }
  return out;
}

function pick(cands: Map<string, Cand>, slugs: Set<string>, latest: string): string | null {
  let best: Cand | null = null;
  for (const c of cands.values()) {
    if (matchesSlug(c.text, slugs)) c.score += 3;
    const mentions = countMentions(latest, c.text);
    c.score += Math.min(3, mentions) * 0.5;
    // A lone signature word nobody else backs is too weak.
    if (c.sources.size === 1 && c.sources.has("signature") && c.score < 3) continue;
    if (c.sources.size === 1 && c.sources.has("subject-segment") && c.score < 3) continue;
    if (!best || c.score > best.score || (c.score === best.score && c.order < best.order)) best = c;
  }
  if (!best) return null;
  // "Elbstrom" from the subject and domain, "Elbstrom Energie AG" in the signature: the registered name is the full one.
  for (const c of cands.values()) {
    if (c.text.startsWith(best.text + " ") && c.text.split(" ").length - best.text.split(" ").length <= 2 && writtenWithLegalSuffix(latest, c.text)) return c.text;
  }
  return possessiveInstitution(best, cands, latest) ?? best.text;
}

/** The name as the organisation writes it: in full, and with its "The" where that is part of it. */
function finish(name: string | null, input: CompanyInput, latest: string): string | null {
  const full = fullerName(name, input.whole ?? latest);
  return full && withArticle(full, input.from?.name ?? "", latest) ? "The " + full : full;
}

/**
 * "The Lantern Trust" as the sender's name, a signature line, or mid-sentence ("apply to The Lantern Trust"): the
 * article is part of the name. At the start of a sentence it may be only grammar.
 */
function withArticle(name: string, displayName: string, latest: string): boolean {
  const written = "The " + name;
  if (displayName.trim() === written) return true;
  let at = latest.indexOf(written);
  for (let n = 0; at >= 0 && n < 10; n++) {
    const lineStart = latest.lastIndexOf("\n", at - 1) + 1;
    let lineEnd = latest.indexOf("\n", at);
    if (lineEnd < 0) lineEnd = latest.length;
    if (latest.slice(lineStart, lineEnd).trim() === written) return true;
    if (/[\p{Ll},] $/u.test(latest.slice(Math.max(0, at - 2), at))) return true;
    at = latest.indexOf(written, at + written.length);
  }
  return false;
}

/**
 * "got Castlemere on the phone" is short for the "Castlemere Foods" the thread also writes: the name followed by an
 * organisation's word ("Foods", "Health", "Bank"), as written most often.
 */
export function fullerName(name: string | null, text: string): string | null {
  // "Cobalt Insurance" already says what it is; "Cobalt Insurance Group, Inc." is its legal name, not a fuller everyday one.
  if (!name || hasOrgWord(name)) return name;
  const counts = new Map<string, number>();
  const t = text.slice(0, 50_000);
  let at = t.indexOf(name + " ");
  while (at >= 0 && counts.size < 10) {
    const before = t[at - 1];
    const next = /^\p{Lu}[\p{L}&-]*/u.exec(t.slice(at + name.length + 1, at + name.length + 40))?.[0];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && next && ORG_WORDS.has(next.toLowerCase()) && stripLegalSuffix(name + " " + next) !== name) {
      counts.set(next, (counts.get(next) ?? 0) + 1);
    }
    at = t.indexOf(name + " ", at + 1);
  }
  let best: string | null = null;
  for (const [word, n] of counts) if (!best || n > counts.get(best)!) best = word;
  return best ? name + " " + best : name;
}

/** "your interest in St Brigid's" is short for the "St Brigid's University Hospital" the text also writes: the full name, as written most often. */
function possessiveInstitution(best: Cand, cands: Map<string, Cand>, latest: string): string | null {
  let full: Cand | null = null;
  let fullMentions = 0;
  for (const c of cands.values()) {
    if (!/^['’]s /.test(c.text.slice(best.text.length)) || !c.text.startsWith(best.text)) continue;
    const mentions = countMentions(latest, c.text);
    if (!full || mentions > fullMentions || (mentions === fullMentions && c.score > full.score)) [full, fullMentions] = [c, mentions];
  }
  return full?.text ?? null;
}

/** The name appears followed by a legal suffix ("Lusomar Tecnologia, Lda."): the way a company writes its own name. */
function writtenWithLegalSuffix(text: string, name: string): boolean {
  return mentionsOf(text, name).some((at) => {
    const rest = text.slice(at, at + name.length + 16).split(/[|\n·•(]/)[0]!.trim();
    return rest.length > name.length && stripLegalSuffix(rest) === name;
  });
}

function matchesSlug(name: string, slugs: Set<string>): boolean {
  // Domains spell German umlauts out: "Bäckerei Kornblume" at baeckerei-kornblume.test.
  const spelled = spellUmlauts(name);
  return matchesSlugAs(name, slugs) || (spelled !== name && matchesSlugAs(spelled, slugs));
}

const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss" };
const spellUmlauts = (s: string): string => s.replace(/[äöüÄÖÜß]/g, (c) => UMLAUTS[c]!);

function matchesSlugAs(name: string, slugs: Set<string>): boolean {
  // "Inkwell & Moss" at inkwellandmoss.test.
  const key = compact(name.replace(/\s&\s/g, " and "));
  if (key.length < 3) return false;
  for (const s of slugs) {
    if (s.length < 3) continue;
    if (s === key) return true;
    if (s.length >= 5 && key.startsWith(s)) return true;
    if (key.length >= 5 && s.startsWith(key)) return true;
    // A descriptor before the name the domain carries: "Tecnologías Cenzontle", "Grupo Alba", "Banque Rivière".
    if (s.length >= 5 && key.endsWith(s) && isDescriptorPrefix(name, key.length - s.length)) return true;
    // An initialism: "Centre de services scolaire des Hautes-Rivières" at csshr.test.
    if (s.length >= 3 && s === initials(name)) return true;
  }
  return false;
}

/** The first letters of a name's words, hyphenated parts counted, joining words not: "Hautes-Rivières Transit" -> "hrt". */
function initials(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => w && !INSTITUTION_JOINERS.has(w.toLowerCase()) && !["and", "&", "und", "et", "y", "e", "en"].includes(w.toLowerCase()));
  return words.length >= 3 ? compact(words.map((w) => w.normalize("NFD")[0]!).join("")) : "";
}

/** Words that join an institution's head noun to its name: "University of", "Università degli Studi di", "Hospital de". */
const INSTITUTION_JOINERS = new Set("of|the|de|del|della|degli|dei|di|des|du|da|do|dos|das|van|voor|für|der|la|le|el|studi|estudios".split("|"));

/**
 * What comes before the slug is one descriptor word ("Grupo Alba"), or an institution's head noun with its joining
 * words ("University of Eastbrook", "Universidad de Lerma"): not a longer phrase.
 */
function isDescriptorPrefix(name: string, prefixChars: number): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return false;
  if (compact(words[0]!).length === prefixChars) return true;
  if (!ORG_WORDS.has(words[0]!.toLowerCase())) return false;
  let chars = compact(words[0]!).length;
  for (let i = 1; i < words.length - 1 && chars < prefixChars; i++) {
    if (!INSTITUTION_JOINERS.has(words[i]!.toLowerCase())) return false;
    chars += compact(words[i]!).length;
  }
  return chars === prefixChars;
}

function countMentions(text: string, needle: string): number {
  return mentionsOf(text, needle).length;
}

/** Where `needle` occurs in `text`, the first five times at most. */
function mentionsOf(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle); at >= 0 && out.length < 5; at = text.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

/** A display name that signs the mail ("Ravi" alone on a line, or the full name in the signature) is a person. */
/** Words in organisation names, never in people's. */
const ORG_WORDS = new Set(
  ("industries|labs|lab|health|healthcare|bank|systems|technologies|technology|tech|group|capital|media|software|analytics|energy|" +
    "studio|studios|games|press|bio|robotics|solutions|partners|consulting|inc|llc|ltd|gmbh|company|corp|holdings|insurance|" +
    "logistics|digital|ventures|foundation|university|hospital|clinic|network|networks|services|international|global|cloud|" +
    "data|ai|security|financial|finance|motors|foods|pharma|therapeutics|retail|airlines|markets|agency|works|hq|" +
    "union|credit|trust|mutual|cooperative|co-op|council|institute|association|society|museum|school|college|church|authority|" +
    "ministry|department|county|city|municipality|board|fund|estate|properties|hotels|hotel|restaurants|stores|brands|" +
    "gruppe|groupe|grupo|gruppo|groep|banco|banque|banca|stiftung|fondation|fundación|fondazione|stichting|fundação|" +
    "werke|verlag|kliniken|klinikum|hôpital|hospitales|ospedale|ziekenhuis|universität|université|universidad|università|universiteit|universidade|" +
    "krankenhaus|kindergarten|kinderhaus|kita|schule|brauerei|brouwerij|gemeente|comune|mairie|ayuntamiento|prefeitura|clínica|clinica|klinik|kliniek|" +
    // public bodies
    "municipal|municipalidad|municipio|município|câmara|landratsamt|stadtverwaltung|bezirksamt|kreisverwaltung|gemeindeverwaltung|stadtwerke|gemeinde|" +
    "trust|charity|hospice|academy|bodega|coopérative|cooperativa|genossenschaft|coöperatie|" +
    "centre|center|centro|caisse|société|sociedad|società|sociedade|compagnie|institut|instituto|istituto|" +
    // clubs and associations
    "club|clube|verein|vereniging|associazione|asociación|associação|distillery|brewery|practice").split("|"),
);

const hasOrgWord = (name: string): boolean => name.split(/\s+/).some((w) => ORG_WORDS.has(w.toLowerCase()));

function isPersonInBody(name: string, latest: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 3) return false;
  if (hasOrgWord(name)) return false;
  // A line that is the first name alone, the full name, or starts "Full Name,".
  for (const needle of [words[0]!, name]) {
    let at = latest.indexOf(needle);
    while (at >= 0) {
      const lineStart = latest.lastIndexOf("\n", at - 1) + 1;
      if (!latest.slice(lineStart, at).trim()) {
        let lineEnd = latest.indexOf("\n", at);
        if (lineEnd < 0) lineEnd = latest.length;
        const rest = latest.slice(at + needle.length, lineEnd);
        if (!rest.trim() || (needle === name && rest.startsWith(","))) return true;
      }
      at = latest.indexOf(needle, at + 1);
    }
  }
  return false;
}

/** The last `count` non-blank lines of a text, trimmed, without splitting all of it. */
function lastLines(text: string, count: number): string[] {
  const out: string[] = [];
  let end = text.length;
  while (end > 0 && out.length < count) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line) out.unshift(line);
    end = start - 1;
  }
  return out;
}

function urlHosts(text: string): { host: string; firstPath: string }[] {
  const out: { host: string; firstPath: string }[] = [];
  let at = text.indexOf("http");
  while (at >= 0 && out.length < 50) {
    const m = /^https?:\/\/([a-z0-9.-]+)(?:\/([A-Za-z0-9_-]+))?/i.exec(text.slice(at, at + 300));
    if (m) out.push({ host: m[1]!.toLowerCase(), firstPath: m[2] ?? "" });
    at = text.indexOf("http", at + 4);
  }
  return out;
}

/** The organisation named by a domain when nothing else names it: "bluefin-studio.test" -> "Bluefin Studio". */
export function companyFromDomain(address: string, text = ""): string | null {
  const d = domainOf(address);
  if (!d || atsForDomain(d) || isFreemailDomain(d)) return null;
  const label = orgLabel(d);
  if (!label) return null;
  // The text may spell the name the domain runs together ("brouwerlogistiek" -> "Brouwer Logistiek", "OpenLoop").
  const spelled = spellingInText(compact(label), text.slice(0, 20_000)) ?? lineNamingParts(label.split("-"), text.slice(0, 20_000));
  if (spelled) return spelled;
  return label
    .split("-")
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
}

/**
 * A short line (or a field of one) that holds every part of a hyphenated domain in any order, as the signature writes
 * the name: "kornblume-baeckerei" -> "Bäckerei Kornblume", "grandcerf-hotel" -> "Hôtel Le Grand Cerf".
 */
function lineNamingParts(parts: string[], text: string): string | null {
  const keys = parts.map(compact).filter((p) => p.length >= 3);
  if (keys.length < 2) return null;
  let best: string | null = null;
  for (const line of text.split("\n")) {
    if (line.length > 200) continue;
    for (const field of line.split(SIGNATURE_FIELDS)) {
      const f = stripLegalSuffix(field.trim().replace(/[\s,;:]+$/, ""));
      if (!f || !startsUpper(f) || /@|https?:|www\.|\d/.test(f) || f.split(/\s+/).length > 8) continue;
      const plain = compact(f);
      const spelledOut = compact(spellUmlauts(f));
      if (keys.every((k) => plain.includes(k) || spelledOut.includes(k)) && (!best || f.length < best.length)) best = f;
    }
  }
  return best;
}

/** A run of one to four words in the text whose letters are `slug`, as the text writes them; null if none or all lower case. */
export function spellingInText(slug: string, text: string): string | null {
  if (slug.length < 3 || !text) return null;
  const words: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&'’.-]*|(?<= )&(?= )/gu)) words.push(m[0]);
  for (let i = 0; i < words.length; i++) {
    let acc = "";
    for (let j = i; j < words.length && j < i + 4; j++) {
      const word = words[j] === "&" ? "and" : compact(words[j]!);
      // The domain may cut the last word short: "larkspur-elem" for "Larkspur Elementary".
      if (j > i && slug.startsWith(acc) && slug.length - acc.length >= 3 && word.startsWith(slug.slice(acc.length))) {
        const name = words.slice(i, j + 1).join(" ").replace(/[.'’-]+$/, "");
        if (startsUpper(name)) return name;
      }
      acc += word;
      if (!slug.startsWith(acc)) break;
      if (acc === slug) {
        const name = words.slice(i, j + 1).join(" ").replace(/[.'’-]+$/, "");
        if (/\p{Lu}/u.test(name) && startsUpper(name)) return name;
        break;
      }
    }
  }
  return null;
}

