// Finding the job title: from the subject, the body's wording ("the X role",
// "le poste de X"), or a labelled field ("Position: X"). Null when not stated.

import { ABBREVIATION, ELIDED_CONNECTOR, captureCapitalised, type CaptureOptions } from "./names.ts";
import { compact, findPatterns, patternSet, startsUpper } from "./text.ts";

const JOB_NOUNS = new Set(
  ("engineer|developer|analyst|manager|designer|scientist|coordinator|director|editor|producer|programmer|consultant|associate|" +
    "representative|specialist|administrator|architect|lead|head|officer|assistant|intern|internship|trainee|apprentice|recruiter|" +
    "accountant|nurse|teacher|writer|researcher|technician|agent|advisor|adviser|strategist|planner|operator|executive|president|vp|" +
    "owner|sre|devops|qa|tester|marketer|copywriter|counsel|lawyer|attorney|paralegal|clerk|cashier|barista|chef|cook|driver|" +
    "electrician|mechanic|pharmacist|physician|doctor|therapist|pilot|professor|lecturer|tutor|librarian|curator|photographer|" +
    "illustrator|animator|artist|journalist|reporter|translator|buyer|merchandiser|auditor|controller|bookkeeper|actuary|economist|" +
    "statistician|physicist|chemist|biologist|surveyor|inspector|supervisor|superintendent|fellow|postdoc|receptionist|secretary|" +
    "salesperson|cto|ceo|cfo|coo|cpo|generalist|partner|principal|staff|investigator|instructor|counselor|counsellor|caregiver|" +
    "entwickler|entwicklerin|leitung|ingenieur|ingenieurin|berater|beraterin|leiter|leiterin|referent|referentin|sachbearbeiter|" +
    "sachbearbeiterin|werkstudent|werkstudentin|praktikant|praktikantin|assistenz|projektleiter|teamleiter|managerin|" +
    "responsable|ingénieur|ingénieure|développeur|développeuse|chargé|chargée|directeur|directrice|analyste|consultante|stagiaire|" +
    "alternant|alternante|technicien|technicienne|commercial|commerciale|assistante|gestionnaire|conseiller|conseillère|" +
    "analista|ingeniero|ingeniera|desarrollador|desarrolladora|jefe|jefa|gerente|directora|técnico|técnica|consultor|consultora|" +
    "asistente|becario|becaria|coordinador|coordinadora|especialista|programador|programadora|" +
    "ingegnere|sviluppatore|sviluppatrice|responsabile|consulente|tecnico|addetto|addetta|impiegato|impiegata|stagista|direttore|" +
    "coordinatore|coordinatrice|progettista|" +
    "medewerker|ontwikkelaar|adviseur|analist|beheerder|coördinator|stagiair|projectleider|teamleider|verpleegkundige|docent|" +
    "engenheiro|engenheira|desenvolvedor|desenvolvedora|coordenador|coordenadora|estagiário|estagiária|diretor|diretora|" +
    "gestor|gestora|gestore|assistente|supervisora|supervisore|operaria|operário|operária|" +
    // feminine and other forms across the seven languages
    "contrôleur|contrôleuse|controleur|controleuse|comptable|acheteur|acheteuse|vendeur|vendeuse|rédacteur|rédactrice|" +
    "concepteur|conceptrice|architecte|designeur|infirmier|infirmière|juriste|avocat|avocate|auditeur|auditrice|chef|cheffe|" +
    "contable|contador|contadora|controller|abogado|abogada|enfermero|enfermera|diseñador|diseñadora|redactor|redactora|auditor|auditora|" +
    "arquitecto|arquitecta|vendedor|vendedora|comprador|compradora|científico|científica|investigador|investigadora|" +
    "contabile|avvocato|infermiere|infermiera|progettista|architetto|ricercatore|ricercatrice|analista|commerciale|venditore|" +
    "ingenieur|medewerkster|verkoper|inkoper|boekhouder|ontwerper|onderzoeker|jurist|advocaat|accountmanager|" +
    "contabilista|advogado|advogada|enfermeiro|projetista|arquiteto|arquiteta|pesquisador|pesquisadora|vendedor|analista|" +
    "entwicklerin|designerin|architektin|architekt|buchhalter|buchhalterin|einkäufer|einkäuferin|verkäufer|verkäuferin|" +
    "redakteur|redakteurin|techniker|technikerin|mechaniker|mechanikerin|elektriker|elektrikerin|controllerin|analystin|" +
    "beraterin|spezialist|spezialistin|koordinator|koordinatorin|manager|assistent|assistentin|juristin|wissenschaftler|wissenschaftlerin|" +
    // actuaries and other professions spelled differently in each language
    "attuario|attuaria|actuario|actuaria|actuaire|aktuar|aktuarin|actuaris|atuário|atuária|atuario|atuaria|" +
    "ricercatore|periodista|giornalista|journaliste|verpleger|fisioterapista|fisioterapeuta|kinésithérapeute|" +
    "psicologo|psicologa|psicólogo|psicóloga|psychologue|psycholoog|psychologe|psychologin|farmacista|farmacéutico|farmacêutico|pharmacien|apotheker|apothekerin|" +
    // managing directors, law, research grants, newsrooms, kitchens and dining rooms, childcare
    "geschäftsführer|geschäftsführerin|solicitor|barrister|notary|notaire|notar|notarin|notaio|notario|notário|assegnista|borsista|dottorando|dottoranda|" +
    "doctorant|doctorante|doktorand|doktorandin|promovendus|redacteur|redactrice|verslaggever|waiter|waitress|cameriere|cameriera|camarero|camarera|" +
    "kellner|kellnerin|serveur|serveuse|garçom|garçonete|cuoco|cuoca|cocinero|cocinera|köchin|cuisinier|cuisinière|cozinheiro|cozinheira|" +
    "fachkraft|erzieher|erzieherin|educatrice|educatore|éducateur|éducatrice|educador|educadora|pedagogo|pedagoga|" +
    // planning, trades, warehouses and care, in the seven languages
    "planer|planerin|disponent|disponentin|monteur|monteurin|schreiner|schreinerin|tischler|tischlerin|pfleger|pflegerin|betreuer|betreuerin|" +
    "voorbereider|werkvoorbereider|uitvoerder|calculator|begeleider|begeleidster|verzorgende|planificateur|planificatrice|préparateur|préparatrice|" +
    "magasinier|magasinière|soudeur|soudeuse|opérateur|opératrice|aide-soignant|aide-soignante|planificador|planificadora|operador|operadora|" +
    "soldador|soldadora|pianificatore|pianificatrice|operatore|operatrice|magazziniere|saldatore|montatore|planejador|planejadora|almoxarife|" +
    // workers, case workers, professionals and leaders in general
    "leider|leidster|werker|werkster|travailleur|travailleuse|trabajador|trabajadora|trabalhador|trabalhadora|lavoratore|lavoratrice|" +
    "mitarbeiter|mitarbeiterin|sachbearbeitung|profesional|professionnel|professionnelle|professionista|profissional|praticante|" +
    // skilled staff and foremen: "Fachperson Qualitätssicherung", "contremaître de production"
    "fachperson|lehrperson|fachfrau|fachmann|kauffrau|kaufmann|vorarbeiter|vorarbeiterin|contremaître|contremaîtresse|capataz|caposquadra|voorman|encarregado|encarregada|responsável|" +
    // internships, named by the scheme rather than the person
    "stage|tirocinio|praktikum|estágio|pasantía|prácticas").split("|"),
);

/** Job nouns long enough to end a German or Dutch compound ("Projektingenieurin", "Softwareontwikkelaar"). */
const COMPOUND_TAILS = [...JOB_NOUNS].filter((n) => n.length >= 6);

function isJobWord(w: string): boolean {
  if (isJobNounOrCompound(w)) return true;
  // German feminine forms of any job noun, borrowed ones included: "Researcherin", "Produktresearcherinnen".
  const base = w.endsWith("innen") ? w.slice(0, -5) : w.endsWith("in") ? w.slice(0, -2) : "";
  return base.length >= 4 && isJobNounOrCompound(base);
}

function isJobNounOrCompound(w: string): boolean {
  if (JOB_NOUNS.has(w)) return true;
  if (w.length < 9) return false;
  for (const tail of COMPOUND_TAILS) if (w.length - tail.length >= 3 && w.endsWith(tail)) return true;
  return false;
}

/**
 * A word shaped like the name of an occupation in the seven languages ("Porter", "Lagerist", "plongeur", "reponedor",
 * "enólogo", "casaro", "melker", "diarista", "Steuerfachangestellte"): agent-noun endings, for titles that a post's own
 * wording introduces ("el puesto de X", "the X vacancy") but whose noun no list holds.
 */
const OCCUPATION_ENDING =
  /(?:[^aeiou]er|erin|eur|euse|rice|ier|ière|iere|iera|iero|eiro|eira|ero|era|aio|aia|aro|ara|ario|aria|ário|ária|aar|ster|ist|ista|iste|istin|ian|ien|ienne|ogo|oga|ologe|or|ora|ore|ante|ente|ant|ent|angestellte|angestellter|kraft|kracht|hilfe|helfer|helferin|man|woman|person)$/;
/** Words with those endings that name no occupation: "the other position", "the Summer opening", "la primera vacante". */
const NOT_OCCUPATION = new Set(
  ("other|another|former|latter|earlier|later|better|proper|under|over|whether|either|neither|rather|summer|winter|number|order|" +
    "october|november|december|september|current|recent|different|permanent|excellent|important|relevant|present|urgent|" +
    "student|patient|client|content|event|moment|parent|talent|department|ancient|independent|vacant|" +
    "primera|primero|tercera|tercero|entera|entero|nuova|nuovo|" +
    "senior|junior|prior|minor|major|interior|exterior|superior|floor|door|colour|color|sector|factor|motor|error|" +
    "restaurant|significant|pleasant|elegant|center|centre|tower|water|power|paper|corner|chapter|letter|master|" +
    "lager|wasser|zimmer|fenster|computer|sommer|theater|kinder|" +
    "klaar|naar|daar|maar|waar|jaar|paar|haar|zwaar|elkaar|gevaar|" +
    // the one chosen, not a post: "un altro candidato come vincitore"
    "winner|vincitore|vincitrice|ganador|ganadora|vencedor|vencedora|gagnant|gagnante|" +
    "posto|cargo|plaza|puesto|poste|position|vaga|vacante|stelle|functie|vacature").split("|"),
);
/** Occupations no ending shows: "Cabin Crew", "farm hand", "commis de cuisine", "Aushilfe". */
const OCCUPATION_WORDS = new Set(
  ("crew|hand|aide|aiuto|commis|help|aushilfe|staff|administrativo|administrativa|amministrativo|amministrativa|administratief|" +
    "ejecutivo|ejecutiva|executivo|executiva|empleado|empleada|encargado|encargada|delegado|delegada|licenciado|licenciada|" +
    "délégué|déléguée|delegato|delegata|maestro|maestra|auxiliar|farmacéutica|volontär|volontärin|volontaire").split("|"),
);

export function looksLikeOccupation(title: string): boolean {
  if (hasJobNoun(title)) return true;
  for (const raw of title.toLowerCase().split(/[\s,/()·*:-]+/)) {
    if (occupationWord(raw)) return true;
  }
  return false;
}

function occupationWord(w: string): boolean {
  return isJobWord(w) || OCCUPATION_WORDS.has(w) || (w.length >= 5 && /^\p{L}+$/u.test(w) && !NOT_OCCUPATION.has(w) && !w.endsWith("ment") && OCCUPATION_ENDING.test(w));
}

/** A lower-case title's first word: an occupation, or an adjective before one ("maatschappelijk werker", "juridisch medewerker"). */
function lowerTitleStart(w: string): boolean {
  return w.split("-").some(occupationWord) || /(?:isch|lijk|ieel|aal|ische|liche)$/.test(w);
}

/** Words that make a phrase a sentence or boilerplate rather than a job title. */
const NOT_TITLE = new Set(
  "we|you|i|our|your|this|that|these|has|have|been|is|are|was|were|will|would|not|thank|thanks|dear|hi|hello|unfortunately|next|steps|quick|chat|week|it|my|me|us|they|please|update|news|newsletter|jobs|alert".split("|"),
);

/** Boilerplate trimmed from subject segments ("Clinical Data Coordinator - Application Update"). */
const BOILER = new Set(
  ("application|applications|update|status|decision|outcome|feedback|interview|interviews|candidacy|role|position|job|opening|" +
    "your|our|the|on|for|of|regarding|re|about|opportunity|confirmation|invitation|rescheduling|offer|next|steps|" +
    "ihre|deine|bewerbung|als|absage|votre|ta|candidature|actualización|de|su|tu|candidatura|sua|tua|la|il|per|sollicitatie|uw|je|vaga|" +
    "aktualisierung|mise|à|jour|suivi|seguimiento|aggiornamento|update:|a|an|" +
    // "feedback", "reply", "result", "decision", "regarding" in the other six languages
    "rückmeldung|antwort|ergebnis|entscheidung|zu|zur|retour|réponse|résultat|décision|concernant|respuesta|resultado|decisión|sobre|" +
    "riscontro|risposta|decisione|relativa|terugkoppeling|reactie|uitslag|antwoord|besluit|over|resposta|retorno|decisão|processo|proceso|" +
    "processus|selección|selezione|seleção|recrutamento|reclutamiento|bewerbungsprozess|vacature|vacante|vacancy|" +
    "chat|call|conversation|catch-up|intro|meeting|search|" +
    // "interview" in the other six languages: "Colloquio per Infermiere di sala operatoria"
    "gespräch|vorstellungsgespräch|bewerbungsgespräch|entretien|entrevista|colloquio|gesprek|sollicitatiegesprek|" +
    // a freelancer's or a search firm's engagement named before the title: "Mission Juriste", "Mandat CFO"
    "mission|missione|misión|missão|mandat|opdracht|" +
    // a public notice's and a Flemish application's words: "Avviso pubblico per Infermiere", "Kandidatuur werfleider"
    "avviso|pubblico|kandidatuur|postulation").split("|"),
);

export function hasJobNoun(title: string): boolean {
  // "Développeur·se", "Entwickler/in": inclusive endings split off.
  for (const w of title.toLowerCase().split(/[\s,/()·*:-]+/)) if (isJobWord(w)) return true;
  return false;
}

/** A plausible job title: starts with a capital, a few words, no sentence words. */
export function isTitleLike(s: string, allowLower = false): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 80 || t.includes("@") || t.includes("http")) return false;
  const words = t.split(/\s+/);
  if (words.length > 8 || !startsUpper(words[0]!) || /^\d/.test(words[0]!)) return false;
  for (const word of words) {
    // A qualifier in parentheses is part of the title: "Backend Engineer (Go)".
    const w = words.length > 1 && word !== words[0] ? word.replace(/^\(([^()]+)\)$/, "$1") : word;
    const bare = w.replace(/[,.;:!?]+$/, "").toLowerCase();
    if (NOT_TITLE.has(bare)) return false;
    if (!allowLower && !startsUpper(w) && !["of", "and", "&", "-", "de", "for", "/", "in", "to"].includes(bare) && !ELIDED_CONNECTOR.test(w)) return false;
  }
  return true;
}

/** "data analyst", "senior backend engineer": lower-case words only, ending in a job noun. */
export function isLowerCaseTitle(s: string): boolean {
  const words = s.trim().split(/\s+/);
  if (words.length < 1 || words.length > 5 || s.length > 60) return false;
  for (const w of words) if (!/^[\p{Ll}][\p{Ll}-]*$/u.test(w) || NOT_TITLE.has(w) || BOILER.has(w)) return false;
  return looksLikeOccupation(s);
}

const SMALL_WORDS = new Set(["of", "and", "for", "de", "du", "des", "la", "le", "del", "di", "da", "do", "van", "der", "und", "et", "y", "e", "in", "to"]);

export function titleCase(s: string): string {
  return s
    .trim()
    .split(/\s+/)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ");
}

interface Cand {
  text: string;
  score: number;
  order: number;
}

const STOP_AFTER_TITLE = [...new Set(["at", "bei", "chez", "en", "in", "presso", "bij", "na", "no", "em", "with", "mit", "zu", "for", "und", "and", "et", "y", "e", "con", "met", "com", "à", "a", "para", "pour", "per", "voor", "within", "on", "from", "im", "in", "des", "der", "au", "(job", "(req", "-", "–", "—", "|",
  // Pronouns, auxiliaries, relatives and conjunctions never stand inside a title: "Art Director abbiamo scelto…".
  ...("we|you|i|they|have|has|had|was|were|is|are|will|would|which|who|that|but|because|so|" +
    "wir|ich|haben|hat|ist|sind|wurde|wurden|werden|die|dass|aber|weil|" +
    "nous|vous|je|avons|avez|est|sont|sommes|a|qui|que|mais|car|parce|" +
    "hemos|he|han|ha|es|fue|somos|son|que|pero|porque|" +
    "abbiamo|ho|hanno|è|sono|siamo|che|ma|perché|" +
    "we|hebben|heb|hebt|is|zijn|werd|dat|die|maar|omdat|" +
    "nós|temos|tenho|têm|foi|é|são|que|mas|porque|" +
    // Dutch prepositions and adverbs of place and time: "Data Scientist aan een andere kandidaat", "N2 aqui".
    "aan|naar|om|te|tot|uit|door|here|there|now|today|hier|dort|jetzt|heute|ici|maintenant|aquí|ahora|hoy|qui|ora|oggi|nu|vandaag|aqui|agora|hoje|" +
    // Italian articled prepositions and a site within the employer: "Praticante Avvocato nel dipartimento", "… da unidade Jardim".
    "nel|nella|nei|negli|nello|unidade|unidad|unità|unité|filiale|filial|standort|vestiging|" +
    // Verbs and "also" after a title: "Account Executive geht an…", "assistante juridique ainsi que…".
    "geht|ging|bleibt|blieb|war|ainsi|aussi|également|también|anche|ook|also|" +
    // Articles that never stand inside a title (Romance titles contract them: "del", "du", "alla"): "… Adjunta el martes".
    "el|los|las|le|les|il|lo|gli|het|op|am|um|" +
    // Possessives and "within": "maatschappelijk werker binnen onze organisatie", "Analyst in our team".
    "our|onze|ons|notre|nos|nuestro|nuestra|nostro|nostra|nosso|nossa|unser|unsere|unserer|unserem|binnen|within|innerhalb|dentro|" +
    // Negations and "as planned"-style comparisons: "Referent Controlling nicht wie geplant besetzt".
    "not|nicht|ne|pas|non|niet|não|nie|wie|comme|zoals|wird|sera|será|sarà|wordt|" +
    // Modal and going-to verbs: "Data Analist gaan we met iemand anders verder".
    // Demonstratives: "cameriere di sala quest'inverno", "Analyst this year".
    "this|these|questo|questa|quest'|quell'|cette|cet|ces|este|esta|estos|estas|essa|esse|deze|dit|diese|dieser|dieses|diesem|diesen|" +
    "can|could|should|must|kann|können|muss|müssen|möchten|wollen|allons|va|vont|pouvons|peut|devons|vamos|podemos|puede|debemos|andiamo|possiamo|può|dobbiamo|gaan|gaat|ging|kunnen|kan|willen|wil|zullen|zal|moeten|moet|vai|vão|pode|devemos").split("|")])];

/** Labelled or introduced titles, captured to the right: "Position: X", "le poste de X", "Bewerbung als X". */
const RIGHT_PATTERNS: { text: string; weight: number; allowLower: boolean }[] = [
  ...["position: ", "role: ", "job title: ", "position title: ", "job: ", "vacancy: ", "stelle: ", "poste : ", "poste: ", "puesto: ", "posizione: ", "functie: ", "vacature: ", "vaga: ", "cargo: ",
    "job requisition: ", "requisition: ", "job posting: ", "job opening: ", "position applied for: ", "role applied for: ", "stellenbezeichnung: ",
    "intitulé du poste : ", "intitulé du poste: ", "vacante: ", "ruolo: ", "função: "].map((text) => ({ text, weight: 4, allowLower: true })),
  ...["the role of ", "the position of ", "application for the ", "applied for the ", "applying for the ", "interview for the ", "onsite for the ", "onsite for ", "final round for ", "candidacy for the ", "candidacy for ", "application for ", "applied for ", "applying for ", "interviewing for ", "interview for ", "as a ", "as an ", "as our next ", "as our new ", "as our ", "to be a ", "to be an ", "to be our ", "to join us as a ", "to join us as an ", "to join as a ", "to join as an ", "to be our next ", "to be our new ", "to become our next ", "to become our ", "role as ", "position as ",
    "forward for ", "candidacy as ", "candidature as ", "application as ", "applying as ", "applied as ", "as their new ", "as their ", "with us about "].map((text) => ({ text, weight: 2, allowLower: false })),
  // "come casaro", "como ayudante de cocina", "comme commis de cuisine": Romance titles are often written in lower case.
  ...["en tant que ", "in qualità di ", "come ", "como ", "comme ", "als "].map((text) => ({ text, weight: 2, allowLower: true })),
  // "die Position Bauleiter Tiefbau", "der Stelle Referent Einkauf": the noun, then a capitalised title.
  ...["position ", "stelle "].map((text) => ({ text, weight: 3, allowLower: false })),
  ...["seletivo para ", "seletivo da ", "selección para ", "proceso para ", "processo para ", "selezione per ", "procedure voor ", "recrutement pour ", "processus pour ", "vacante ", "bewerbung als ", "bewerbung zum ", "bewerbung zur ", "sollicitatie als ", "candidatura como ", "candidatura come ", "position als ", "stelle als ", "tätigkeit als ", "stelle zum ", "poste de ", "poste d'", "puesto de ", "posizione di ", "ruolo di ", "functie van ", "functie als ", "vacature van ", "vacature als ", "vaga de ", "cargo de ", "posição de ", "função de ", "für die position ", "für die stelle ", "auf die stelle ", "auf die position ", "vacante de ", "rol van ", "rol als ", "functie ", "vacature ", "posición de ", "posicion de ", "plaza de ", "el rol de ", "il posto di ", "posti di ", "la job de ", "la posizione di ", "o lugar de ", "a posição de ", "le rôle de ", "la place de ", "de plek als ", "de rol van ",
    "mission de ", "mission d'", "missione di ", "misión de ", "missão de ", "opdracht als ",
    // Latin American Spanish: "tu postulación a X", "la búsqueda de X".
    "postulación a ", "postulación al puesto de ", "postulación para ", "postularte a ", "postulaste a ", "búsqueda de ",
    // Dutch "interview for", public competitions: "gesprek voor X", "procedimento concursal para X", "concorso per X".
    "gesprek voor ", "sollicitatie voor ", "concursal para ", "concurso para ", "concurso de ", "concorso per ", "oposición a "].map((text) => ({ text, weight: 3, allowLower: true })),
];

const LEFT_KEYWORDS = [" position", " role", " opening", " vacancy", " job", " post ", " opportunity", " team position", " spot", " seat", " search", " requisition", " place"];
const POSSESSIVES = ["'s ", "’s "];
/** "apply again for a Trainee Solicitor place": an indefinite article names a role less surely (often another one). */
const INDEFINITES = ["a ", "an "];
const DETERMINERS = ["the ", "our ", "your ", "this ", "that ", ...INDEFINITES, ...POSSESSIVES];

/** Gender markers after a title, in the seven languages' job ads: "(m/w/d)", "H/F", "m/v", "(all genders)". */
const GENDER_MARKERS = String.raw`m\/w\/d|w\/m\/d|m\/f\/d|f\/m\/d|d\/m\/w|m\/w\/x|w\/m\/x|m\/w\/div|m\/f\/x|m\/v\/x|h\/f|f\/h|m\/f|m\/v|all genders`;
const BARE_GENDER_MARKER = new RegExp(String.raw`\s+[-–,]?\s*(?:${GENDER_MARKERS})$`, "i");
const MARKER_THEN_MORE = new RegExp(String.raw`\s*[([](?:${GENDER_MARKERS})[)\]]\s+\S.*$`, "i");
/** What a title's closing parentheses may hold and be dropped: a marker, "gn*" (gender-neutral), a reference. */
const MARKER_IN_PARENTHESES = new RegExp(String.raw`\b(?:${GENDER_MARKERS}|gn\*?|req|job id|ref)\b`, "i");

/** Drops requisition numbers and gender markers: "Analyst (R-20417)", "Owner (m/w/d)", "Analyst - JR-118204". */
export function cleanRole(text: string): string {
  // A requisition number before the title: "R-20831 Analista de Riesgos", "JR-118204 - Analyst".
  let t = text.trim().replace(/^(?:req(?:uisition)?\s*#?\s*)?[A-Z]{0,4}-?\d[\d-]{2,}\s*[-–:|]?\s+(?=\p{Lu})/u, "");
  // A bare gender marker: "Contrôleur de gestion H/F", "Analyst m/w/d".
  t = t.replace(BARE_GENDER_MARKER, "");
  // "Erzieher (m/w/d) für die Kita Sonnenhügel": a marker in parentheses ends the title.
  t = t.replace(MARKER_THEN_MORE, "");
  t = t.replace(/\s*[([][^)\]]{0,40}[)\]]\s*$/, (m) => (/\d/.test(m) || MARKER_IN_PARENTHESES.test(m) ? "" : m));
  t = t.replace(/\s*(?:[-–—|#:,]\s*)?(?:(?:req(?:uisition)?|job(?: id)?|ref(?:erence)?|id)\s*[:#]?\s*)?[A-Z]{0,4}-?\d[\d-]{2,}$/i, "");
  // The terms of employment after the title are not part of it: "Senior Data Engineer contract", "Analyst – Vollzeit".
  t = t.replace(/\s*[-–—,(]?\s*\b(?:contract|contractor|freelance|full[- ]time|part[- ]time|permanent|temporary|temp|fixed[- ]term|vollzeit|teilzeit|befristet|unbefristet|cdi|cdd|temps plein|temps partiel|jornada completa|media jornada|tiempo completo|tempo pieno|tempo determinato|tempo indeterminato|fulltime|parttime|tijdelijk|tempo integral|meio período|clt|pj)\)?$/i, "");
  return t.trim();
}

function addCand(cands: Map<string, Cand>, text: string, score: number): void {
  let clean = cleanRole(text).replace(/[\s,;:!?-]+$/, "");
  // A final dot ends the sentence, unless it ends an abbreviation ("Analista de Datos Sr.").
  if (clean.endsWith(".") && !ABBREVIATION.test(clean.slice(clean.lastIndexOf(" ") + 1))) clean = clean.replace(/[\s.]+$/, "");
  if (!clean) return;
  const key = compact(clean);
  if (!key) return;
  const prev = cands.get(key);
  if (prev) prev.score += score;
  else cands.set(key, { text: clean, score, order: cands.size });
}

const RIGHT_COUNT = RIGHT_PATTERNS.length;

function rightCaptures(text: string, lower: string, found: (number[] | undefined)[], cands: Map<string, Cand>, bonus = 0): void {
  RIGHT_PATTERNS.forEach((p, k) => {
    for (const at of (found[k] ?? []).slice(0, 10)) {
      if (at === 0 || !/[\p{L}]/u.test(lower[at - 1]!)) {
        // "scelta come nuova Responsabile Controllo Qualità": "new" before the title is not part of it.
        const afterPattern = at + p.text.length;
        const start = afterPattern + (NEW_WORDS.find((w) => lower.startsWith(w, afterPattern))?.length ?? 0);
        const opts = { maxWords: 7, allowLower: p.allowLower, stopWords: STOP_AFTER_TITLE, commaJoins: !p.allowLower, lowerFirst: lowerTitleStart };
        // "als Verkäuferin beworben": a German title is capitalised, so a lower-case word after it ends it.
        if (p.text === "als " && startsUpper(text.slice(start, start + 1))) opts.allowLower = false;
        const first = captureCapitalised(text, start, opts);
        if (!first) continue;
        const t = withConjoined(text, start, first, opts);
        // After a label ("le poste de développeur mobile") a title may be all lower-case.
        const asTitle = p.allowLower ? t.charAt(0).toUpperCase() + t.slice(1) : t;
        const occupation = looksLikeOccupation(t);
        if (!isTitleLike(asTitle, p.allowLower) || (p.weight < 3 && !occupation) || (!startsUpper(t) && !occupation)) continue;
        // "on ouvrira un poste de ML engineer": an indefinite article names another opening, less surely the one applied for.
        // "Polier Hochbau (m/w/d)": a gender marker follows only a job title.
        const marked = GENDER_MARKER.test(text.slice(start + t.length, start + t.length + 16));
        addCand(cands, t, (afterIndefinite(lower, at) ? 0 : p.weight + bonus) + (occupation || marked ? 1 : 0));
      }
    }
  });
}

const CONJUNCTION = /^ (?:and|und|oder|et|ou|y|o|e|en|of|&) /;

/**
 * A title that goes on after a conjunction: "Gesundheits- und Krankenpfleger", "Youth Worker and Mentoring Coordinator",
 * "Directeur administratif et financier". It goes on after a word cut short by a hyphen, or when the second part ends
 * in an occupation; "the Analyst and the team" does not.
 */
function withConjoined(text: string, start: number, title: string, opts: CaptureOptions): string {
  const at = text.indexOf(title, start);
  if (at < 0 || at - start > 3) return title;
  const rest = text.slice(at + title.length, at + title.length + 80);
  // "Technicien en micromécanique", "Técnico en sistemas": a lower-case field after "en" belongs to the title.
  const field = /^ en (?!(?:le|la|les|el|los|las|l'|un|une|una|uno|de|du|des)\s)(\p{Ll}[\p{L}'’-]*(?: (?:de|d'|del|des|du)? ?\p{Ll}[\p{L}'’-]*){0,2})/u.exec(rest);
  if (field && !STOP_AFTER_TITLE.includes(field[1]!.split(" ")[0]!)) return `${title} en ${field[1]!.replace(/ (?:de|d'|del|des|du)$/, "")}`;
  const conj = CONJUNCTION.exec(rest);
  if (!conj) return title;
  const second = captureCapitalised(rest, conj[0].length, { ...opts, maxWords: 4, lowerFirst: () => true });
  // "enólogo adjunto y el tiempo dedicado": an article starts another phrase.
  if (!second || /^(?:the|a|an|der|die|das|le|la|les|l'|el|los|las|il|lo|gli|de|het|een|o|os|as|um|uma)\s/i.test(second + " ")) return title;
  if (second.split(" ").some((w) => NOT_TITLE.has(w.toLowerCase()))) return title;
  const words = second.split(" ");
  const goesOn = title.endsWith("-") || occupationWord(words[words.length - 1]!.toLowerCase()) || (!startsUpper(second) && occupationWord(words[0]!.toLowerCase()));
  return goesOn ? `${title}${conj[0].trimEnd()} ${second}` : title;
}

const GENDER_MARKER = new RegExp(String.raw`^\s*[([]?(?:${GENDER_MARKERS})\b`, "i");

const NEW_WORDS = ["new ", "nuova ", "nuovo ", "nouveau ", "nouvelle ", "nuevo ", "nueva ", "novo ", "nova ", "neue ", "neuen ", "neuer ", "nieuwe "];

const INDEFINITE_WORDS = new Set("a|an|un|une|uno|una|um|uma|een|ein|eine|einen|einer".split("|"));

/** The word before `at` is an indefinite article. */
function afterIndefinite(lower: string, at: number): boolean {
  const before = lower.slice(Math.max(0, at - 8), at).trimEnd();
  return INDEFINITE_WORDS.has(before.slice(before.lastIndexOf(" ") + 1));
}

/** "the Senior Data Analyst position", "our Backend Engineer role". */
const LEFT_SET = patternSet(LEFT_KEYWORDS);
/** Both kinds of pattern, found in one pass over the lower-cased text. */
const ROLE_SET = patternSet([...RIGHT_PATTERNS.map((p) => p.text), ...LEFT_KEYWORDS]);

/** Titles introduced on the right ("Position: X") and named on the left ("the X role"), in that order. */
function captures(text: string, cands: Map<string, Cand>, lower = text.toLowerCase()): void {
  if (lower.length !== text.length) {
    // Indices would not line up (rare scripts): only the left-hand captures, on the text as is.
    leftCaptures(text, findPatterns(text, LEFT_SET, 20), 0, cands);
    return;
  }
  const found = findPatterns(lower, ROLE_SET, 20);
  rightCaptures(text, lower, found, cands);
  leftCaptures(text, found, RIGHT_COUNT, cands);
}
const DETERMINER_FORMS: [string, string[]][] = DETERMINERS.map((d) => [
  d,
  d.startsWith("'") || d.startsWith("’") ? [d] : [" " + d, "\n" + d, " " + d[0]!.toUpperCase() + d.slice(1)],
]);

function leftCaptures(text: string, found: (number[] | undefined)[], offset: number, cands: Map<string, Cand>): void {
  LEFT_KEYWORDS.forEach((kw, k) => {
    for (const at of found[offset + k] ?? []) {
      if (offset > 0 && !text.startsWith(kw, at)) continue; // found in the lower-cased text: the keyword is lower case
      const after = text[at + kw.length];
      if (after === undefined || !/[\p{L}]/u.test(after) || kw.endsWith(" ")) {
        const windowStart = Math.max(0, at - 100);
        const window = text.slice(windowStart, at);
        let best = -1;
        let len = 0;
        let determiner = "";
        for (const [d, forms] of DETERMINER_FORMS) {
          for (const cand of forms) {
            const i = window.lastIndexOf(cand);
            if (i > best) [best, len, determiner] = [i, cand.length, d];
          }
          if (best < 0 && (window.startsWith(d) || window.startsWith(d[0]!.toUpperCase() + d.slice(1)))) [best, len, determiner] = [0, d.length, d];
        }
        if (best >= 0) {
          const possessive = POSSESSIVES.includes(determiner);
          const indefinite = INDEFINITES.includes(determiner);
          // "the confidential Director of Engineering search": a lower-case adjective before a capitalised title.
          const t = cleanRole(window.slice(best + len).trim().replace(/^(?:\p{Ll}+ ){1,2}(?=\p{Lu})/u, ""));
          const weight = indefinite ? 0 : 3;
          if (t && !t.includes("\n") && isTitleLike(t)) addCand(cands, t, weight + (hasJobNoun(t) ? 1 : 0));
          // Written in lower case in running text: "for the data analyst position"; after a possessive it describes
          // ("the client's commercial position").
          else if (t && !t.includes("\n") && !possessive && isLowerCaseTitle(t)) addCand(cands, titleCase(t), weight);
        }
      }
    }
  });
}

const SUBJECT_PREFIX = /^\s*(?:(?:re|fwd?|fw|aw|wg|tr|rv|sv|vs|enc|res|r|i|antw|doorst)\s*(?:\[\d+\])?\s*:\s*)+/i;
const SEGMENT_SEPARATORS = [" | ", " - ", " – ", " — ", ": ", " / "];
const SUBJECT_CUTS = [" at ", " bei ", " chez ", " presso ", " bij ", " with ", " from ", " en ", " na "];
const INSIDE_TITLES = new Set([" en ", " na "]);

export function stripSubjectPrefixes(subject: string): string {
  return subject.replace(SUBJECT_PREFIX, "").trim();
}

function subjectSegments(subject: string): string[] {
  let parts = [stripSubjectPrefixes(subject)];
  for (const sep of SEGMENT_SEPARATORS) parts = parts.flatMap((p) => p.split(sep));
  const out: string[] = [];
  for (let p of parts) {
    for (const cut of SUBJECT_CUTS) {
      const lower = p.toLowerCase();
      let i = lower.indexOf(cut);
      // "en"/"na" also stand inside a title ("Analyste en planification", "Técnico en sistemas"): only a name follows the cut.
      while (i > 0 && INSIDE_TITLES.has(cut) && !startsUpper(p.slice(i + cut.length))) i = lower.indexOf(cut, i + 1);
      if (i > 0) p = p.slice(0, i);
    }
    const words = p.trim().split(/\s+/).filter(Boolean);
    while (words.length && BOILER.has(words[0]!.toLowerCase())) words.shift();
    while (words.length && BOILER.has(words[words.length - 1]!.toLowerCase())) words.pop();
    if (words.length) out.push(words.join(" "));
  }
  return out;
}

const MAX_ROLE_CHARS = 20_000;

export function extractRole(subject: string, body: string, excluded: string[]): string | null {
  const cands = new Map<string, Cand>();
  const cleanSubject = stripSubjectPrefixes(subject);
  {
    // The subject's right-hand and left-hand captures, in that order, as for the body.
    const cs = " " + cleanSubject + " ";
    const lower = cs.toLowerCase();
    // "Ihre Bewerbung als Produktionsplaner": in the subject a labelled title is as sure as one with a job noun.
    if (lower.length === cs.length) rightCaptures(cs, lower, findPatterns(lower, ROLE_SET, 20), cands, 1);
    leftCaptures(cs, findPatterns(cs, LEFT_SET, 20), 0, cands);
  }
  // Titles are named near the top, as rejection wording is: a bounded prefix keeps CPU time flat.
  const bodyText = body.slice(0, MAX_ROLE_CHARS).replace(/[ \t]{2,}|\t/g, " "); // runs of blanks -> one space
  const foldedBody = bodyText.toLowerCase();
  captures(bodyText, cands, foldedBody);
  referencedTitles(bodyText, cands);
  // "Assegnista di ricerca in Storia (Bando n. 14/2026)": the reference does not count towards the title's length.
  const segments = subjectSegments(subject).map(cleanRole);
  for (const seg of segments) {
    // "Kandidatuur schrijnwerker": a lower-case title in the subject, when it names an occupation.
    const lowerTitle = !startsUpper(seg) && lowerTitleStart(seg.split(" ")[0]!) && looksLikeOccupation(seg) && isTitleLike(seg.charAt(0).toUpperCase() + seg.slice(1), true);
    if (!isTitleLike(seg, true) && !lowerTitle) continue;
    // A title the subject states and the body's wording introduces too ("Night Porter" / "the Night Porter vacancy").
    // A noun only shaped like an occupation must head the title, first (Romance) or last (English, German):
    // "Night Porter", "ayudante de cocina", not "Mom's birthday dinner Saturday".
    const words = seg.toLowerCase().split(/\s+/);
    const headed = [words[0]!, words[words.length - 1]!].some((w) => w.split("-").some(occupationWord));
    if (hasJobNoun(seg) || headed) addCand(cands, seg, 2 + (foldedBody.includes(seg.toLowerCase()) ? 2 : 0));
    else if (cands.has(compact(seg))) addCand(cands, seg, 2);
  }
  const exclude = new Set(excluded.map(compact).filter(Boolean));
  let best: Cand | null = null;
  for (const c of cands.values()) {
    const key = compact(c.text);
    if (exclude.has(key)) continue;
    if (!hasJobNoun(c.text) && c.score < 4 && !(c.score >= 3 && (looksLikeOccupation(c.text) || beforeEmployer(bodyText, c.text, excluded)))) continue;
    if (!best || c.score > best.score || (c.score === best.score && c.order < best.order)) best = c;
  }
  // "analyste" cut at a preposition in the body, "Analyste en planification" whole in the subject: as sure, the whole title wins.
  // But the subject's own field ("Processo seletivo – Supervisor de Enfermagem") is the title the body goes on
  // from ("Supervisor de Enfermagem da UTI adulto").
  const subjectTitles = new Set(segments.map(compact));
  const goesOn = (longer: Cand, shorter: Cand): boolean => longer.text.toLowerCase().startsWith(shorter.text.toLowerCase() + " ");
  for (const c of cands.values()) {
    if (!best || exclude.has(compact(c.text)) || c.score < best.score) continue;
    if (subjectTitles.has(compact(c.text)) && goesOn(best, c)) best = c;
    else if (!subjectTitles.has(compact(best.text)) && goesOn(c, best)) best = c;
  }
  return best ? best.text : namedTitle(bodyText, exclude);
}

/** A public posting's reference, then the title in parentheses: "la Convocatoria 14/2026 (Profesional de Trabajo Social – …)". */
const REFERENCED = /\b(?:convocatoria|convocatória|concurso|concorso|bando|ausschreibung|stellenausschreibung|procedimento|procedimiento|kennziffer|ref\.?|reference|référence|referencia|riferimento|vacature)[ \t]{1,3}(?:n\.?[º°]?[ \t]?)?[\w./-]{0,12}\d[\w./-]{0,12}[ \t]?\(/giu;

function referencedTitles(body: string, cands: Map<string, Cand>): void {
  for (const m of body.matchAll(REFERENCED)) {
    const inside = body.slice(m.index + m[0].length, m.index + m[0].length + 120);
    const t = inside.split(/\)|\s[–—-]\s|,|\n/)[0]!.trim();
    if (t && isTitleLike(t.charAt(0).toUpperCase() + t.slice(1), true)) addCand(cands, t, 4 + (hasJobNoun(t) ? 1 : 0));
  }
}

/**
 * "la vacature Werkvoorbereider bij Groenhart Bouw": a title named with the employer right after it is sure even
 * when its noun is one rebound does not know.
 */
function beforeEmployer(body: string, title: string, employers: string[]): boolean {
  let at = body.indexOf(title);
  for (let n = 0; at >= 0 && n < 5; n++) {
    const after = body.slice(at + title.length, at + title.length + 120);
    const joiner = /^ \p{Ll}{1,6}(?: (?:the|der|die|la|le|el|il|het))? /u.exec(after);
    if (joiner && employers.some((e) => e && after.startsWith(e, joiner[0].length))) return true;
    at = body.indexOf(title, at + title.length);
  }
  return false;
}

/** The people a rejection mentions by their part in the process: titles, but not the one applied for. */
const PROCESS_TITLES = new Set(
  ("hiring manager|hiring managers|hiring lead|recruiter|recruiters|talent partner|talent acquisition partner|recruitment partner|" +
    "recruiting coordinator|people partner|hr business partner|hr partner|head of talent|head of people|recruiting lead|hiring team|" +
    "interview panel|panel").split("|"),
);

/** A possessive right before a title makes it someone's: "our", "my", "unserer", "notre", "nuestra", "il nostro", "onze", "nosso". */
const POSSESSIVE_BEFORE = /(?:^|\s)(?:our|my|his|her|their|unser\p{Ll}{0,2}|mein\p{Ll}{0,2}|notre|nos|mon|ma|nuestr[ao]s?|mi|nostr[aoie]|mio|mia|onze|mijn|noss[ao]s?|meu|minha)\s$/iu;

/**
 * Last resort: a run of capitalised words in the middle of a sentence that starts or ends with a job noun
 * ("the Operations Planning Lead needs…", "about Assistant Buyer", "come Responsabile Controllo Qualità"), with no
 * role word near it. Several words, so a lone "Manager" does not count, and never a process title ("the Hiring
 * Manager"). On the 625 labelled emails it changes no rejection's reading: only job alerts' and newsletters'.
 */
function namedTitle(body: string, exclude: Set<string>): string | null {
  for (const m of body.matchAll(/(?<=\p{Ll}[,]? )(?=\p{Lu})/gu)) {
    // "our Head of Engineering", "mit unserer Teamleiterin Logistik": a person's title, not the post.
    if (POSSESSIVE_BEFORE.test(body.slice(Math.max(0, m.index - 12), m.index))) continue;
    const t = captureCapitalised(body, m.index, { maxWords: 6, stopWords: STOP_AFTER_TITLE });
    const words = t?.split(" ") ?? [];
    if (t && words.length >= 2 && isTitleLike(t) && (isJobWord(words[words.length - 1]!.toLowerCase()) || isJobWord(words[0]!.toLowerCase())) && !PROCESS_TITLES.has(t.toLowerCase()) && !exclude.has(compact(t))) {
      return cleanRole(t);
    }
  }
  return null;
}
