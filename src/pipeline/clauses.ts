// Rejection as sentence structure rather than stock phrases: in every language a rejection says
// that someone else was chosen, that the candidacy will not go on, or that the search was closed.
// Each rule pairs a set of first terms (a verb of choosing, a negation, a verb of closing) with a
// set of second terms (another person, the candidacy, the process) that must follow within the
// same clause: no sentence end or comma between them, and within a window of characters. New
// wording is caught as long as its parts are in the lexicons, not only the exact strings seen.

import { findPatterns, patternSet, type PatternSet } from "./text.ts";
import type { Phrase } from "./phrases.ts";

export interface ClauseRule {
  name: string;
  weight: number;
  /** Counts only where the text is about a job application. */
  generic?: boolean;
  first: string[];
  second: string[];
  /** Characters from the start of the first term to the start of the second. */
  window: number;
  /** Words one of which must stand between the terms (the verb of going on after a negation). */
  mid?: string[];
  /** Words that must not stand between them ("can't wait to move you forward", "selected you over other candidates"). */
  midNot?: string[];
  /** Words that, just before the first term, make the clause hypothetical ("once the role is filled"). */
  notBefore?: string[];
  /** Does not hold when negated: "no hemos cerrado la vacante", "the role has not been filled". */
  negatable?: boolean;
}

const terms = (s: string): string[] => s.split("|");

/** Someone else was chosen: a verb of choosing or going on, then another person. */
const CHOSE_OTHER: ClauseRule[] = [
  {
    name: "chose someone else",
    weight: 0.85,
    first: terms("side of|process with|recruitment with|landed on|landing on|gone for|went for|going for|role went to|position went to|job went to|offer went to|role has gone to|position has gone to|offered it|awarded it|awarded|picked|elected to pursue|pursue|pursuing|offer to|offered to|role to|position to|job to|go with|going with|went with|gone with|move forward with|moving forward with|moved forward with|proceed with|proceeding with|proceeded with|continue with|continuing with|move ahead with|moving ahead with|moved ahead with|offered the|offer the|offered this|offered our|extended an offer to|extended the offer to|made an offer to|made the offer to|given the|gave the|filled the|fill the|selected|chose|chosen|hired|decided on|settled on|opted for|appointed|focus on|focusing on|prioritize|prioritise"),
    midNot: terms(" you from| you over| you above| you ahead| you among| you and"),
    second: terms("other person|other candidate|other profile|other applicant|applicants whose|applicants who|applicants with|people whose|people who|profiles whose|others whose|internally|in-house|from within|someone else|somebody else|someone who|someone whose|someone with|someone internal|someone from within|someone more|someone already|someone that|another candidate|another applicant|another person|another finalist|a different candidate|a different applicant|a different person|other candidates|other applicants|other finalists|other people|an internal candidate|an internal applicant|an internal hire|internal candidate|internal applicant|a candidate who|a candidate whose|a candidate with|an applicant who|an applicant whose|an applicant with|a colleague|a current employee|a current team member|an existing team member|a more experienced|a more senior|a candidate that|candidates whose|candidates who|candidates with"),
    window: 80,
  },
  {
    name: "chose someone else (es)",
    weight: 0.85,
    generic: true,
    first: terms("continuar|seguir|avanzar|optado|optar|optamos|decantado|decantamos|decidido|elegido|elegimos|escogido|escogimos|seleccionado|seleccionamos|contratado|contratamos|apostado|apostamos|quedado|ofrecido|cubierto|cubrir|adelante|inclinado|inclinamos|preferido|preferimos|cerrado|cerramos"),
    second: terms("a otra candidatura|a otras personas|a otros candidatos|a otros perfiles|por otras personas|por otros candidatos|con una compañera|con un compañero|con alguien|a alguien|por alguien|con personas|con candidatos|con candidatas|con perfiles|con otra persona|con otro perfil|con otra candidata|con otro candidato|con otras personas|con otros perfiles|con otros candidatos|con otras candidaturas|con una persona|con un perfil|con una candidata|con un candidato|a otra persona|a otro candidato|a otra candidata|a otro perfil|por otra persona|por otro perfil|por otro candidato|por otra candidata|por otra candidatura|por otros perfiles|por un perfil|por una persona|por un candidato|por una candidata|internamente|de forma interna|de manera interna|un perfil interno|una persona interna|un candidato interno|una candidata interna"),
    window: 110,
  },
  {
    name: "chose someone else (it)",
    weight: 0.85,
    generic: true,
    first: terms("andare avanti|andremo avanti|proseguire|proseguiremo|procedere|procederemo|continuare|continueremo|scelto|selezionato|preferito|optato|orientati|orientato|deciso|puntare|puntato|assegnato|offerto|assunto|chiuso|ricaduta|caduta"),
    second: terms("altre persone|altre candidature|con persone|con candidati|con candidate|con profili|con qualcuno|a qualcuno|con un altro|con un'altra|con altri|con altre|un altro profilo|un'altra persona|un altro candidato|un'altra candidata|un'altra candidatura|altri candidati|altre candidate|altri profili|un candidato interno|una candidata interna|una risorsa interna|un profilo interno|internamente|una persona|un profilo|un candidato|una candidata"),
    window: 110,
  },
  {
    name: "chose someone else (fr)",
    weight: 0.85,
    generic: true,
    first: terms("poursuivre|poursuivrons|continuer|continuerons|avancer|avancerons|retenu|retenir|choisi|choix|opté|privilégié|orienté|orientés|orientées|tourné|tournés|tournées|porté|proposé|confié|attribué|sélectionné|recruté|embauché|engagé"),
    second: terms("quelqu'un qui|quelqu'un dont|quelqu'un d'autre|quelqu'un de plus|des candidatures|des profils|des candidats|des candidates|des personnes|avec des personnes|avec des candidats|avec des candidates|avec des profils|avec une personne|avec un candidat|avec une candidate|avec un profil|avec quelqu'un|avec un autre|avec une autre|avec d'autres|un autre candidat|une autre candidate|un autre profil|une autre personne|une autre candidature|d'autres profils|d'autres candidats|d'autres candidatures|un candidat interne|une candidate interne|une candidature interne|un profil interne|en interne|une personne|un profil|un candidat|une candidate"),
    window: 110,
  },
  {
    name: "chose someone else (nl)",
    weight: 0.85,
    generic: true,
    first: terms("verder|door|gekozen|kiezen|keuze|besloten|geselecteerd|aangenomen|gegund|aangeboden|ingevuld|gevallen|gegaan"),
    second: terms("met kandidaten|met sollicitanten|met mensen|met een kandidaat|met een collega|met een andere|met andere|met iemand|voor een andere|voor andere|voor iemand|een andere kandidaat|een andere sollicitant|andere kandidaten|andere sollicitanten|iemand anders|een interne kandidaat|een interne collega|intern"),
    window: 90,
  },
  {
    // Dutch, like German, may put the verb last: "de functie intern ingevuld".
    name: "chose someone else (nl, verb last)",
    weight: 0.85,
    generic: true,
    first: terms("intern|met een andere|met iemand|door een andere|door iemand|voor een andere|voor iemand|aan een andere|aan iemand"),
    second: terms("ingevuld|vervuld|gekozen|aangenomen|gegund|aangeboden|bezet|doorgaan|verdergaan|te gaan"),
    window: 90,
  },
  {
    name: "chose someone else (pt)",
    weight: 0.85,
    generic: true,
    first: terms("seguir|seguiremos|seguimos|avançar|avançaremos|avançamos|prosseguir|prosseguiremos|prosseguimos|continuar|continuaremos|continuamos|optamos|optado|optar|escolhemos|escolhido|selecionamos|selecionado|decidimos|contratamos|contratado|oferecemos|oferecida|oferecido|preenchida|preenchido|fechando|fechamos|fechado|fechar|preferimos|preferido|ficamos"),
    second: terms("outras pessoas|outra candidatura|outras candidaturas|com pessoas|com candidatos|com candidatas|com perfis|com alguém|a alguém|por alguém|com outra pessoa|com outro perfil|com outro candidato|com outra candidata|com outros candidatos|com outras pessoas|com outros perfis|com uma pessoa|com um perfil|com um candidato|com uma candidata|outra pessoa|outro perfil|outro candidato|outra candidata|outros candidatos|outros perfis|um candidato interno|uma candidata interna|uma pessoa interna|internamente"),
    window: 110,
  },
  {
    // German puts the verb last: "uns für eine Kandidatin mit mehr Erfahrung ... entschieden".
    name: "chose someone else (de)",
    weight: 0.85,
    generic: true,
    first: terms("mit einem kollegen|mit einer kollegin|aus dem eigenen haus|aus unserem eigenen haus|aus den eigenen reihen|aus unseren eigenen reihen|für kandidat*|für bewerber*|für eine kandidat*|für einen kandidat*|für eine bewerber*|für einen bewerber*|für andere*|für eine andere*|für einen anderen*|für jemand*|für eine person|für personen|für eine interne*|für einen internen*|für eine mitbewerber*|für einen mitbewerber*|mit einer anderen*|mit einem anderen*|mit einer kandidat*|mit einem kandidat*|mit kandidat*|mit einer internen*|mit einem internen*|mit anderen*|intern"),
    second: terms("entschieden|entscheiden|zu besetzen|besetzt|fortzufahren|fortfahren|fortzusetzen|weiterzugehen|weitergehen|vergeben"),
    window: 130,
  },
  {
    // "Den Zuschlag erhält nun eine Kandidatin": the award went to someone else.
    name: "the award went to someone else (de)",
    weight: 0.85,
    generic: true,
    first: terms("zuschlag"),
    second: terms("kandidat*|bewerber*|eine person|jemand*|einer anderen*|einem anderen*|eine andere*|ein anderer*|einen anderen*|intern*"),
    window: 50,
  },
];

/** The candidacy will not go on: a negation, a verb of going on, then the candidacy. */
const NOT_GOING_ON: ClauseRule[] = [
  {
    name: "will not go on with the candidacy",
    weight: 0.85,
    first: terms("not|won't|wouldn't|can't|cannot|couldn't|aren't|isn't|wasn't|weren't|didn't|unable to|no longer"),
    second: terms("the interview stage|the shortlist|an interview|an invitation|the next stage|the next round|your application|your candidacy|your candidature|your profile|you forward|you to the|with you|you the role|you the position|you the job|you a position|you a role|you an offer|things further|this further|any further"),
    mid: terms("mov|progress|proceed|advanc|tak|pursu|continu|consider|forward|further|offer|go ahead|going through|go through|put through|extend|invit"),
    // The negation governs something else: "can't wait to", "don't hesitate to", "not only", "if we don't hear back, we".
    midNot: terms("wait|hesitate|forget|only|just|but |if |until|yet|, we|hear"),
    window: 45,
  },
  {
    name: "will not go on with the candidacy (es)",
    weight: 0.85,
    generic: true,
    first: terms("no podremos|no podemos|no vamos a|no seguiremos|no continuaremos|no avanzaremos|no es posible|no será posible|no ha sido posible|decidido no|optado por no|no poder"),
    second: terms("tu candidatura|su candidatura|contigo|con vos|con usted|en el proceso|tu proceso|tu perfil|su perfil"),
    mid: terms("seguir|continuar|avanzar|adelante|prosperar|ofrecer|contar"),
    window: 70,
  },
  {
    name: "will not go on with the candidacy (it)",
    weight: 0.85,
    generic: true,
    first: terms("non è stato possibile|non è stata possibile|non potremo|non possiamo|non proseguiremo|non procederemo|non andremo|di non|non è possibile|non sarà possibile|non ci è possibile"),
    second: terms("candidatura|con lei|con te|nel processo|nella selezione|il processo|il percorso|la posizione|il ruolo"),
    mid: terms("prosegu|proced|andare avanti|avanti|continu|avanz|offrir|propor|seguito"),
    window: 70,
  },
  {
    name: "will not go on with the candidacy (fr)",
    weight: 0.85,
    generic: true,
    first: terms("ne pouvons pas|ne pourrons pas|ne poursuivrons pas|ne continuerons pas|de ne pas|n'est pas possible|ne sera pas possible|ne pas pouvoir"),
    second: terms("votre candidature|ta candidature|votre profil|ton profil|le processus|avec vous|avec toi|le poste"),
    mid: terms("poursuiv|continu|avanc|retenir|donner suite|aller plus loin|proposer|offrir"),
    window: 70,
  },
  {
    // Passive: "your application will not be progressed to the next stage".
    name: "the candidacy will not go on (passive)",
    weight: 0.85,
    first: terms("your application|your candidacy|your candidature|your profile"),
    second: terms("not be progressed|not progress|not be taken forward|not be taken further|not be moved forward|not be advanced|not proceed|not be considered further|not be pursued|not move forward|not be moving forward|not be progressing|not been successful|not been progressed|not been shortlisted|not been selected"),
    window: 40,
  },
  {
    // "ne sera donc pas retenue", "n'avons malheureusement pas pu retenir": French negation around an adverb.
    name: "will not go on with the candidacy (fr, ne … pas)",
    weight: 0.85,
    generic: true,
    first: terms("ne sera|ne seront|ne pourra|ne pourrons|ne pouvons|ne peut|ne sommes|ne va|ne allons|ne souhaitons|ne donnerons|ne poursuivrons|n'a|n'avons|n'est|n'ont"),
    second: terms("pas retenu|pas retenue|pas été retenu|pas été retenue|pas pu retenir|pas retenir|pas donner suite|pas y donner suite|pas suite|pas poursuivre|pas aller plus loin|pas avancer|pas continuer|pas favorable|pas été sélectionné|pas été sélectionnée"),
    window: 40,
  },
  {
    // Dutch: "We nemen je sollicitatie daarom niet mee naar de volgende ronde".
    name: "will not go on with the candidacy (nl)",
    weight: 0.85,
    generic: true,
    first: terms("je sollicitatie|uw sollicitatie|jouw sollicitatie|je kandidatuur|uw kandidatuur|jouw kandidatuur|je profiel|uw profiel|jou|je"),
    second: terms("niet mee|niet verder|niet door|niet doorgaan|niet voortzetten|niet in behandeling|niet uitnodigen|geen aanbod|niet aanbieden"),
    window: 50,
  },
  {
    // Dutch, verb last: "we gaan in de procedure niet met je verder".
    name: "will not go on with the candidacy (nl, verb last)",
    weight: 0.85,
    generic: true,
    first: terms("niet met je|niet met jou|niet met u|niet langer met je|niet langer met u"),
    second: terms("verder|door|doorgaan|verdergaan"),
    window: 40,
  },
  {
    name: "will not go on with the candidacy (pt)",
    weight: 0.85,
    generic: true,
    first: terms("não podemos|não poderemos|não vamos|não iremos|não seguiremos|não avançaremos|decidimos não|optamos por não|não será possível|não é possível|não foi possível"),
    second: terms("sua candidatura|tua candidatura|candidatura|com você|consigo|contigo|no processo|o processo|seu perfil"),
    mid: terms("seguir|avançar|prosseguir|continu|dar continuidade|dar seguimento|oferecer"),
    window: 70,
  },
  {
    // German: object first, negated verb last ("Ihnen die Stelle ... leider nicht anbieten").
    name: "will not go on with the candidacy (de)",
    weight: 0.85,
    generic: true,
    first: terms("ihre bewerbung|deine bewerbung|ihre kandidatur|deine kandidatur|ihnen die stelle|dir die stelle|ihnen die position|dir die position|ihnen diese stelle|dir diese stelle|ihnen diese position|ihnen kein|dir kein|ihr profil|dein profil"),
    second: terms("nicht weiter|nicht anbieten|nicht berücksichtigen|nicht fortsetzen|nicht fortführen|nicht zusagen|nicht mehr|nicht in die nächste|nicht weiterführen|nicht weiterverfolgen|nicht vorankommen|angebot machen|angebot unterbreiten"),
    window: 110,
  },
  {
    name: "the candidacy will not go on (es, it, pt)",
    weight: 0.85,
    generic: true,
    first: terms("sua candidatura|tua candidatura|seu perfil|tu candidatura|su candidatura|tu perfil|la tua candidatura|la sua candidatura|il tuo profilo|il suo profilo"),
    second: terms("não vai seguir|não seguirá|não vai avançar|não avançará|não vai continuar|não continuará|não foi selecionada|no va a seguir|no seguirá|no va a avanzar|no avanzará|no continuará|no ha sido seleccionada|non proseguirà|non andrà avanti|non avanzerà|non è stata selezionata|non è stato selezionato"),
    window: 40,
  },
  {
    // Dutch separable verbs: "We nodigen je daarom niet uit voor een eerste gesprek".
    name: "will not invite the candidate (nl)",
    weight: 0.85,
    generic: true,
    first: terms("nodigen je|nodigen jou|nodigen u|nemen je|nemen jou|nemen u"),
    second: terms("niet uit|niet mee"),
    window: 30,
  },
  {
    // "Die Stelle werden wir leider nicht mit Ihnen besetzen": the post, then not with the candidate.
    name: "the post will not be yours (de)",
    weight: 0.85,
    generic: true,
    first: terms("die stelle|diese stelle|die position|diese position|die rolle|diese rolle|die vakanz"),
    second: terms("nicht mit ihnen|nicht mit dir|anderweitig"),
    window: 90,
  },
];

/** The search itself is over: a verb of closing, then the process or the role. */
const SEARCH_CLOSED: ClauseRule[] = [
  {
    name: "closed the search",
    weight: 0.85,
    generic: true,
    first: terms("closed|closing|close|cancelled|canceled|cancelling|canceling|cancel|ended|ending|halted|stopped|discontinued|withdrawn|withdrew|eliminated|cerrado|cerrar|cerramos|cancelado|cancelar|finalizado|chiuso|chiudere|annullato|annullare|interrotto|fermé|fermer|clôturé|clôturer|annulé|annuler|gesloten|sluiten|stopgezet|ingetrokken|geannuleerd|encerrado|encerrar|cancelada|cancelamos|encerramos|fechamos|fechado"),
    second: terms("da vaga|do processo|da posição|de la vacante|del puesto|del proceso|della posizione|del processo|du poste|du processus|du recrutement|van de vacature|the process|the search|the role|the position|the requisition|the opening|the vacancy|the hiring process|the recruitment|this role|this position|this search|this opening|this process|el proceso|la búsqueda|la vacante|el puesto|la posición|este proceso|esta vacante|il processo|la selezione|la posizione|la ricerca|questa posizione|questo processo|le processus|le recrutement|le poste|la procédure|ce poste|ce recrutement|het proces|de vacature|de procedure|de functie|deze vacature|deze functie|o processo|a vaga|a posição|este processo|esta vaga"),
    window: 60,
  },
  {
    // "we've closed the Senior BI Developer search": the role's name between the article and the noun.
    name: "closed the named search",
    weight: 0.85,
    generic: true,
    first: terms("closed|closing|cancelled|canceled|cancelling|canceling|ended|halted|stopped|paused indefinitely|withdrawn|eliminated"),
    second: terms("search|role|position|requisition|opening|vacancy|process|recruitment"),
    mid: terms("the |this |our "),
    notBefore: terms("once|until|when|before|after|if|as soon as"),
    window: 60,
  },
  {
    // The process first, then closed: "el proceso externo quedó cerrado", "o processo foi encerrado".
    name: "the search is closed",
    weight: 0.85,
    generic: true,
    first: terms("this requisition|this search|this vacancy|the process|the search|the hiring process|the recruitment|the requisition|el proceso|la búsqueda|la vacante|il processo|la selezione|la ricerca|le processus|le recrutement|het proces|de procedure|de werving|o processo|a seleção|a vaga"),
    second: terms("closed|concluded|cancelled|canceled|ended|withdrawn|will not be filled|won't be filled|congelada|congelado|congelata|congelato|cerrado|cerrada|concluido|concluida|finalizado|finalizada|cancelado|cancelada|terminado|chiuso|chiusa|concluso|conclusa|annullato|annullata|fermé|clôturé|clôturée|terminé|annulé|gesloten|afgesloten|beëindigd|geannuleerd|encerrado|encerrada|concluído|concluída"),
    notBefore: terms("once|until|when|before|after|if|cuando|hasta que|antes|quando|finché|prima|quand|dès que|avant|zodra|totdat|voordat|até que|assim que"),
    window: 45,
  },
  {
    name: "closed the search (de)",
    weight: 0.85,
    generic: true,
    first: terms("das verfahren|den prozess|die stelle|die position|die ausschreibung|den rekrutierungsprozess|das auswahlverfahren|den bewerbungsprozess|die suche|diese stelle|diese position"),
    second: terms("eingestellt|geschlossen|abgebrochen|gestoppt|storniert|zurückgezogen|beendet|einzustellen|zu schließen|abzubrechen|zu streichen|gestrichen"),
    window: 90,
  },
];

/** The post is taken: the role, then a word for filled, in every language. */
const ROLE_FILLED: ClauseRule[] = [
  {
    name: "the role is filled",
    weight: 0.85,
    generic: true,
    first: terms("position|role|job|vacancy|opening|post|seat|spot|requisition|stelle|poste|puesto|vacante|posición|plaza|posizione|ruolo|vacature|functie|vaga|posição|cargo"),
    second: terms("filled|pourvu|pourvue|cubierto|cubierta|ocupado|ocupada|coperta|coperto|assegnata|assegnato|ingevuld|vervuld|preenchida|preenchido|besetzt|vergeben|no longer open|no longer available|niet meer open|plus disponible|ya no está disponible|non è più disponibile|não está mais disponível|nicht mehr verfügbar|nicht mehr offen"),
    notBefore: terms("once|until|when|before|after|if|as soon as|sobald|bis|wenn|quand|dès que|avant|cuando|hasta que|antes|quando|finché|prima|zodra|totdat|voordat|até que|assim que|antes"),
    window: 45,
  },
];

/** The money for the post is gone: budget or headcount, then a word for withdrawn. */
const BUDGET_GONE: ClauseRule[] = [
  {
    name: "the budget is gone",
    weight: 0.8,
    generic: true,
    first: terms("budget|headcount|funding|stellenbudget|presupuesto|financiación|finanziamento|orçamento|financiamento|vacatureruimte"),
    second: terms("withdrawn|cut|pulled|removed|eliminated|gestrichen|gekürzt|weggefallen|retiré|supprimé|supprimée|recortado|eliminado|retirado|tagliato|ritirato|eliminato|ingetrokken|geschrapt|cortado|cancelado"),
    window: 50,
  },
];

const negatable = (rules: ClauseRule[]): ClauseRule[] => rules.map((r) => ({ ...r, negatable: true }));

export const CLAUSE_RULES: ClauseRule[] = [
  ...negatable(CHOSE_OTHER), ...NOT_GOING_ON, ...negatable(SEARCH_CLOSED), ...negatable(ROLE_FILLED), ...negatable(BUDGET_GONE),
];

const NEGATION_WORDS = new Set("not|never|no|nicht|kein|keine|nie|pas|jamais|non|niet|geen|nooit|não|nunca|ni|nor".split("|"));

/** A negation among these words ("haven't", "no", "nicht", "pas"). */
function hasNegation(words: string[]): boolean {
  return words.some((w) => NEGATION_WORDS.has(w) || w.endsWith("n't"));
}

interface ClauseIndex {
  set: PatternSet;
  /** For each term in the set: the rules it starts and the rules it ends, and whether it is a prefix. */
  firstOf: number[][];
  secondOf: number[][];
  prefix: boolean[];
}

let INDEX: ClauseIndex | undefined;

function indexClauses(): ClauseIndex {
  if (INDEX) return INDEX;
  const all: string[] = [];
  const at = new Map<string, number>();
  const firstOf: number[][] = [];
  const secondOf: number[][] = [];
  const prefix: boolean[] = [];
  const slot = (term: string): number => {
    const t = term.endsWith(PREFIX_MARK) ? term.slice(0, -1) : term;
    if (!/^\p{L}/u.test(t)) throw new Error(`clause term must start with a letter: ${JSON.stringify(t)}`);
    let i = at.get(t);
    if (i === undefined) {
      i = all.push(t) - 1;
      at.set(t, i);
      firstOf.push([]);
      secondOf.push([]);
    }
    prefix[i] = prefix[i] === true || t !== term;
    return i;
  };
  CLAUSE_RULES.forEach((rule, r) => {
    for (const side of [rule.first, rule.second]) {
      if (new Set(side).size !== side.length) throw new Error(`clause rule "${rule.name}" lists a term twice`);
    }
    for (const t of rule.first) firstOf[slot(t)]!.push(r);
    for (const t of rule.second) secondOf[slot(t)]!.push(r);
  });
  INDEX = { set: patternSet(all), firstOf, secondOf, prefix };
  return INDEX;
}

function isLetter(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /\p{L}/u.test(String.fromCharCode(code));
}

/** The end of the word at `i`, German gender marks included ("Kandidat:innen", "Bewerber*innen"). */
function wordEnd(text: string, i: number): number {
  while (i < text.length && (isLetter(text.charCodeAt(i)) || ":*_/".includes(text[i]!))) i++;
  return i;
}

/** A term ending in "*" matches as a prefix ("für kandidat*" takes "Kandidat:innen", "Kandidatinnen"). */
const PREFIX_MARK = "*";

/** Stops a clause: a sentence end, a comma or semicolon ("proceed with next steps, someone will call"). */
const CLAUSE_BREAK = /[.!?;,:]/;

export interface ClauseHit {
  phrase: Phrase;
  at: number;
}

/**
 * The first place each rule holds in `text` (folded), as a phrase for reporting: first term, then
 * the second term within the window and the same clause, with a `mid` word between where asked.
 */
export function matchClauses(text: string): ClauseHit[] {
  const { set, firstOf, secondOf, prefix } = indexClauses();
  const found = findPatterns(text, set, 10, true);
  const firsts: { term: number; at: number }[][] = CLAUSE_RULES.map(() => []);
  const seconds: { term: number; at: number }[][] = CLAUSE_RULES.map(() => []);
  found.forEach((all, term) => {
    if (!all) return;
    // Whole words only: "not" is not "notify", "close" is not "closely"; prefixes end with their word.
    const len = set.patterns[term]!.length;
    const positions = prefix[term] ? all : all.filter((at) => !isLetter(text.charCodeAt(at + len)));
    for (const r of firstOf[term]!) for (const at of positions) firsts[r]!.push({ term, at });
    for (const r of secondOf[term]!) for (const at of positions) seconds[r]!.push({ term, at });
  });
  const hits: ClauseHit[] = [];
  CLAUSE_RULES.forEach((rule, r) => {
    if (!firsts[r]!.length || !seconds[r]!.length) return;
    const ends = seconds[r]!.sort((a, b) => a.at - b.at);
    for (const f of firsts[r]!.sort((a, b) => a.at - b.at)) {
      const firstText = set.patterns[f.term]!;
      const end = prefix[f.term] ? wordEnd(text, f.at + firstText.length) : f.at + firstText.length;
      if (rule.notBefore) {
        const before = text.slice(Math.max(0, f.at - 30), f.at);
        if (rule.notBefore.some((w) => (" " + before).includes(" " + w + " "))) continue;
      }
      for (const s of ends) {
        if (s.at < end) continue;
        if (s.at - f.at > rule.window) break;
        const between = text.slice(end, s.at);
        if (CLAUSE_BREAK.test(between)) break;
        if (rule.mid && !rule.mid.some((m) => between.includes(m))) continue;
        if (rule.midNot?.some((m) => between.includes(m))) continue;
        if (rule.negatable && (hasNegation(between.split(" ")) || hasNegation(text.slice(Math.max(0, f.at - 40), f.at).split(" ").filter(Boolean).slice(-3)))) continue;
        hits.push({ at: f.at, phrase: { text: firstText, then: set.patterns[s.term]!, weight: rule.weight, generic: rule.generic } });
        return;
      }
    }
  });
  return hits;
}
