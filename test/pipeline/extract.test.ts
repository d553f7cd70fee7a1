import { describe, expect, it } from "vitest";
import { companyFromDisplayName, companyFromDomain } from "../../src/pipeline/company.ts";
import { contactsFromNote, firstNameFirst } from "../../src/pipeline/contacts.ts";
import { extractRole } from "../../src/pipeline/role.ts";
import { stripLegalSuffix } from "../../src/pipeline/text.ts";
import { readEmail } from "../../src/pipeline/read.ts";
import { captureCapitalised } from "../../src/pipeline/names.ts";

/** Alex forwards, with Gmail, a message `from` someone. */
const forwardFrom = (from: string, body: string, subject = "Update") =>
  `From: Alex Rivera <alex.rivera@example.com>\r\nTo: r@rebound.test\r\nSubject: Fwd: ${subject}\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\n\r\n---------- Forwarded message ---------\r\nFrom: ${from}\r\nDate: Mon, Oct 5, 2026 at 9:00 AM\r\nSubject: ${subject}\r\nTo: <alex.rivera@example.com>\r\n\r\n${body}`;

describe("companyFromDisplayName", () => {
  it.each([
    ["Quillpoint via Lever", "Quillpoint"],
    ["Hiring Team at Globex", "Globex"],
    ["Globex Careers", "Globex"],
    ["The Acme Robotics Recruiting Team", "Acme Robotics"],
    ["Fernway Hiring Team", "Fernway"],
    ["Hiring at Tidewell", "Tidewell"],
    ["People at Marlowe & Finch", "Marlowe & Finch"],
    // Team words on either side of a separator, and in the other six languages.
    ["Brightwell | Careers", "Brightwell"],
    ["Recruiting Team - Brightwell", "Brightwell"],
    ["Talent @ Brightwell", "Brightwell"],
    ["Team Brightwell", "Brightwell"],
    ["Brightwell Personalabteilung", "Brightwell"],
    ["Recursos Humanos de Brightwell", "Brightwell"],
    ["Brightwell Risorse Umane", "Brightwell"],
    ["Werving & Selectie Brightwell", "Brightwell"],
    ["Brightwell Ressources Humaines", "Brightwell"],
    ["Brightwell Recrutamento", "Brightwell"],
    ["Jobs bei Brightwell", "Brightwell"],
    ["Careers", null],
  ])("%s -> %s", (name, want) => expect(companyFromDisplayName(name)).toBe(want));
});

describe("stripLegalSuffix", () => {
  it.each([
    ["Northwind Traders, Inc.", "Northwind Traders"],
    ["Corvex Health Private Limited", "Corvex Health"],
    ["Rheinwerk Logistik GmbH", "Rheinwerk Logistik"],
    ["Grupo Alameda S.A.", "Grupo Alameda"],
    ["Ironbark Security, Lda.", "Ironbark Security"],
    ["Bramble & Co", "Bramble & Co"],
    ["Tecnologías Alcatraz S.A. de C.V.", "Tecnologías Alcatraz"],
    ["Construtora Ipê S/A", "Construtora Ipê"],
    // German associations, co-operatives and non-profit companies.
    ["Sportverein Grünau e.V.", "Sportverein Grünau"],
    ["Raiffeisenbank Ostheide eG", "Raiffeisenbank Ostheide"],
    ["Lebenshilfe Auental gGmbH", "Lebenshilfe Auental"],
  ])("%s -> %s", (name, want) => expect(stripLegalSuffix(name)).toBe(want));
});

describe("extractRole", () => {
  it.each([
    ["Your application for Senior Software Engineer, Payments at Cobalt Payments", "", "Senior Software Engineer, Payments"],
    ["Following up", "Thanks for walking us through your portfolio for the Product Designer position.", "Product Designer"],
    ["Votre candidature – Chef de projet digital", "pour le poste de Chef de projet digital.", "Chef de projet digital"],
    ["Update", "Application summary\nPosition: Video Producer\nRequisition: BWM-0923", "Video Producer"],
    ["Re: Quick chat next week?", "We ended up going with someone else.", null],
    ["Following up", "Thanks for interviewing for the data analyst position last week.", "Data Analyst"],
    ["Update", "We enjoyed meeting you about our senior site reliability engineer role.", "Senior Site Reliability Engineer"],
    ["Update", "Thank you for your interest in the role and in the team.", null],
    ["Update", "Thanks for applying to our Platform Engineer (Rust) role.", "Platform Engineer (Rust)"],
    ["Ihre Bewerbung als Softwareentwicklerin", "", "Softwareentwicklerin"],
    // The terms of employment are not part of the title; a Dutch "sollicitatie als" introduces one.
    ["Re: Backend Engineer contract", "", "Backend Engineer"],
    // "en" inside a title, and "en" before the employer.
    ["Suivi de votre candidature – Conseiller en sécurité", "", "Conseiller en sécurité"],
    ["Tu candidatura: Analista de Datos en Lumbre Seguros", "", "Analista de Datos"],
    // A lower-case title after a label; a German "-leitung" is a title.
    ["Suivi", "Le poste de développeur web ne sera pas pourvu par toi, hélas.", "développeur web"],
    ["Ihre Bewerbung: Bereichsleitung Einkauf (m/w/d)", "", "Bereichsleitung Einkauf"],
    ["Update", "Thanks for applying for the Payroll Specialist (part-time) position.", "Payroll Specialist"],
    ["Je sollicitatie als Calculator Installatietechniek", "We gaan niet verder met je sollicitatie als Calculator Installatietechniek.", "Calculator Installatietechniek"],
    ["Update", "Over de functie van Data Analist gaan we verder met een andere kandidaat.", "Data Analist"],
    ["Votre candidature – Comptable fournisseurs", "", "Comptable fournisseurs"],
    ["re: founding engineer", "We're going with someone else for the founding engineer spot.", "Founding Engineer"],
    ["Candidatura", "la ringraziamo per l'interesse per il ruolo di Attuaria Senior.", "Attuaria Senior"],
    ["Tu candidatura", "Gracias por tu interés en la posición de Analista de Riesgos.", "Analista de Riesgos"],
    // German feminine forms of borrowed job nouns.
    ["Ihre Bewerbung als Produktresearcherin", "", "Produktresearcherin"],
    ["Absage", "Ihre Bewerbung als Data Researcherin haben wir geprüft.", "Data Researcherin"],
    // A title never runs on into a verb phrase, in any language.
    ["Aggiornamento", "Per la posizione di Brand Manager abbiamo deciso diversamente.", "Brand Manager"],
    ["Actualización", "Para el puesto de Jefe de Ventas hemos elegido otro perfil.", "Jefe de Ventas"],
    // A lower-case adjective before the title, and a search instead of a role.
    ["Update", "About the confidential Head of Platform search I mentioned: the client has decided.", "Head of Platform"],
    ["Update", "Thank you for your time on our exciting Staff Designer opening.", "Staff Designer"],
    ["Update", "Thank you for applying to be a Support Engineer at Quorra.", "Support Engineer"],
    // An abbreviation keeps its dot; a sentence's full stop does not stay.
    ["Tu postulación", "Gracias por postularte al puesto de Contador Sr. en Lumbre.", "Contador Sr."],
    ["Update", "Thanks for interviewing for the Sr. Product Analyst position.", "Sr. Product Analyst"],
    ["Update", "We have filled the position of Product Analyst.", "Product Analyst"],
    // A requisition number before the title; feedback words in a Dutch subject.
    ["Actualización: R-40112 Técnica de Nóminas", "Gracias por tu interés en la posición R-40112 Técnica de Nóminas.", "Técnica de Nóminas"],
    ["Terugkoppeling sollicitatie Junior Controller", "", "Junior Controller"],
    // After an onsite, in a labelled requisition field, with a bare gender marker, with an inclusive ending.
    ["Your onsite for Fleet Operations Analyst", "", "Fleet Operations Analyst"],
    ["Regarding your application", "Job Requisition: R-55120 Payroll Specialist\nLocation: Leeds", "Payroll Specialist"],
    ["Suite à nos entretiens – Chargée de paie H/F", "", "Chargée de paie"],
    // The markers Dutch and German ads also use, bare or in parentheses.
    ["Uw sollicitatie: Verkoper binnendienst m/v", "", "Verkoper binnendienst"],
    ["Ihre Bewerbung als Lagerist (d/m/w)", "", "Lagerist"],
    ["Ihre Bewerbung als Sachbearbeiter Einkauf (gn*)", "", "Sachbearbeiter Einkauf"],
    ["Votre candidature", "Merci pour votre candidature au poste de Développeur·se Back-end et pour votre temps.", "Développeur·se Back-end"],
    ["Re: Product Designer chat", "Thanks again for Thursday.", "Product Designer"],
    ["Sua candidatura", "Obrigado pela participação no processo seletivo para Analista de Dados Pleno aqui na Jabuticaba.", "Analista de Dados Pleno"],
    // A negation ends the title.
    ["Ihre Bewerbung", "Die Position als Referent Einkauf wird nicht wie geplant besetzt.", "Referent Einkauf"],
    // "as" in the other languages, with a job noun.
    ["Votre candidature", "Merci pour votre candidature en tant que Responsable Logistique.", "Responsable Logistique"],
    ["Candidatura", "Gracias por postularte como Diseñadora UX en nuestra empresa.", "Diseñadora UX"],
    ["Bewerbung", "Wir haben jemanden mit mehr Erfahrung als Sie gewählt.", null],
    // Prepositions and adverbs end the title.
    ["Update", "We hebben de functie van Data Engineer aan een collega gegeven.", "Data Engineer"],
    ["Atualização", "Obrigado pelo interesse na vaga de Analista Financeiro aqui na Vereda.", "Analista Financeiro"],
    // Managing directors, research grants, kitchens, newsrooms; a reference does not count towards the title's length.
    ["Mandat Stadtwerke Lohr – Technischer Geschäftsführer (m/w/d)", "", "Technischer Geschäftsführer"],
    ["Esito – Borsista di ricerca in Fisica applicata (Bando n. 7/2027)", "", "Borsista di ricerca in Fisica applicata"],
    ["Candidatura", "Per il posto di cuoca di linea questa estate abbiamo scelto un'altra persona.", "cuoca di linea"],
    ["Aggiornamento", "Per il posto di barista quest'estate abbiamo già trovato qualcuno.", "barista"],
    ["Update", "We gaan niet verder met je sollicitatie voor de functie van verslaggever.", "verslaggever"],
    ["Tirocinio in Controllo di gestione – esito", "", "Tirocinio in Controllo di gestione"],
    // A freelancer's "mission" is not part of the title; a title may hold the word.
    ["Mission Contrôleur de gestion – retour du client", "Le client a confié la mission de Contrôleur de gestion à un autre consultant.", "Contrôleur de gestion"],
    ["Update", "Thanks for applying to the Mission Operations Engineer role.", "Mission Operations Engineer"],
    // After a possessive a lower-case phrase describes ("the buyer's commercial position"); a capitalised title still counts.
    ["Update", "Your reading of the buyer's commercial position was sharp, but we chose someone else.", null],
    ["Update", "Thanks for applying to Globex's Data Engineer position.", "Data Engineer"],
    // An indefinite article names another opening: the subject's title wins; alone, it is still the title.
    ["Entretien final – Chef de produit Senior", "Nous ouvrirons sans doute un poste de développeur mobile au printemps.", "Chef de produit Senior"],
    ["Head of Payments – client feedback", "One of my other searches is a Head of Risk role with a lender.", "Head of Payments"],
    ["Update", "You are welcome to apply again for a Graduate Surveyor place next year.", "Graduate Surveyor"],
    // A labelled title in the subject needs no job noun; "interview" words in the subject are not the title.
    ["Ihre Bewerbung als Quereinsteigerin", "Leider haben wir uns anders entschieden.", "Quereinsteigerin"],
    ["Colloquio per Infermiere di sala operatoria", "Abbiamo scelto un altro profilo.", "Infermiere di sala operatoria"],
    ["Entretien – Préparatrice de commandes", "Nous avons retenu une autre candidature.", "Préparatrice de commandes"],
    // Latin American Spanish: "postulación a", "búsqueda de".
    ["Tu postulación a Editor de contenidos digitales", "", "Editor de contenidos digitales"],
    ["Novedades", "Gracias por postularte a la búsqueda de Analista de Pricing en Mercado Austral.", "Analista de Pricing"],
    // "forward for", "candidacy as", "as their new", "with us about": the title after them, with its job noun.
    ["Update", "Thanks for putting yourself forward for Events Coordinator this autumn.", "Events Coordinator"],
    ["Update", "We valued your candidacy as Depot Supervisor at our Crewe site.", "Depot Supervisor"],
    ["Update", "I put you forward to them as their new Practice Nurse in Hove.", "Practice Nurse"],
    ["Update", "Thanks for chatting with us about Junior Buyer last week.", "Junior Buyer"],
    // German "die Position X", Dutch "gesprek voor X", public competitions; "new" is not part of the title.
    ["Ihre Bewerbung", "Danke für Ihr Interesse an der Position Polier Hochbau (m/w/d).", "Polier Hochbau"],
    ["Terugkoppeling", "Ik sprak de teamleider over jouw gesprek voor Casemanager Wonen.", "Casemanager Wonen"],
    ["Notificação", "No âmbito do procedimento concursal para Técnico Superior de Ambiente, não foi selecionado.", "Técnico Superior de Ambiente"],
    ["Colloquio", "Non sei stata scelta come nuova Responsabile Acquisti.", "Responsabile Acquisti"],
    // An elided preposition inside a title; a site of the employer and an Italian "nel …" end it.
    ["Candidature", "Merci pour votre candidature en tant que Chef d’atelier (H/F).", "Chef d’atelier"],
    ["Esito", "Per il ruolo di Praticante Notaio nel nostro studio di Parma abbiamo scelto un altro profilo.", "Praticante Notaio"],
    ["Processo", "Obrigada pelo processo seletivo para Gerente de Loja da unidade Centro.", "Gerente de Loja"],
    // A public posting's reference, then the title in parentheses.
    ["Convocatoria 9/2026 - Resultado", "Concluida la evaluación de la Convocatoria 9/2026 (Auxiliar Administrativo – Secretaría de Hacienda), usted no ha resultado seleccionado.", "Auxiliar Administrativo"],
    // The subject's own field is the title the body goes on from.
    ["Processo seletivo – Técnico de Manutenção", "Obrigado pelo processo seletivo para Técnico de Manutenção da unidade Recife do Grupo Ária.", "Técnico de Manutenção"],
    // Skilled staff and foremen.
    ["Ihre Bewerbung: Fachperson Logistik", "Leider müssen wir Ihnen absagen.", "Fachperson Logistik"],
    ["Suivi – poste de contremaître d'atelier", "Ils ont choisi un autre candidat.", "contremaître d'atelier"],
    // Workers and professionals in general.
    ["Sollicitatie", "Bedankt voor je sollicitatie als Ambulant Werker bij ons.", "Ambulant Werker"],
    ["Uw sollicitatie Ploegleider", "Wij gaan niet verder met uw kandidatuur.", "Ploegleider"],
    // Planning, trades and care.
    ["Je sollicitatie", "Bedankt voor je sollicitatie op de vacature Werkvoorbereider bij Groenhart.", "Werkvoorbereider"],
    // No role word near it: a capitalised title ending in a job noun after "the", but never the people in the process.
    ["Following up on our conversation", "Where they landed is that the Operations Planning Lead needs WMS experience.", "Operations Planning Lead"],
    ["Following up", "The Hiring Manager and the Talent Partner both enjoyed meeting you, but we chose someone else.", null],
    ["Following up", "The Manager felt another candidate was closer.", null],
    // Someone's title after a possessive is that person's, not the post.
    ["Following up", "I spoke with our Head of Engineering yesterday and we have chosen someone else.", null],
    ["Rückmeldung", "Nach Rücksprache mit unserer Teamleiterin Logistik haben wir uns anders entschieden.", null],
    // Mid-sentence, starting with the job noun, as Romance titles do.
    ["Colloquio", "Grazie per il colloquio: abbiamo scelto un altro candidato per Responsabile Magazzino.", "Responsabile Magazzino"],
  ])("%s", (subject, body, want) => expect(extractRole(subject, body, [])).toBe(want));
});

describe("a signature's team line and the organisation's name under it", () => {
  it.each([
    // What is joined to team words is one too ("Reclutamiento y Selección", "Haupt- und Personalamt", "Graduate Recruitment").
    ["Marisol Vega <marisol.vega@ferrovial-norte.test>", "Gracias por participar. Seguimos con otra persona.\r\n\r\nMarisol Vega\r\nReclutamiento y Selección", "Ferrovial Norte"],
    ["Uwe Krantz <u.krantz@eichstadt.test>", "Leider müssen wir Ihnen absagen.\r\n\r\nIm Auftrag\r\nUwe Krantz\r\nHaupt- und Personalamt\r\nStadt Eichstadt", "Stadt Eichstadt"],
    ["Bellamy Rusk <careers@bellamyrusk.test>", "We will not be taking your application further.\r\n\r\nGraduate Recruitment\r\nBellamy Rusk LLP", "Bellamy Rusk"],
    // A form of address starts a person's line, never an organisation's.
    ["Hélène Dupuis <h.dupuis@lycee-marie-curie.test>", "Je suis au regret de vous informer que votre candidature n'a pas été retenue.\r\n\r\nMadame Hélène Dupuis\r\nProviseure", "Lycee Marie Curie"],
    // Talent teams in Spanish and Portuguese, a personnel office before the name, the search itself: none is the employer.
    ["Inés Roca <no-reply@pinpointhq.com>", "Hemos decidido seguir con otra persona.\r\n\r\nAdquisición de Talento\r\nBodega Monteluz", "Bodega Monteluz"],
    ["Talento Humano <notificaciones@gupy.io>", "Agradecemos tu interés. Seguimos con otros perfiles.\r\n\r\nTalento Humano\r\nCoopetrans", "Coopetrans"],
    ["Personalabteilung Klinikum am Lindenberg <bewerbung@klinikum-lindenberg.test>", "Leider können wir Ihnen keine Zusage geben.", "Klinikum am Lindenberg"],
    ["Rita Vogt <r.vogt@gymnasium-am-see.test>", "Vielen Dank für Ihre Initiativbewerbung. Leider haben wir keine Stelle frei.\r\n\r\nRita Vogt\r\nSekretariat\r\nGymnasium am See", "Gymnasium am See"],
    // From a private address, the owner signs with a first name and the business under it.
    ["Wren Halloway <wren.halloway@example.net>", "Thanks for popping in, but we've found someone for Saturdays.\r\n\r\nWren\r\nHalloway & Daughters Ironmongers", "Halloway & Daughters Ironmongers"],
    ["Pilar Sastre <pilarsastre@example.com>", "Ya hemos cubierto el puesto, lo siento.\r\n\r\nPilar Sastre\r\nDueña\r\nFerretería Los Pinos\r\nCalle Mayor 4, Soria", "Ferretería Los Pinos"],
    // A club's own word stays in its name, where the domain stops short of it.
    ["Ashcombe Vale Cricket Club <jobs@ashcombevalecricket.test>", "Thank you for applying for the position of Head Groundsman at Ashcombe Vale Cricket Club. You have not been shortlisted.\r\n\r\nAshcombe Vale Cricket Club", "Ashcombe Vale Cricket Club"],
    // A careers site's sender name; a non-profit's form after its name.
    ["Werken bij Waterschap Lindevallei <werkenbij@waterschap-lindevallei.test>", "Wij hebben gekozen voor een andere kandidaat.", "Waterschap Lindevallei"],
    ["Lotte Peeters <lotte@huis-ter-bruggen.test>", "We kiezen voor een andere kandidaat.\r\n\r\nLotte Peeters\r\nHuis ter Bruggen vzw", "Huis ter Bruggen"],
    // A domain whose parts the signature writes in another order, or with umlauts spelled out.
    ["Sven Ohm <sven@eiche-schreinerei.test>", "Leider haben wir uns anders entschieden.\r\n\r\nSven Ohm\r\nSchreinerei zur Eiche", "Schreinerei zur Eiche"],
    ["Mia Roth <mia@kraemer-baeckerei.test>", "Leider haben wir uns anders entschieden.\r\n\r\nMia Roth\r\nBäckerei Krämer · Marktplatz 3", "Bäckerei Krämer"],
    ["careers-noreply@icims.com", "The panel has selected another candidate.\r\n\r\nRespectfully,\r\n\r\nHuman Resources\r\nCascadia Regional Transit", "Cascadia Regional Transit"],
    // Lower-case words inside the name; the phone line after it is not part of it.
    ["Geneviève Roy <g.roy@csshr.test>", "Le comité a arrêté son choix sur une autre candidature.\r\n\r\nGeneviève Roy\r\nConseillère en dotation\r\nService des ressources humaines\r\nCentre de services scolaire des Hautes-Rivières\r\n450 555-0148", "Centre de services scolaire des Hautes-Rivières"],
    // Only the first field of the line, without its legal suffix; "Equipo de Talento" is all team words.
    ["Editorial Norte <no-reply@pinpointhq.com>", "Decidimos avanzar con otros perfiles.\r\n\r\nUn saludo,\r\nEquipo de Talento\r\nEditorial Norte S.A. | Córdoba", "Editorial Norte"],
    // A domain that is the name's initialism backs the name the signature writes.
    ["Nadia Cole <n.cole@nhb.test>", "We have offered the post to another candidate.\r\n\r\nNadia Cole\r\nLettings Officer\r\nNorthfield Housing Board", "Northfield Housing Board"],
    // A unit of the organisation under the team line is not the organisation.
    ["Ana Leal <ana.leal@cm-serrana.test>", "Não foi selecionado.\r\n\r\nAna Leal\r\nTécnica Superior – Divisão de Recursos Humanos\r\nCâmara Municipal de Vila Serrana\r\nPraça da República", "Câmara Municipal de Vila Serrana"],
    ["Nathalie Roux <n.roux@saint-aubin.test>", "Aucun poste n'est vacant dans les services de la Ville de Saint-Aubin.\r\n\r\nDirection des ressources humaines\r\nService Emploi et Compétences", "Saint-Aubin"],
  ])("%s", async (from, body, want) => {
    expect((await readEmail(forwardFrom(from, body), { ownerEmails: [] })).company).toBe(want);
  });
  it("reads no employer from team words alone", () => {
    expect(companyFromDisplayName("Equipo de Talento")).toBeNull();
    expect(companyFromDisplayName("Equipo de Talento de Globex")).toBe("Globex");
  });
});

describe("a title rebound has no noun for", () => {
  it("counts when the employer is named right after it, or when it is shaped like an occupation, and only then", () => {
    expect(extractRole("Je sollicitatie", "Bedankt voor je sollicitatie op de vacature Kraanmachinist bij Groenhart Bouw.", ["Groenhart Bouw"])).toBe("Kraanmachinist");
    expect(extractRole("Ihre Bewerbung", "Danke für Ihre Bewerbung als Quereinsteigerin bei der Stadtwerke Lohr.", ["Stadtwerke Lohr"])).toBe("Quereinsteigerin");
    // An agent noun's ending ("-ist") in a post's own wording.
    expect(extractRole("Je sollicitatie", "Bedankt voor je sollicitatie op de vacature Kraanmachinist.", ["Groenhart Bouw"])).toBe("Kraanmachinist");
    expect(extractRole("Je sollicitatie", "Bedankt voor je sollicitatie op de vacature Zomerploeg.", ["Groenhart Bouw"])).toBeNull();
  });
  it.each([
    // Agent nouns no list holds, in a post's wording, in each language; lower case where the mail writes it so.
    ["Your application", "Thank you for applying for the Night Porter vacancy. We have appointed another candidate.", "Night Porter"],
    ["Your application", "Thanks for your interest in the weekend cleaner position; we have filled it.", "Weekend Cleaner"],
    ["Candidatura", "Gracias por tu interés en el puesto de reponedora en nuestra tienda de Getafe.", "reponedora"],
    ["Candidatura", "Ti ringraziamo per la candidatura come aiuto pizzaiolo presso il nostro locale.", "aiuto pizzaiolo"],
    ["Candidature", "Merci pour ta candidature comme plongeur cet été.", "plongeur"],
    ["Je sollicitatie", "Dank voor je sollicitatie voor de functie van sociaal werker binnen ons team.", "sociaal werker"],
    ["Ihre Bewerbung", "vielen Dank für Ihre Bewerbung als Steuerfachangestellte in unserer Kanzlei.", "Steuerfachangestellte"],
    // The subject's title and the body's wording agree: no noun needed.
    ["Your application - Cabin Crew", "Thank you for attending our Cabin Crew assessment day.", "Cabin Crew"],
    // A title that goes on after a conjunction: a hyphen cut short, or a second occupation.
    ["Ihre Bewerbung", "Danke für Ihre Bewerbung als Gesundheits- und Krankenpflegerin.", "Gesundheits- und Krankenpflegerin"],
    ["Candidature", "Merci pour votre candidature au poste de directeur commercial et marketing. Nous avons retenu un autre profil.", "directeur commercial"],
    ["Your application", "Thank you for applying for the role of Youth Worker and Family Support Coordinator at Elm House.", "Youth Worker and Family Support Coordinator"],
    // A lower-case field after "en" belongs to a Romance title; an inclusive ending stays as written.
    ["Candidature", "Merci pour votre candidature au poste de mécanicien en horlogerie fine. Nous avons retenu un autre profil.", "mécanicien en horlogerie fine"],
    ["Candidatura", "Obrigada pela candidatura à vaga de Supervisor(a) de Logística. Seguimos com outra pessoa.", "Supervisor(a) de Logística"],
    // A German title after "als" ends at the first lower-case word; a Dutch one may be all lower case.
    ["Rückmeldung", "Sie haben sich bei uns als Fachverkäuferin beworben, leider ohne Erfolg.", "Fachverkäuferin"],
    ["Je sollicitatie", "Dank voor je sollicitatie als kapper in onze zaak.", "kapper"],
    ["Candidature", "Merci d'avoir postulé comme aide-cuisinier cet été.", "aide-cuisinier"],
    // A public notice's words and a Flemish subject's; a marker that ends the title; an article that ends it.
    ["Avviso pubblico per Educatore", "La informiamo che non è risultato idoneo.", "Educatore"],
    ["Kandidatuur schrijnwerker", "Wij hebben voor een andere kandidaat gekozen.", "schrijnwerker"],
    ["Bewerbung: Erzieherin (m/w/d) für die Kita Regenbogen", "Leider müssen wir Ihnen absagen.", "Erzieherin"],
    ["Entrevista", "Te esperamos para el puesto de Auxiliar de Farmacia el lunes a las diez.", "Auxiliar de Farmacia"],
    // Words with those endings that name no post.
    ["Mom's birthday dinner Saturday", "Mom's birthday dinner Saturday is at seven, see you there!", null],
    ["Esito", "La commissione ha individuato un altro candidato come vincitore.", null],
    ["Update", "Thank you for your patience. We filled the other position internally.", null],
  ])("%s / %s", (subject, body, want) => expect(extractRole(subject, body, [])).toBe(want));
});

describe("the employer's own spelling", () => {
  it.each([
    // "The" is part of a name the sender and the signature write with it, not of one a sentence starts with.
    ["The Harbour Trust <no-reply@us.greenhouse-mail.io>", "The panel decided not to invite you to the next stage.\r\n\r\nPeople team\r\nThe Harbour Trust", "The Harbour Trust"],
    ["Harbour Trust <no-reply@us.greenhouse-mail.io>", "The Harbour Trust team decided not to invite you to the next stage.", "Harbour Trust"],
    // A lower-case brand as the sender's own name.
    ["haywick <no-reply@hire.lever.co>", "We decided to move forward with someone else.", "haywick"],
    // "&" is "and" in a domain; what the candidate sent is no employer.
    ["Sunniva Ek <s.ek@inkwellandmoss.test>", "We won't be offering you the role.\r\n\r\nSunniva Ek\r\nPublishing Director\r\nInkwell & Moss\r\n020 7946 0815", "Inkwell & Moss"],
    ["Vale Ocampo <vocampo@cerrotupungato.test>", "No vamos a poder avanzar con tu candidatura.\r\n\r\nVale Ocampo\r\nBodega Cerro Tupungato", "Bodega Cerro Tupungato"],
    // A file number is no employer; a public body's name in the signature is.
    ["Ezequiel Barrio <ebarrio@valleescondido.test>", "Usted no ha resultado seleccionada.\r\n\r\nEzequiel Barrio\r\nJefe de Departamento Personal\r\nMunicipalidad de Valle Escondido", "Municipalidad de Valle Escondido"],
    // A domain that cuts a word short, spelled in full in the quoted thread.
    ["Ros Barr <ros@larkspur-elem.test>", "The committee offered the position to another candidate.\r\n\r\nRos\r\n\r\nOn Tue, Sep 22, 2026 at 11:47 AM Ros Barr <ros@larkspur-elem.test> wrote:\r\n> Could you come in on Thursday?\r\n> Dr. Ros Barr\r\n> Principal\r\n> Larkspur Elementary School", "Larkspur Elementary School"],
  ])("%s", async (from, body, want) => {
    const subject = from.startsWith("Ezequiel") ? "Convocatoria 14/2026 - Resultado" : from.startsWith("Vale") ? "Tu CV – Bodega Cerro Tupungato" : "Update";
    expect((await readEmail(forwardFrom(from, body, subject), { ownerEmails: [] })).company).toBe(want);
  });

  it("reads the role from the quoted thread when the reply names none", async () => {
    const body = "We offered the position to another candidate.\r\n\r\nOn Tue, Sep 22, 2026 at 11:47 AM Ros Barr <ros@larkspur.test> wrote:\r\n> I'm pleased to invite you to an interview for the Year Two Teacher opening.";
    expect((await readEmail(forwardFrom("Ros Barr <ros@larkspur.test>", body), { ownerEmails: [] })).role).toBe("Year Two Teacher");
  });
});

describe("companyFromDomain", () => {
  it.each([
    ["pat@brouwerlogistiek.test", "Thanks, the Brouwer Logistiek team", "Brouwer Logistiek"],
    ["pat@openloop.test", "Everyone at OpenLoop says hi", "OpenLoop"],
    ["pat@openloop.test", "see www.openloop.test", "Openloop"],
    ["pat@fjord-data.test", "", "Fjord Data"],
  ])("%s with %j -> %s", (address, text, want) => expect(companyFromDomain(address, text)).toBe(want));
});

describe("employer from a team's sign-off, the subject's 'interest in', and a team display name", () => {
  const mail = (from: string, subject: string, body: string) => forwardFrom(from, body, subject);
  it.each([
    ["Careers <no-reply@ashbyhq.com>", "Update", "We will not be moving forward with your application.\r\n\r\nThe Saltmarsh Robotics Recruiting Team", "Saltmarsh Robotics"],
    ["Careers <no-reply@ashbyhq.com>", "Thank you for your interest in Ferrule Systems", "We will not be moving forward with your application.", "Ferrule Systems"],
    ["Hiring at Pellucid <hiring@pellucidhealth.test>", "Update", "Thank you for applying. We will not be moving forward with your application.", "Pellucid"],
    // The registered name in the signature (street and phone on the same line) beats the shorter one from the domain.
    ["Rita Sousa <rita.sousa@marvento.test>", "Candidatura", "Obrigado pela sua candidatura. Não vamos poder avançar com a sua candidatura.\r\n\r\nRita Sousa\r\nRecrutamento\r\nMarvento Engenharia, Lda. | Av. da Liberdade 110, Lisboa", "Marvento Engenharia"],
    ["Aiko Sato <aiko@kumogawa.test>", "Your application", "We will not be moving forward with your application.\r\n\r\nAiko Sato\r\nKumogawa Robotics K.K.", "Kumogawa Robotics"],
    // An agency known by its own domain: the client named in the subject and again in the body.
    ["Nuria Gallego <nuria@talentia-seleccion.test>", "Jefe de Obra - Ferrovías del Norte", "Me acaban de confirmar desde Ferrovías del Norte que se han decantado por otro perfil.", "Ferrovías del Norte"],
    // A reference in parentheses between the role and the employer.
    ["Careers <no-reply@icims.com>", "Your application", "Thank you for applying for the Claims Analyst position (Req #5521) with Larchmont Mutual Group. We have filled the role.", "Larchmont Mutual Group"],
    ["Talent Acquisition <talent@careers-tamarack.icims.com>", "Application Status Update", "Thank you for taking the time to apply with Tamarack Cold Storage. We have chosen to pursue other applicants.", "Tamarack Cold Storage"],
  ])("%s / %s", async (from, subject, body, want) => {
    expect((await readEmail(mail(from, subject, body), { ownerEmails: [] })).company).toBe(want);
  });
});

describe("contactsFromNote", () => {
  it("reads people the owner lists in any natural form", () => {
    const note = "Interviewed with Priya Shah (hiring manager) priya.shah@acme.test and Tom Lee <tom.lee@acme.test>; also\n- Dana Whitfield, VP Eng, dana@acme.test\nand jo@acme.test (Jo Park, recruiter)";
    expect(contactsFromNote(note)).toEqual([
      { email: "priya.shah@acme.test", name: "Priya Shah", title: "Hiring Manager" },
      { email: "tom.lee@acme.test", name: "Tom Lee", title: null },
      { email: "dana@acme.test", name: "Dana Whitfield", title: "VP Eng" },
      { email: "jo@acme.test", name: "Jo Park", title: "Recruiter" },
    ]);
  });

  it("reads a labelled list, names inside a sentence and names in other languages", () => {
    expect(contactsFromNote("Interviewers: Ana Gomez (ana.gomez@acme.test), Li Wei (li.wei@acme.test)")).toEqual([
      { email: "ana.gomez@acme.test", name: "Ana Gomez", title: null },
      { email: "li.wei@acme.test", name: "Li Wei", title: null },
    ]);
    expect(contactsFromNote("I met Rahul Gupta, the engineering manager (rahul@acme.test), and Jo Park from product: jo@acme.test")).toEqual([
      { email: "rahul@acme.test", name: "Rahul Gupta", title: "Engineering Manager" },
      { email: "jo@acme.test", name: "Jo Park", title: null },
    ]);
    expect(contactsFromNote("Bitte auch Katrin Maier danken: katrin.maier@acme.test")).toEqual([
      { email: "katrin.maier@acme.test", name: "Katrin Maier", title: null },
    ]);
    expect(contactsFromNote("Also Sam Ortiz <sam@acme.test>")).toEqual([{ email: "sam@acme.test", name: "Sam Ortiz", title: null }]);
    // Only the sentence naming the person counts.
    expect(contactsFromNote("Agency one, for Acme. Please thank Dana Whitfield <dana@acme.test>, the hiring manager.")).toEqual([
      { email: "dana@acme.test", name: "Dana Whitfield", title: null },
    ]);
  });

  it("writes Outlook's 'Last, First' names first name first, but leaves company names alone", () => {
    expect(firstNameFirst("Schreiber, Markus")).toBe("Markus Schreiber");
    expect(firstNameFirst("Acme, Inc")).toBe("Acme, Inc");
    expect(firstNameFirst("Markus Schreiber")).toBe("Markus Schreiber");
  });
});

describe("contacts", () => {
  it("caps the list at 25 and never includes the owner or the forwarding address", async () => {
    const cc = Array.from({ length: 40 }, (_, i) => `P${i} Person <p${i}@acme.test>`).join(", ");
    const raw = `From: Alex Rivera <alex.rivera@example.com>\r\nTo: rejections@rebound.example.com\r\nSubject: Fwd: Your application\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\n\r\n---------- Forwarded message ---------\r\nFrom: Pat Lee <pat@acme.test>\r\nDate: Mon, Oct 5, 2026 at 9:00 AM\r\nSubject: Your application\r\nTo: <alex.rivera@example.com>, rejections@rebound.example.com\r\nCc: ${cc}, Alex Rivera <alex.rivera@example.com>\r\n\r\nWe have decided to move forward with other candidates.`;
    const r = await readEmail(raw, { ownerEmails: [], forwardAddress: "rejections@rebound.example.com" });
    expect(r.contacts).toHaveLength(25);
    expect(r.contacts[0]).toEqual({ name: "Pat Lee", email: "pat@acme.test", title: null });
    expect(r.contacts.map((c) => c.email)).not.toContain("alex.rivera@example.com");
    expect(r.contacts.map((c) => c.email)).not.toContain("rejections@rebound.example.com");
  });
});

describe("contacts and the owner", () => {
  it("never lists the owner's other mailbox named in the note", async () => {
    const raw = `From: Alex Rivera <alex.rivera@example.com>\r\nTo: rejections@rebound.example.com\r\nSubject: Fwd: Your application\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\n\r\nMet Tom Lee <tom.lee@acme.test>. (Sent from my work address alex.rivera@work-mail.test)\r\n\r\n---------- Forwarded message ---------\r\nFrom: Pat Lee <pat@acme.test>\r\nDate: Mon, Oct 5, 2026 at 9:00 AM\r\nSubject: Your application\r\nTo: <alex.rivera@example.com>\r\n\r\nWe have decided to move forward with other candidates.`;
    const r = await readEmail(raw, { ownerEmails: [] });
    expect(r.contacts.map((c) => c.email)).toEqual(["pat@acme.test", "tom.lee@acme.test"]);
  });
});

describe("agency recruiters", () => {
  it("names the client, never the agency, and nothing when the client is unnamed", async () => {
    const mailWithSubject = (subject: string, body: string) => `From: Alex Rivera <alex.rivera@example.com>\r\nTo: r@rebound.test\r\nSubject: Fwd: ${subject}\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\n\r\n---------- Forwarded message ---------\r\nFrom: Rob Keane <rob@northstar-talent.test>\r\nDate: Mon, Oct 5, 2026 at 9:00 AM\r\nSubject: ${subject}\r\nTo: <alex.rivera@example.com>\r\n\r\n${body}\r\n\r\nRob Keane\r\nNorthstar Talent Partners`;
    const mail = (body: string) => mailWithSubject("Update", body);
    const mailWithSubjectFrom = (from: string, subject: string, body: string) => forwardFrom(from, body, subject);
    expect((await readEmail(mail("My client, Vantage Freightworks, has decided to move forward with another candidate."), { ownerEmails: [] })).company).toBe("Vantage Freightworks");
    expect((await readEmail(mail("Unfortunately the client has decided to move forward with another candidate."), { ownerEmails: [] })).company).toBeNull();
    expect((await readEmail(mail("Ich habe mit unserem Kunden Hanseatic Logistik gesprochen; leider haben sie sich für einen anderen Kandidaten entschieden."), { ownerEmails: [] })).company).toBe("Hanseatic Logistik");
    expect((await readEmail(mail("Onze opdrachtgever Polder Energie heeft gekozen voor een andere kandidaat."), { ownerEmails: [] })).company).toBe("Polder Energie");
    // An agency names the client in a subject field that the body names again.
    expect((await readEmail(mailWithSubject("Poste de Chef de Projet – Maison Ardent", "Notre client, après l'entretien avec la direction de Maison Ardent, a choisi un autre candidat."), { ownerEmails: [] })).company).toBe("Maison Ardent");
    // An agency that mentions "my clients" elsewhere still names this client after "the hiring manager at".
    expect((await readEmail(mail("I've spoken to the hiring manager at Tessel Bio about the role. They won't be moving forward. I'll keep you in mind for roles with my clients."), { ownerEmails: [] })).company).toBe("Tessel Bio");
    expect((await readEmail(mail("I spoke with the hiring manager at Alder Mutual Insurance. They have decided to move forward with another candidate."), { ownerEmails: [] })).company).toBe("Alder Mutual Insurance");
    // An agency known by its "-talent" domain; its subject names the client with a place, the body only by its first word.
    expect((await readEmail(mailWithSubjectFrom("Moira Keel <moira@tidemark-talent.test>", "RE: Site Engineer - Corran Marine (Oban)", "Corran have decided to go with another candidate for the Site Engineer post.\r\n\r\nMoira Keel\r\nTidemark Talent"), { ownerEmails: [] })).company).toBe("Corran Marine");
    // Known as an agency only by what it does (puts people forward on briefs): the client after the role in the subject.
    expect((await readEmail(mailWithSubject("Update – Risk Analyst for Calder Mutual", "Calder Mutual have chosen another candidate for the Risk Analyst role. I'd love to put you forward for two other briefs."), { ownerEmails: [] })).company).toBe("Calder Mutual");
    expect((await readEmail(mailWithSubject("Terugkoppeling Haven Energie – Controller", "Haven Energie heeft iemand intern gevonden. Ik laat van me horen zodra er een vergelijkbare opdracht binnenkomt."), { ownerEmails: [] })).company).toBe("Haven Energie");
    expect((await readEmail(mailWithSubject("Aggiornamento – Data Engineer per Ostro Energia", "Ostro Energia ha deciso di proseguire con un altro candidato. Ho un paio di nuovi incarichi per te."), { ownerEmails: [] })).company).toBe("Ostro Energia");
  });
  it.each([
    // A consultant at another firm names where the post is, after its title: that organisation decided.
    ["Maeve Colquhoun <maeve@kestrel-people.test>", "I've heard back about the position of Ward Clerk at Harbourside Hospice: they have offered it to someone else.\r\n\r\nMaeve Colquhoun\r\nKestrel People", "Harbourside Hospice"],
    ["Amélie Tremblay <atremblay@verdier-conseil.test>", "Je reviens vers toi au sujet du poste de technicienne comptable à la Caisse populaire de Saint-Ambroise : ils ont retenu une autre candidature.\r\n\r\nAmélie Tremblay\r\nVerdier Conseil", "Caisse populaire de Saint-Ambroise"],
    ["Joana Prates <jprates@altamira-rh.test>", "Escrevo sobre a vaga de auxiliar administrativo na Cooperativa agrícola de Vale Fundo: escolheram outra pessoa.\r\n\r\nJoana Prates\r\nAltamira RH", "Cooperativa agrícola de Vale Fundo"],
    ["Jorge Peña <jpena@altamira-rh.test>", "Te escribo sobre el puesto de auxiliar administrativo en la Fundación Los Olivos: han elegido a otra persona.\r\n\r\nJorge Peña\r\nAltamira RH", "Fundación Los Olivos"],
    // The sender's own organisation named after the post is the employer, not a client.
    ["Ola Berg <ola.berg@fjordlys.test>", "Thank you for interviewing for the position of Store Manager at Fjordlys. We have chosen another candidate.\r\n\r\nOla Berg\r\nFjordlys", "Fjordlys"],
    // Words after the post that are not its title ("the position and for the talks with Dr Brenner") name no one.
    ["Sabine Wirth <s.wirth@alpenquell.test>", "Thank you for your interest in the Head of Supply Chain position and for the open conversations with Dr Brenner and me. We chose another candidate.\r\n\r\nSabine Wirth\r\nAlpenquell Getränke GmbH", "Alpenquell Getränke"],
  ])("%s", async (from, body, want) => {
    expect((await readEmail(forwardFrom(from, body), { ownerEmails: [] })).company).toBe(want);
  });
});

describe("institutions' names", () => {
  it("keeps a possessive that an institution's name goes on after, and only then", () => {
    expect(captureCapitalised("St Oswald's Community Hospital in Leeds", 0)).toBe("St Oswald's Community Hospital");
    expect(captureCapitalised("King's College said", 0)).toBe("King's College");
    expect(captureCapitalised("Brennan's Data Team said no", 0)).toBe("Brennan");
    expect(captureCapitalised("Ashdown's London office", 0)).toBe("Ashdown");
  });
  it.each([
    // The short possessive ("your interest in St Oswald's") stands for the full name the text writes.
    ["Careers <stoswalds@myworkday.com>", "Thank you for applying to St Oswald's Community Hospital. We will not be moving forward with your application. Thank you for your interest in St Oswald's.\r\n\r\nRecruitment Team\r\nSt Oswald's Community Hospital", "St Oswald's Community Hospital"],
    // "University of X" on the domain x.ac: the head noun and its joining words belong to the name.
    ["Lena Marsh <l.marsh@harrowgate.ac.test>", "We have offered the post to another candidate.\r\n\r\nBest wishes,\r\nLena\r\n\r\nProfessor Lena Marsh\r\nDepartment of Chemistry\r\nUniversity of Harrowgate", "University of Harrowgate"],
    ["Rocío Ibarra <r.ibarra@lerma.edu.test>", "Hemos seleccionado a otra persona para la plaza.\r\n\r\nRocío Ibarra\r\nFacultad de Química\r\nUniversidad de Lerma", "Universidad de Lerma"],
    // A phrase that is not an institution's head does not join the name the domain carries.
    ["Lena Marsh <l.marsh@harrowgate.ac.test>", "We have offered the post to another candidate.\r\n\r\nLena Marsh\r\nFriends of Harrowgate", "Harrowgate"],
    // A public body's personnel office in the sender's name; a registered association's name in the signature.
    ["Comune di Valbruna – Ufficio Personale <noreply.personale@valbruna.test>", "Si comunica che la S.V. non è risultata vincitrice della selezione.", "Comune di Valbruna"],
    ["Jana Roth <jana.roth@tafelhaus-lindenau.test>", "Wir haben uns für eine andere Bewerberin entschieden.\r\n\r\nJana Roth\r\nTafelhaus Lindenau e.V.\r\nLindenstraße 3, 04177 Leipzig", "Tafelhaus Lindenau"],
    // The short name in the reply, the full one only in the quoted thread below it.
    ["Jess Moreau <jess@castlemere.test>", "Thank you for your interest in Castlemere: they went with an internal candidate.\r\n\r\nOn Fri, Oct 2, 2026 at 4:30 PM Jess Moreau wrote:\r\n> Castlemere Foods would like to meet you.", "Castlemere Foods"],
    // A name that already says what it is stays as the text mostly writes it.
    ["Cobalt Insurance <cobalt@myworkday.com>", "Thank you for your interest in Cobalt Insurance Group, Inc. We will not be moving forward.", "Cobalt Insurance"],
  ])("%s", async (from, body, want) => {
    expect((await readEmail(forwardFrom(from, body), { ownerEmails: [] })).company).toBe(want);
  });
});

describe("the employer behind an unlisted platform, after 'here at' in other languages, never a pronoun", () => {
  it.each([
    // An organisation's name as the sender on a platform nobody listed; a person's name there is not the employer.
    ["Clínica Vale Verde <avisos@vagasmail.test>", "Agradecemos seu interesse. Infelizmente não seguiremos com sua candidatura.", "Clínica Vale Verde"],
    ["Dana Hale <dana@harbourline.test>", "We have decided to move forward with another candidate.", "Harbourline"],
    ["Grupo Ventura <naoresponda@gupy.io>", "Infelizmente seu perfil não seguirá para as próximas etapas.", "Grupo Ventura"],
    ["Carla Dias <no-reply@hire.lever.co>", "Obrigada por participar do processo aqui na Ipê Seguros. Encerramos o processo para essa vaga.", "Ipê Seguros"],
    ["Avisos <no-reply@hire.lever.co>", "Agradecemos o seu interesse em fazer parte da equipe do Instituto Aurora. Seguiremos com outra pessoa.", "Instituto Aurora"],
    ["Sol Méndez <no-reply@hire.lever.co>", "Gracias por tu tiempo aquí en Cervecería Quilmo; seguimos con otra persona.", "Cervecería Quilmo"],
    // "bei Ihnen": a pronoun written with a capital is nobody's employer.
    ["Petra Lang <p.lang@moorwerk.test>", "Wir haben uns für eine andere Kandidatin entschieden. Wir melden uns im Frühjahr wieder bei Ihnen.", "Moorwerk"],
    // A brewery's customers ("onze klanten") are not an agency's client.
    ["Brouwerij De Kroon <notification@jobvite.com>", "Omdat de functie veel contact heeft met onze klanten in Frankrijk, kiezen we voor een andere kandidaat.", "Brouwerij De Kroon"],
  ])("%s", async (from, body, want) => {
    expect((await readEmail(forwardFrom(from, body), { ownerEmails: [] })).company).toBe(want);
  });
  it("knows Gupy as an ATS, and an ATS's name is never the employer", async () => {
    const r = await readEmail(forwardFrom("Grupo Ventura <naoresponda@gupy.io>", "Infelizmente seu perfil não seguirá."), { ownerEmails: [] });
    expect(r.ats).toBe("gupy");
  });
});

describe("someone relaying another organisation's decision", () => {
  const mail = (from: string, subject: string, body: string) => forwardFrom(from, body, subject);
  it.each([
    // An organisation the subject and the body name, not the sender's own: the sender relays its decision.
    ["Tessa Morgan <tessa@harbourpeople.test>", "Re: Quayside Dairies – line manager role", "I caught up with Quayside Dairies this morning and they have gone with an internal candidate.\r\n\r\nTessa Morgan\r\nHarbour People", "Quayside Dairies"],
    ["Lucía Pardo <lucia@cumbre-consultores.test>", "Devolución Bodegas Arrieta", "Hablé ayer con Bodegas Arrieta y finalmente eligieron a otra persona.\r\n\r\nLucía Pardo\r\nCumbre Consultores", "Bodegas Arrieta"],
    // A search firm's "Mandant", and the engagement its subject names.
    ["Anton Keil <a.keil@keil-partner.test>", "Mandat Mühle Hagedorn – Technischer Leiter (m/w/d)", "Unser Mandant hat sich für einen anderen Kandidaten entschieden.\r\n\r\nAnton Keil\r\nKeil & Partner Executive Search GmbH", "Mühle Hagedorn"],
    // "put you forward" from an in-house recruiter whose own company the body names.
    ["Nadia Flores <nadia.flores@quillfeather.test>", "Your application", "We won't be moving forward with your application. Everyone at Quillfeather Studios enjoyed meeting you, and I'd be glad to put you forward when a senior role opens.", "Quillfeather Studios"],
    // Look-alikes: a thing after a preposition, a file reference, the sender's own name in the subject.
    ["Eva Brandt <eva@lindqvist-energie.test>", "Ihre Bewerbung – Rückmeldung zum Assessment", "Danke für das Assessment. Wir haben uns für eine andere Kandidatin entschieden.\r\n\r\nEva Brandt\r\nLindqvist Energie GmbH", "Lindqvist Energie"],
    ["Gemeente Ooievaart <hr@ooievaart.test>", "Selectie – ref. 2027/PZ/44", "U bent niet geslaagd voor de selectie 2027/PZ/44.", "Gemeente Ooievaart"],
    ["Jo Reyes <jo@fenwick-analytics.test>", "Fenwick Analytics – your application", "Thank you for your interest in Fenwick Analytics. We have chosen another candidate.", "Fenwick Analytics"],
    // The organisation's own mailbox relays nobody's decision; the title in its subject is no client.
    ["The Quillon Inn <people@quilloninn.test>", "Your application - Linen Porter", "Thank you for applying for the Linen Porter vacancy. Unfortunately you have not been shortlisted.\r\n\r\nPeople Team\r\nThe Quillon Inn", "The Quillon Inn"],
    ["Kestrel Air Careers <careers@kestrelair.test>", "Ground Crew - assessment outcome", "Thank you for attending our Ground Crew Assessment Day. You have not been successful this time.\r\n\r\nKestrel Air Recruitment", "Kestrel Air"],
    // A title after "als" in the subject, and a title's field after "für", are no organisation.
    ["Jonas Wirth <j.wirth@moebelhaus-hansen.test>", "AW: Bewerbung als Kommissionierer", "leider haben wir uns für einen anderen Bewerber entschieden.\r\n\r\nJonas Wirth\r\nMöbelhaus Hansen", "Möbelhaus Hansen"],
    // Nor is a town only written in the postal address, a title applied for, or the subject's own words.
    ["Odile Farge <odile.farge@marchal-vidal.test>", "Votre candidature - chef de rayon (H/F) - Angers", "Nous ne donnerons pas suite à votre candidature.\r\n\r\nOdile Farge\r\nMarchal-Vidal SAS\r\n3, rue des Tanneurs - 49000 Angers", "Marchal-Vidal"],
    ["Aileen Brody <aileen.brody@glenmorie-estate.test>", "Gamekeeper Assistant", "Thank you for your interest in the Gamekeeper Assistant opening. We have decided to go with another applicant.\r\n\r\nAileen Brody\r\nGlenmorie Estate", "Glenmorie Estate"],
    ["Jana Holt <jana.holt@kunsthalle-am-see.test>", "Ihre Bewerbung", "Ihre Bewerbung hat uns gefreut, leider können wir sie nicht berücksichtigen.\r\n\r\nJana Holt\r\nKunsthalle am See", "Kunsthalle am See"],
    ["SAP SuccessFactors <noreply@successfactors.com>", "Ihre Bewerbung: Mechatroniker für Kältetechnik", "Leider können wir Ihnen keine Zusage geben.\r\n\r\nMit freundlichen Grüßen\r\nIhr Recruiting-Team\r\nKühlwerk Marbach GmbH", "Kühlwerk Marbach"],
  ])("%s / %s", async (from, subject, body, want) => {
    expect((await readEmail(mail(from, subject, body), { ownerEmails: [] })).company).toBe(want);
  });
});
