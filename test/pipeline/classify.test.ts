import { describe, expect, it } from "vitest";
import { parseEmail } from "../../src/pipeline/parse.ts";
import { unwrapForward } from "../../src/pipeline/unwrap.ts";
import { classifyRejection } from "../../src/pipeline/classify.ts";

const OWNER = "alex.rivera@example.com";

async function classify(body: string, subject = "Your application", from = "Pat Lee <pat@acme.test>") {
  const raw = `From: Alex Rivera <${OWNER}>\r\nTo: r@rebound.test\r\nSubject: Fwd: ${subject}\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\n\r\n---------- Forwarded message ---------\r\nFrom: ${from}\r\nDate: Mon, Oct 5, 2026 at 9:00 AM\r\nSubject: ${subject}\r\nTo: <${OWNER}>\r\n\r\n${body.replace(/\n/g, "\r\n")}`;
  return classifyRejection(unwrapForward(await parseEmail(raw), { ownerEmails: [OWNER] }));
}

describe("classifyRejection", () => {
  it.each([
    ["Thank you for applying for the Analyst role. We have decided to move forward with other candidates."],
    ["Thanks for your interest in the position. Unfortunately we will not be moving forward with your application."],
    ["vielen Dank für Ihre Bewerbung. Leider haben wir uns für eine andere Kandidatin entschieden."],
    ["Merci pour votre candidature. Nous sommes au regret de vous informer que votre candidature n'a pas été retenue."],
    ["Gracias por su candidatura. Lamentamos informarle que hemos decidido continuar con otros candidatos."],
    ["Grazie per la sua candidatura. Purtroppo abbiamo deciso di proseguire con altri candidati."],
    ["Bedankt voor je sollicitatie. Helaas hebben we besloten niet verder te gaan met je sollicitatie."],
    ["Obrigado pela sua candidatura. Infelizmente a sua candidatura não foi selecionada."],
    ["Because of a hiring freeze we have cancelled the Analyst position and closed all open applications."],
    ["Thanks for your time with the team. We ended up going with someone else for the role."],
    ["Thanks for interviewing for the role. We have decided not to take your application further; sign up for job alerts on our careers site to hear about new openings."],
    ["Thank you for your application. We have decided not to pursue your candidacy. Create a personalised job alert so you never miss an opening."],
    ["Danke für Ihre Bewerbung. Wir haben uns entschlossen, die Stelle mit einer anderen Kandidatin zu besetzen."],
    ["Merci pour votre candidature. Nous ne pouvons malheureusement pas y apporter une suite favorable."],
    ["Gracias por su candidatura al puesto. No estamos en condiciones de ofrecerle el puesto."],
    ["Thanks for interviewing for the Planner role. Unfortunately, we can't move you forward in the process."],
    ["Thank you for applying for the Planner role. We won't be progressing with your application."],
    ["Thanks for your application for the Planner role; it has not been successful on this occasion."],
    ["Merci pour l'entretien. Nous avons choisi un candidat dont le profil correspond davantage au poste."],
    ["Grazie per il colloquio. Abbiamo deciso di non procedere con la sua candidatura."],
    ["Obrigado pelo seu interesse na vaga. Após análise, optamos por não dar seguimento à sua candidatura."],
    ["Gracias por tu interés en el puesto. Hemos decidido continuar el proceso con otras personas cuyo perfil encaja mejor."],
    ["Obrigado pela entrevista para a vaga. Decidimos seguir com outra pessoa para esta posição."],
    ["Bedankt voor je sollicitatie. We gaan verder met een andere kandidaat voor deze functie."],
    ["Thanks for the final round for the Analyst role. We have decided to extend the offer to another finalist."],
    ["Thanks for following up on your application. We're going to close out your application for the Analyst role."],
    ["Vielen Dank für Ihre Bewerbung auf die Stelle. Wir haben uns für jemand anderen entschieden."],
    ["Gracias por tu candidatura al puesto. Hemos seleccionado a otra persona para la vacante."],
    ["Grazie per la candidatura per la posizione. Ci siamo orientati su un altro profilo."],
    ["Obrigado pela candidatura à vaga. Escolhemos outra pessoa para a posição."],
    ["Bedankt voor je sollicitatie op de functie. We hebben voor iemand anders gekozen."],
    ["Merci pour votre candidature au poste. Nous avons retenu une autre personne."],
    // A selection exam's outcome, as public employers and graduate schemes write it.
    ["Thank you for sitting the written assessment for the Graduate Analyst scheme. You did not reach the pass mark this time."],
    ["Gentile candidato, la informiamo che non è risultato idoneo alla prova orale del concorso per Istruttore amministrativo."],
    ["Estimada candidata: le comunicamos que no ha superado la fase de entrevista para el puesto de Técnica de laboratorio."],
    ["Geachte mevrouw, na de gesprekken moeten wij u meedelen dat de commissie een andere keuze heeft gemaakt."],
    // A pause that closes the applications is a rejection, whatever else it says about the pause.
    ["Thanks for your patience. The Planner role has been put on hold indefinitely after a funding change, and we are closing all applications for it."],
    // The French formula ends "… favorable à votre demande": no withdrawal "at your request".
    ["Madame, après examen, nous ne pouvons pas réserver une suite favorable à votre demande. Bonne continuation."],
    // A receipt that goes on to say no.
    ["Nous avons bien reçu votre candidature spontanée. Aucun poste ne correspond à ce jour, nous ne pouvons donc pas y donner suite."],
    // A receipt's wording yields to a clear no; "not selected for further consideration".
    ["Nous accusons réception de votre candidature au poste d'agent d'accueil. Nous sommes au regret de vous informer qu'elle n'a pas été retenue."],
    ["After a review of your application for Groundskeeper, we regret that it was not selected for further consideration."],
    // A no that keeps the application on file for other openings: a talent pool, not a paused process.
    ["We have chosen another candidate for the Library Assistant post. Your application remains active in our database for other positions you may apply to."],
    ["Leider haben wir uns für eine andere Bewerberin entschieden. Ihre Bewerbung bleibt für künftige Stellen in unserem Pool aktiv."],
    // No offer after the last round, with an offer of a call about the feedback.
    ["The panel met on Friday and decided not to make an offer for the Buyer role. Happy to walk you through the feedback; send me times that work."],
    // An answer to a speculative enquiry: nobody is being taken on.
    ["Thanks for writing to the workshop about a job. We aren't able to take anyone on until the spring, I'm afraid.", "Re: Enquiry"],
    // "We appreciated your availability" thanks, it asks for nothing.
    ["Abbiamo apprezzato la tua disponibilità. Tuttavia abbiamo deciso di proseguire con altri profili.", "Aggiornamento"],
  ])("is a rejection: %s", async (body, subject = "Your application") => {
    const c = await classify(body, subject);
    expect(c.isRejection, c.reasons.join("\n")).toBe(true);
    expect(c.confidence).toBeGreaterThanOrEqual(0.5);
    expect(c.reasons.some((r) => r.startsWith("rejection wording"))).toBe(true);
  });

  it.each([
    // Passing a test, or failing at something else, is not failing the selection.
    ["Sie haben den Online-Test bestanden. Wir laden Sie gern zum Gespräch über die Stelle ein."],
    ["We zijn er niet in geslaagd om een datum te vinden; kunt u uw beschikbaarheid voor het gesprek delen?"],
    ["The courier did not pass the parcel to reception, so please bring your ID to the interview on Monday."],
    // A pause alone, or one that keeps the applications open, decides nothing.
    ["The Planner role is on hold while budgets are reviewed. No decision has been made and your application stays with us."],
    ["The Planner search is on hold for now. We are not closing applications, and we will write again in January."],
    ["We'd love to invite you to a 45-minute interview for the Analyst role. Please pick a time that works."],
    ["Gracias por tu candidatura al puesto. En la entrevista vas a hablar con otra persona del equipo; elige un horario."],
    ["Obrigado pela candidatura à vaga. Escolhemos outra data para a sua entrevista: quinta-feira às 10h."],
    ["You are one of three finalists for the Analyst role. The other finalists will interview next week, and we will be in touch."],
    ["We have received your application for the Analyst position and will review it shortly."],
    ["I'm thrilled to offer you the Analyst position! Your offer letter is attached."],
    ["Great news - we'd like to move you to the next round for the Analyst role."],
    ["Unfortunately, we need to reschedule your interview for the Analyst position. Would Tuesday work?"],
    ["I came across your profile and would you be open to a quick call about a role?"],
    // Outreach in the other languages, with a "sadly" about something else.
    ["Ho visto il suo profilo: purtroppo la posizione di Analista non è ancora pubblicata, ma sarebbe interessato a una chiamata conoscitiva?"],
    ["Ich bin auf Ihr Profil gestoßen. Hätten Sie Interesse an einem kurzen Austausch über eine Stelle als Analyst?"],
    ["Vi tu perfil y creo que encajas. ¿Te interesaría hablar esta semana sobre un puesto de analista?"],
    // A meeting called off and moved, an offer under a sober subject, the candidate's own decline.
    ["Leider muss ich unseren Termin am Freitag absagen. Können wir auf Dienstag ausweichen?"],
    // The recruiter confirming the candidate's withdrawal; a freeze that keeps the application alive, with an adverb between.
    ["We've received your request to withdraw from consideration, and your application has been closed as requested."],
    // Another role was filled; this application goes on. A receipt whose "no news means no" is conditional.
    ["The Shift Lead vacancy has now been filled. This doesn't affect your application for Stock Assistant, which remains open."],
    ["Die Stelle als Schichtleitung ist besetzt. Ihre Bewerbung als Lagerist ist davon nicht betroffen und läuft weiter."],
    ["Hemos recibido tu candidatura. Si en un plazo de 15 días no has recibido respuesta, entiende que no has sido seleccionada."],
    ["Confirmamos a receção da sua candidatura. Caso não receba contacto em três semanas, considere que não foi selecionada."],
    // Someone else was chosen, then said no: the role is open again.
    ["We offered the Planner role to another candidate last month, but he declined to stay where he is. Could we talk again this week?"],
    // A receipt's "no news means no", with its own negation; a newsletter about rejections.
    ["Nous avons bien reçu votre candidature. Sans nouvelle de notre part d'ici un mois, considérez que nous ne pouvons pas y donner une suite favorable."],
    ["Eine Absage tut weh. In dieser Ausgabe: wie Sie im Gespräch bleiben. Sie erhalten diesen Newsletter, weil Sie sich angemeldet haben.", "Absage erhalten? Karriereblick 11/2026"],
    ["Leider verzögert sich das Auswahlverfahren. Ihre Bewerbung bleibt selbstverständlich aktiv, wir melden uns im Januar."],
    ["Sono lieto di comunicarle che abbiamo deciso di offrirle il posto di Buyer. In allegato la lettera di offerta.", "Esito del colloquio"],
    ["Leider habe ich mich entschieden, die Stelle nicht anzutreten: ich habe ein anderes Angebot angenommen.", "Absage"],
    ["Because of a hiring freeze the Analyst role is on hold. We will keep your application active."],
    ["The Library Assistant post is frozen until the new budget. Your application remains active and we will be in touch once the freeze lifts."],
    // The word for a rejection, denied; the clause after the colon is not under that denial.
    ["Helaas zetten we de vacature Planner tijdelijk stil. Dit is uitdrukkelijk geen afwijzing: je sollicitatie blijft actief tot we verder kunnen."],
    ["Our hiring for the Planner role is paused until spring. To be clear, this is not a rejection; your application remains active."],
    ["The next step for the Analyst role is a take-home exercise. Please complete it within 72 hours."],
    ["Your job alert: 12 new jobs for Analyst near Berlin. See all jobs."],
    ["Thanks for your application for the Analyst role. We are still interviewing other candidates and will get back to you by Friday."],
    ["Thank you for applying. Please don't hesitate to reach out if you have questions about your application."],
    ["Thanks for applying. We will not be able to look at your application until next week, as the team is travelling."],
    ["Great news: we can't wait to move you to the next round for the Analyst role. Please pick a time."],
    ["Please don't forget to complete your profile so we can move your application forward."],
    ["Our newsletter this week: \"we have decided to move forward with other candidates\" appears in most templates. Read more: https://x.test"],
    ["After careful consideration, we regret to inform you that your proposal was not selected for the conference program.", "Decision on your proposal"],
    ["After careful consideration, we regret to inform you that your proposal was not selected for the conference program.", "Your application"],
  ])("is not a rejection: %s", async (body, subject = "Your application") => {
    const c = await classify(body, subject);
    expect(c.isRejection, c.reasons.join("\n")).toBe(false);
    expect(c.confidence).toBeLessThan(0.5);
  });

  it("ignores look-alike wording that is negated ('won't ... next stage')", async () => {
    const c = await classify("Thanks for interviewing for the role. I'm afraid we won't be progressing your application to the next stage.");
    expect(c.isRejection).toBe(true);
  });

  it("never counts the owner's own message (declining an offer) as a rejection", async () => {
    const c = await classify("Thank you for the offer for the role. I have decided to decline the offer as another candidate... I mean offer is a closer match.", "Re: Offer", `Alex Rivera <${OWNER}>`);
    expect(c.isRejection).toBe(false);
    expect(c.reasons).toContain("the original was written by the owner");
  });

  it("reads only the newest message of a thread", async () => {
    const c = await classify("We have decided to move forward with another candidate for the role.\n\nOn Fri, Nov 6, 2026 at 3:30 PM Pat Lee <pat@acme.test> wrote:\n> We'd love to invite you to an interview. Please pick a time.");
    expect(c.isRejection).toBe(true);
  });
});

describe("classifyRejection with a feedback call", () => {
  it("stays a rejection when it offers to schedule a call", async () => {
    const c = await classify("We have decided to move forward with other candidates for the Analyst role. If you'd like feedback, feel free to pick a time on my calendar.");
    expect(c.isRejection, c.reasons.join("\n")).toBe(true);
  });
});

// Clause rules (src/pipeline/clauses.ts): wordings written for these tests, not taken from any fixture.
describe("classifyRejection by clause structure", () => {
  it.each([
    ["Thanks for meeting the team about the Planner role. In the end we hired a candidate with more retail experience."],
    ["Thanks again for the chat. We've settled on someone already based in Lisbon."],
    ["Thank you for interviewing for the Planner role. We offered the job to an internal applicant who knows our systems."],
    ["Gracias por la entrevista para el puesto. Al final hemos apostado por un perfil con más experiencia en logística."],
    ["Gracias por tu candidatura. Por motivos presupuestarios hemos cancelado el proceso para este puesto."],
    ["Gracias por tu interés en el puesto. No vamos a poder seguir adelante con tu candidatura."],
    ["Grazie per il colloquio per la posizione. Alla fine abbiamo preferito puntare su una candidata con più esperienza."],
    ["Grazie per la candidatura. Non potremo andare avanti con lei nel processo di selezione."],
    ["Merci pour votre candidature au poste. Nous nous sommes orientés vers un profil plus expérimenté."],
    ["Merci pour l'entretien. Nous avons décidé de ne pas poursuivre avec votre candidature."],
    ["Bedankt voor het gesprek over de vacature. We hebben de functie intern ingevuld."],
    ["Obrigado pela entrevista para a vaga. Optamos por avançar com um candidato com mais experiência em vendas."],
    ["Vielen Dank für Ihre Bewerbung. Wir haben uns für einen Bewerber mit mehr Branchenerfahrung entschieden."],
    ["Vielen Dank für Ihre Bewerbung. Wir können Ihre Bewerbung leider nicht weiter berücksichtigen."],
    ["Vielen Dank für Ihr Interesse an der Stelle. Wir haben das Auswahlverfahren wegen einer Umstrukturierung eingestellt."],
    ["Thanks for applying to Harbor Labs. The role you applied for was filled by a referral last week."],
    ["Merci pour votre candidature. Le poste a finalement été pourvu en interne."],
    ["Thank you for your application. I'm writing to say we won't be taking things further."],
    ["Thanks for the interview. We can't offer you the role this time."],
    ["Danke für deine Bewerbung. Wir haben uns für Bewerber*innen entschieden, die mehr Erfahrung mitbringen."],
    ["Thanks for the final round. The team has decided to extend the offer to someone whose background is closer to the brief."],
    ["Thanks for meeting us. We've decided to fill the Analyst role internally."],
    ["Thanks for interviewing for the Analyst role. Given the budget for the position was cut last week, we cannot continue."],
    ["Thank you for applying to the Analyst role. As we are unable to sponsor work visas, we won't be able to take this further."],
    ["Thanks for applying to the Analyst role. We think you would be overqualified for it and would likely not be challenged."],
    ["Merci pour votre candidature. Votre dossier ne sera finalement pas retenu pour ce poste."],
    ["Bedankt voor je sollicitatie. We nemen jouw sollicitatie helaas niet mee in de volgende fase."],
    ["Obrigado pela candidatura à vaga. O processo seletivo foi encerrado sem contratação."],
    ["Gracias por tu candidatura. Decidimos cubrir el puesto con una compañera del área de ventas."],
    ["Merci pour l'entretien. Nous avons décidé de poursuivre avec des candidats plus expérimentés."],
    ["Thank you for applying. After review, your application will not be progressed to the next stage."],
    ["Thanks for the case study for the role. We are not able to extend an invitation to the next stage."],
    ["Thanks for the call and the mockups. I'm going to pass for now; we need someone with marketplace experience."],
    ["Obrigado pela entrevista. Optamos por seguir com outro candidato. Quero agradecer sua disponibilidade e a conversa."],
    ["Thanks for the onsite for the role. The panel met and we've landed on someone else for this one."],
    ["Thanks for applying to the role. The hiring team has elected to pursue applicants whose experience maps more closely to it."],
    ["Thanks for the chat about the role. I'm afraid it's a no this time."],
    ["Thanks for interviewing with the team for the role. Finance froze hiring, so we've closed the Staff Analyst search entirely."],
    ["Danke für das Gespräch. Wir haben die Stelle mit einer Kollegin aus unserem eigenen Haus besetzt."],
    ["Danke für deine Bewerbung. Deshalb wird es mit uns dieses Mal leider nicht klappen."],
    ["Grazie per la candidatura. Non è stato possibile dare seguito alla sua candidatura per la posizione."],
    ["Bedankt voor je sollicitatie. We gaan in de procedure niet met je verder."],
    ["Gracias por postularte a la vacante. No seguiremos adelante con tu postulación. Te invitamos a seguir nuestras vacantes en el portal de empleo."],
    // Thanks for the candidate's availability is not a request for it.
    ["Obrigado pela sua disponibilidade nas últimas semanas. Decidimos seguir com uma candidata com mais experiência para a vaga."],
    // More verbs of choosing, and other registers (voseo, Brazilian informal, Swiss-German word order).
    ["Thanks for the onsite for the Planner role. After a long debate the role went to someone who has run a warehouse team."],
    ["Thank you for your time on the Planner role. We've offered it to a candidate with more supply-chain experience."],
    ["Gracias por las charlas sobre el puesto. Al final nos inclinamos por alguien con experiencia en retail."],
    ["Gracias por venir a las entrevistas. No vamos a seguir con vos en el proceso para el puesto."],
    ["Merci pour l'entrevue pour le poste. Nous avons arrêté notre choix sur un profil plus senior."],
    ["Valeu pela conversa sobre a vaga! Acabamos fechando com uma pessoa que já conhecia o time."],
    ["Vielen Dank für das Gespräch. Die Position werden wir leider nicht mit Ihnen besetzen."],
    ["Grazie per il colloquio per la posizione. Alla fine la scelta è caduta su un altro profilo."],
    ["Bedankt voor het gesprek over de vacature. Onze keuze is gevallen op een andere kandidaat."],
    ["Thanks for the chats about the Analyst role. We've made a call and it isn't going your way this time."],
    ["Quick update on the Analyst contract: the client is going to keep looking for someone who has run dbt in production."],
    // heldout9's shapes, in new words: a decision that came down on someone's side, a candidacy that stops, a withdrawn requisition.
    ["Thanks for the onsite for the Planner role. The panel came down on the side of someone who has done this twice before."],
    ["Thank you for applying for the Planner role. Your application won't be going through to the interview stage this time."],
    ["Thank you for the interviews for the Planner role. We decided to continue the process with other person who knows SAP."],
    ["Thank you for your interest in the Planner role. This requisition has been withdrawn and will not be filled."],
    ["Besten Dank für das Gespräch zur Stelle. Den Zuschlag hat ein Kandidat aus der Region erhalten."],
    ["Merci pour ta candidature au poste. On a choisi quelqu'un qui connaît déjà notre outil."],
    ["Obrigado pela candidatura à vaga. Sua candidatura não vai seguir para a próxima etapa."],
    ["Bedankt voor je sollicitatie op de vacature. We nodigen je helaas niet uit voor een gesprek."],
    ["Grazie per la candidatura per il ruolo. Abbiamo chiuso con un'altra persona del settore."],
  ])("is a rejection: %s", async (body, subject = "Your application") => {
    const c = await classify(body, subject);
    expect(c.isRejection, c.reasons.join("\n")).toBe(true);
    expect(c.reasons.some((r) => r.startsWith("rejection wording"))).toBe(true);
  });

  it.each([
    // A comma ends the clause: the next steps go on, and someone else will call.
    ["Thanks for applying to the Planner role. We'd like to proceed with next steps, someone from our team will call you this week."],
    // Another person, but not chosen instead of the candidate.
    ["Thanks for your application for the Planner role. In the interview you will meet another person from the team; please pick a time."],
    ["Gracias por tu candidatura al puesto. Vas a continuar el proceso con una entrevista técnica; elige un horario."],
    // The process is closed for applications, and the candidate is in it.
    ["Thanks for applying. Applications for the Planner role are now closed and we will invite shortlisted candidates next week."],
    // The recruiter acknowledges the candidate's own withdrawal; a reference check goes on.
    ["Thanks for letting us know. As you requested, we have withdrawn your application for the Analyst role and closed your file."],
    ["Thanks for the final interview for the Analyst role. Could you send contact details for two references so we can complete a reference check?"],
    // A receipt's "if you don't hear from us" clause; a pause that says the search was not closed.
    ["Nous accusons réception de votre candidature au poste. Sans retour de notre part sous quatre semaines, considérez que nous ne pouvons pas donner une suite favorable à votre candidature."],
    ["Gracias por tu paciencia con el puesto. Hemos puesto en pausa el proceso; no hemos cerrado la vacante y sigues activo en el proceso."],
    ["Thanks for your patience on the Analyst role. To be clear, the role has not been filled and your candidacy stays open."],
    ["Thanks for your application. We'll pass your details to the hiring team for the Analyst role."],
    // Hypothetical: the process closes later, with the candidate in it.
    ["Gracias por tu candidatura al puesto. Cuando el proceso esté cerrado te avisaremos; mientras tanto, elige un horario para la entrevista."],
    // Hypothetical: the role is not filled yet.
    ["Thanks for applying for the Planner role. We will let every applicant know once the position is filled; for now, please pick an interview slot."],
    // "not" inside another word, and a negation that governs something else.
    ["Thanks for applying for the Planner role. We will notify you as we move your application forward; please pick a time."],
    ["Thanks for applying for the Planner role. If we don't hear back, we'll move your application forward anyway. Please pick a time."],
    ["We reviewed many applications for the Planner role and selected you over other candidates! Please pick a time for the next round."],
    // The new verbs of choosing where nobody else was chosen: an offer, a file passed on, a meeting arranged.
    ["Vielen Dank für das Gespräch. Die Stelle möchten wir sehr gerne mit Ihnen besetzen, anbei unser Angebot."],
    ["Great news on the Planner role: the panel selected you over the other finalists! Please pick a time to talk through the offer."],
    ["Thanks for applying for the Planner role. Your file has gone to a colleague in the hiring team; please pick a time for a first call."],
    ["Gracias por tu candidatura al puesto. Quedamos el jueves con una persona del equipo técnico para la entrevista; elige un horario."],
    // A negation before the process: the freeze pauses it, nothing is decided.
    ["Obrigado pela paciência com a vaga. Isto não significa que o processo tenha terminado: a sua candidatura continua ativa."],
  ])("is not a rejection: %s", async (body) => {
    const c = await classify(body);
    expect(c.isRejection, c.reasons.join("\n")).toBe(false);
  });
});

describe("classifyRejection and the owner's note", () => {
  const withNote = async (note: string, body: string) => {
    const raw = `From: Alex Rivera <${OWNER}>\r\nTo: r@rebound.test\r\nSubject: Fwd: Your application\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\n\r\n${note}\r\n\r\n---------- Forwarded message ---------\r\nFrom: Pat Lee <pat@acme.test>\r\nDate: Mon, Oct 5, 2026 at 9:00 AM\r\nSubject: Your application\r\nTo: <${OWNER}>\r\n\r\n${body}`;
    return classifyRejection(unwrapForward(await parseEmail(raw), { ownerEmails: [OWNER] }));
  };
  // Says nothing of an outcome ("we hope our paths cross again" would: it closes rejections).
  const neutral = "Here is the agenda for Thursday's open day for the Analyst role: a tour at ten, lunch at noon.";

  it("counts the owner's own word for it", async () => {
    const c = await withNote("Rejected after the case study.", neutral);
    expect(c.isRejection, c.reasons.join("\n")).toBe(true);
    expect(c.reasons).toContain('your note says "rejected" (+0.60)');
    expect((await withNote("Mais um não. Guardar o contacto.", neutral)).isRejection).toBe(true);
  });

  it("not when the note negates it or talks about rejection in general", async () => {
    expect((await withNote("Not a rejection, just keeping it in one place.", neutral)).isRejection).toBe(false);
    expect((await withNote("Keine Absage, nur verschoben.", neutral)).isRejection).toBe(false);
    expect((await withNote("Good read on rejection emails.", neutral)).isRejection).toBe(false);
  });

  it("takes the owner's denial over wording that reads like a rejection", async () => {
    const c = await withNote("Not a rejection, they just write like this.", "Thanks for your time with the team. We hope our paths cross again.");
    expect(c.isRejection, c.reasons.join("\n")).toBe(false);
    expect(c.byWording).toBe(false);
    expect(c.reasons).toContain("your note says it is not a rejection");
    // Only an outright denial: a negation elsewhere in the note denies nothing.
    for (const note of ["Die nächste Absage, nicht mal ein Telefonat.", "Agency rejection, no idea who the client was.", "Not even a rejection exactly, they just killed the job."]) {
      expect((await withNote(note, neutral)).reasons).not.toContain("your note says it is not a rejection");
    }
  });
});
