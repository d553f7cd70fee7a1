// Phrase tables for classifying a job rejection. Each phrase is matched on
// folded text (lower-case, straight quotes, single spaces). Weights are in [0,1].
// `generic` phrases only count where the text is about a job application.

export interface Phrase {
  text: string;
  weight: number;
  generic?: boolean;
  /** Says what kind of mail it is (alert, newsletter, receipt): counts even in a negated sentence. */
  kind?: boolean;
  /** Process wording that a rejection may also use ("pick a time" for a feedback call): halved beside clear rejection wording. */
  soft?: boolean;
  /** An application kept active that the same clause points at other openings is a talent pool after a no: it does not count. */
  unlessOpenings?: boolean;
  /** A second phrase that must follow within `window` characters. */
  then?: string;
  window?: number;
}

function list(weight: number, texts: string, generic = false): Phrase[] {
  return texts.split("|").map((text) => ({ text, weight, generic }));
}
function kinds(weight: number, texts: string): Phrase[] {
  return texts.split("|").map((text) => ({ text, weight, kind: true }));
}
function near(weight: number, text: string, then: string, window = 80, generic = false): Phrase {
  return { text, then, window, weight, generic };
}

/** Wording that closes the candidate's process. */
export const REJECTION_PHRASES: Phrase[] = [
  // English
  ...list(0.9, "move forward with other candidates|moving forward with other candidates|move forward with another candidate|moving forward with another candidate|move forward with other applicants|moved forward with other candidates|not be moving forward|won't be moving forward|not moving forward with your|not to move forward with your|decided not to move forward|will not move forward with your|not be proceeding with your|won't be proceeding with your|decided not to proceed|not to proceed with your|will not proceed with your|not proceed further with your|pursue other candidates|pursue other applicants|pursuing other candidates|pursuing other applicants|position has been filled|role has been filled|position has now been filled|role has now been filled|position is now filled|we have filled the position|we have filled the role|not been selected|you were not selected|have not been successful|were not successful|was not successful on this occasion|been unsuccessful|unsuccessful on this occasion|went with someone else|going with someone else|gone with someone else|go with someone else|go with another candidate|gone with another candidate|went with another candidate|going with another candidate|decided to go with another|offer to another candidate|offer to a different candidate|offered the position to another|offered the role to another|offered the position to someone|offered the role to someone|offered it to someone|offered the job to|not the right fit|not the right match|selected other candidates|selected another candidate|selected a different candidate|chosen another candidate|chosen a different candidate|chose another candidate|chose a different candidate|chosen to move forward with|chose to move forward with|decided to move forward with a|continue with another candidate|continue with other candidates|proceed with other candidates|proceed with another candidate|proceeding with other candidates|proceeding with another candidate|move ahead with another candidate|move ahead with other candidates|moving ahead with other candidates|moving ahead with another candidate|won't be extending an offer|will not be extending an offer|not be extending you an offer|not extend an offer|not be offering you|unable to offer you|not able to offer you|won't be progressing your application|will not be progressing your application|not be progressing your application|not progressing your application|not progress your application|not be progressing with your|not be taking your application further|not to take your application further|unable to progress your application|not be advancing your|won't be advancing your|not advance your application|go in a different direction|going in a different direction|not be moving ahead with your|decided not to continue with your|not be continuing with your|no longer being considered|no longer under consideration|not be considered further|will not be invited to|not be inviting you|decided not to offer you|decided to close the position|decided not to fill the|will not be filling the|cancelled the position|canceled the position|cancelled the requisition|canceled the requisition|closed the requisition|position has been closed|role has been closed|position has been cancelled|position has been canceled|role has been eliminated|position has been eliminated|no longer hiring for|closing the role|close the role|closing the position|close the position"),
  ...list(0.9, "closed all open applications|closed all applications|closed your application|closing all applications|application has been closed|application is now closed|no longer able to consider|hiring freeze has forced us to close|freeze has forced us to cancel"),
  near(0.9, "cancelled the ", " position", 60),
  near(0.9, "canceled the ", " position", 60),
  near(0.9, "cancelled the ", " role", 60),
  near(0.9, "canceled the ", " role", 60),
  near(0.9, "closed the ", " position", 60),
  near(0.9, "closed the ", " role", 60),
  ...list(0.9, "pursue candidates whose|pursuing candidates whose|move forward with candidates whose|moving forward with candidates whose|proceed with candidates whose|not been shortlisted|not shortlisted|not been short-listed|not able to move your application forward|unable to move your application forward|not move your application forward|hired another candidate|hired someone else|hired a candidate|have made a hire|made an offer to another|extended an offer to another|offer to someone else|another candidate has accepted|filled this position|filled the position|go another way|went another way|going another way|opted to move forward with another|opted for another candidate|opted to go with|chosen to proceed with|not able to progress|unable to proceed with your|not be considered for|regret to tell you|not be able to offer you|will not be offering you|won't be offering you|not selected to move forward|not selected for the next|not been chosen"),
  ...list(0.8, "unsuccessful", true),
  ...list(0.85, "withdrawn the position|withdrawn the role|role has been withdrawn|position has been withdrawn|niet uit te nodigen|niet verder in behandeling|afgewezen|abgelehnt|n'est pas retenue|n'est pas retenu|non idone|non in linea con|reprovad"),
  ...list(0.9, "not selected for further consideration|not been selected for further consideration|decided not to make an offer|not to make an offer|not in a position to make an offer|unable to make an offer|not reach the level of confidence|won't be extending you|will not be extending you|not be extending you|won't be making you an offer|will not be making an offer|not be making you an offer|won't be offering you|not going to be extending"),
  ...list(0.85, "decided to keep looking|continue our search|continue the search|not the right match|going to pass on|decided to pass|not be able to offer|go with candidates|go with a candidate|going with a candidate|went with a candidate|selected a candidate|chosen a candidate|not the best fit|not a good fit|not a strong fit|isn't the right fit|wasn't the right fit|not quite the right fit|aren't able to move forward|are not able to move forward|decided not to advance|not to progress your|decided not to progress|not be progressing|move in a different direction|moving in a different direction|different direction"),
  // more German, French, Spanish, Italian, Dutch, Portuguese wording
  ...list(0.85, "den vorzug gegeben|keine zusage|nicht in betracht|nicht weiter berücksichtigt|nicht berücksichtigt werden|anderen kandidaten entschieden|andere kandidatin entschieden|anderen bewerber entschieden|pas de suite favorable|pas pu être retenue|pas pu être retenu|ne sera pas retenue|ne sera pas retenu|pas été sélectionné|d'autres candidats|un autre candidat|une autre candidate|ne pas poursuivre|ne donnerons pas suite|ne pourrons pas y donner suite|otro perfil|otros perfiles|hemos optado por|no continuará en el proceso|no continuarás en el proceso|no podremos continuar|no seguir avanzando|non è stato possibile proseguire|altri profili|abbiamo individuato un altro|abbiamo scelto un altro|non prosegui|niet geselecteerd|niet verder in de procedure|niet verder in het proces|gekozen voor een andere|besloten om met een andere|não foi possível avançar|não avançará|outro perfil|outros perfis|não seguirá no processo|não daremos seguimento|não vamos avançar"),
  ...list(0.85, "not been successful|was not successful|were not successful|application was unsuccessful|application has been unsuccessful|extend an offer to another|move ahead with another|moving ahead with another|moved ahead with another|hire another candidate"),
  // German, French, Spanish, Italian, Dutch, Portuguese: more of the same families
  ...list(0.85, "keine stelle anbieten|kein angebot machen|kein angebot unterbreiten|nicht weiter im auswahlverfahren|nicht im weiteren auswahlverfahren|im weiteren verfahren nicht|profil ne correspond pas|ne correspond pas aux|ne correspond pas à|ne correspondait pas|d'autres profils|d'autres candidatures|autre profil|choisi un candidat|choisi une candidate|correspond davantage|correspondent davantage|correspond mieux|plus en adéquation|no vamos a seguir adelante|no seguiremos adelante|no seguir adelante|no se ajusta|no encaja|no ha sido seleccionada|no has sido seleccionada|otras personas candidatas|non procedere|di non proseguire|non proseguiremo|non è stato selezionato|gekozen voor een kandidaat|gekozen voor iemand|beter aansluit|beter past bij|niet verder|optamos por não|não dar seguimento|não avançar|não vamos prosseguir|não prosseguir|outras candidaturas|perfil não foi selecionado"),
  // "move ahead" as well as "move forward"; any verb between "decided not to" and "your application".
  ...list(0.9, "not to move ahead with|not move ahead with your|not be moving ahead with|won't be moving ahead|not moving ahead with your|not to take your application forward|not be taking your candidacy|not to proceed further"),
  near(0.85, "decided not to ", " your application", 50),
  near(0.85, "decided not to ", " your candidacy", 50),
  // The process goes on with other people, in every language ("continuar el proceso con otras personas"): a verb of
  // going on before the other people, so "hablar con otra persona del equipo" does not count.
  ...list(0.85, "proceso con otr|adelante con otr|avanzar con otr|seguir con otr|continuar con otr|proseguir con altr|procedere con altr|processo con altr|avanti con altr|continuare con altr|seguir com outr|avançar com outr|prosseguir com outr|continuar com outr|processo com outr|procedure met andere|proces met andere|prozess mit anderen|verfahren mit anderen|weiter mit anderen|processus avec d'autres|with other people whose|with other finalists|with another finalist|with the other finalist|with one of the other finalists|with a different finalist", true),
  // The offer goes to someone else, the candidate's file is closed, someone else was chosen.
  ...list(0.85, "the offer to another|offer to the other finalist|offer to a different finalist|close out your application|closing out your application|closed out your application|close out your candidacy|closing out your candidacy|close your application|closing your application|we chose a candidate|we chose someone|we have chosen someone|we've chosen someone|we selected someone|we have selected someone|we've selected someone|we chose another|we chose a different|they chose another|they chose a different"),
  // Someone else was chosen, in every language ("für jemand anderen", "hemos seleccionado a otra persona"):
  // a verb of choosing with another person as its object ("escolhemos outra data" is a new date, not a rejection).
  ...list(0.85, "decided to hire someone|decided to hire another|decided to hire a different|chose to hire someone|chosen to hire someone|go a different way|going a different way|went a different way|für jemand anderen|für jemand anders|für eine andere person|retenu quelqu'un d'autre|choisi quelqu'un d'autre|iemand anders gekozen|voor een andere kandidaat", true),
  // German: the post goes to someone else ("die Position ... mit einer Kandidatin zu besetzen").
  ...list(0.85, "kandidatin zu besetzen|kandidaten zu besetzen|bewerberin zu besetzen|bewerber zu besetzen|anderweitig zu besetzen|anderweitig besetzt|person zu besetzen, die"),
  ...list(0.85, "keine positivere nachricht|keine bessere nachricht|keine erfreulichere nachricht|keine erfreulichen nachrichten|keine positiveren nachrichten|nicht die erhoffte nachricht|keine andere nachricht"),
  ...list(0.75, "bedauern, ihnen|bedauern ihnen|bedauern sehr, ihnen|wir bedauern, dir|wir bedauern dir|nous regrettons de|lamentamos tener que|ci dispiace doverle|ci dispiace doverti|het spijt ons|wij betreuren|we betreuren|lamentamos ter de|lamentamos ter que", true),
  // French: "pas (en mesure de) donner (une) suite (favorable)".
  near(0.85, " pas ", "suite favorable", 50),
  near(0.85, " pas en mesure de ", "donner suite", 30),
  near(0.85, " pas possible de ", "donner suite", 30),
  // "not in a position to" in every language (generic: only in an application context).
  ...list(0.75, "ne sommes pas en mesure de|ne sommes malheureusement pas en mesure de|no estamos en condiciones de|no nos es posible|nicht in der lage|niet in staat|não estamos em condições de|não nos é possível|non siamo nelle condizioni di", true),
  near(0.9, "offer the ", " to a candidate", 80),
  near(0.9, "offer the ", " to another", 80),
  near(0.9, "offered the ", " to another", 80),
  near(0.85, "decided to ", "other candidates", 60),
  near(0.85, "decided to ", "another candidate", 60),
  ...list(0.7, "have to pass this time|have to pass on your|'ll have to pass|decided to pass on|we will pass on|closer match|more closely match|more closely matches|more closely align|more closely aligned|better match for|better fit for|better suited to|whose experience is a closer|whose experience more closely|whose qualifications better|whose profile better|whose background better"),
  ...list(0.75, "regret to inform you|regret to let you know|we regret that|regret to advise|sorry to let you know|sorry to say that|sorry to share that|sorry to tell you|i'm afraid we|afraid we won't|afraid we will not|afraid we have decided|not in a position to offer|unable to move forward|not able to move forward|decided not to pursue|not to pursue your", true),
  ...list(0.5, "after careful consideration|after much consideration|after careful review|this was a difficult decision|this was a tough decision|it was a tough call|not an easy decision|wasn't an easy decision|this decision was not easy|difficult decision", true),
  ...list(0.2, "unfortunately|regrettably|sadly|disappointing", true),
  ...list(0.2, "keep your resume on file|keep your cv on file|keep your details on file|keep your information on file|hold on to your details|keep you in mind for future|encourage you to apply for future|encourage you to keep an eye|apply for future|future openings|future opportunities|future roles|best of luck with your search|best in your search|success in your search|luck in your search|luck with your job search|future endeavors|future endeavours", true),
  // "It won't work out", "it's a no", in the seven languages.
  ...list(0.85, "it's a no|is a no this time|a no this time|a no from us|won't work out|didn't work out|not going to work out|isn't going to work out|not going to be a match|isn't going to be a match|nicht klappen|nicht geklappt|hat es leider nicht gereicht|ça ne se fera pas|n'a pas abouti|no ha podido ser|no ha sido posible esta vez|non è andata|non andrà in porto|gaat het niet worden|wordt het helaas niet|niet gelukt|não vai dar|não deu certo|não foi dessa vez|não foi desta vez"),
  // Not the news the reader hoped for, and more ways of saying it went to someone else, in the seven languages.
  ...list(0.6, "not the news you were hoping|not the news you'd hoped|isn't the news you|not the answer you were hoping|not the outcome you were hoping|not the outcome you'd hoped|not what you wanted to hear|isn't what you wanted to hear|not what you wanted to read|isn't what you wanted to read|not what you were hoping to hear|wish i had better news|wish we had better news|had hoped to bring better news|nicht die nachricht, die sie sich|nicht die antwort, die sie sich|nicht die erhoffte|pas la réponse que vous espériez|pas la réponse que tu espérais|pas la nouvelle que vous espériez|pas la nouvelle que tu espérais|no es la respuesta que esperabas|no es la respuesta que esperaba|no es la noticia que esperabas|no son las noticias que esperabas|non è la risposta che speravi|non è la notizia che speravi|non è la risposta che sperava|niet het nieuws waarop je hoopte|niet het antwoord waarop je hoopte|had je graag beter nieuws|had u graag beter nieuws|não é a resposta que você esperava|não é o que você queria ouvir|não é a notícia que você esperava|não é a notícia que esperava"),
  // Nobody is being taken on: the answer to a speculative enquiry.
  ...list(0.85, "aren't able to take anyone on|not able to take anyone on|unable to take anyone on|can't take anyone on|cannot take anyone on|not taking anyone on|not in a position to take anyone on|not hiring at the moment|aren't hiring at the moment|not recruiting at the moment|aren't recruiting at the moment|derzeit keine einstellungen|momentan keine einstellungen|ne recrutons pas actuellement|no estamos contratando|non stiamo assumendo|nemen momenteel niemand aan|não estamos contratando|não estamos a contratar"),
  ...list(0.85, "isn't going your way|not going your way|didn't go your way|hasn't gone your way|wasn't meant to be this time|the other finalist has|the other finalist had|the other finalist was|the other candidate had|the candidate we chose|the candidate we selected|the person we hired|going to keep looking|keep looking for someone|não rolou|não vai rolar|no se pudo dar|no va a poder ser|ce ne sera pas pour cette fois|ce n'est pas pour cette fois|pas pour cette fois|diesmal leider nicht|hat es leider nicht gepasst|is het niet geworden|het is helaas niet geworden|non è andata in porto|si chiude qui|accepted our offer this|has accepted our offer|have accepted our offer|they accepted our offer|who accepted our offer|won't be hiring anyone|not hiring anyone|não vai contratar ninguém|no vamos a contratar a nadie|non assumeremo nessuno|n'embaucherons personne|niemanden einstellen|niemand aannemen|ne se rendra pas jusqu'à"),
  ...list(0.7, "process ends here|termina aqui|se encerra aqui|acaba aqui|termina aquí|acaba aquí|s'arrête ici|s'arrête là|endet hier|eindigt hier|stopt hier", true),
  // Passing on the candidate, but not passing something along ("we'll pass your details to the team").
  ...list(0.85, "pass for now|pass this time|pass on this one|going to pass.|going to pass,|have to pass.|have to pass,|we'll pass.|i'll pass."),
  // Reasons that close the candidacy: overqualified, no visa sponsorship, the role no longer exists.
  ...list(0.75, "overqualified|over-qualified|überqualifiziert|surqualifié|sobrecualificad|sovraqualificat|overgekwalificeerd|sobrequalificad|unable to sponsor|not able to sponsor|cannot sponsor|can't sponsor|don't sponsor|do not sponsor|not in a position to sponsor|no longer exists|gibt es nicht mehr|n'existe plus|ya no existe|non esiste più|bestaat niet meer|já não existe|não existe mais", true),
  ...list(0.4, "restructuring|reorganisation|reorganization|umstrukturierung|restructuration|reestructuración|riorganizzazione|reorganisatie|reestruturação", true),
  // A selection exam's outcome, as public employers and graduate schemes write it.
  ...list(0.85, "did not pass the assessment|did not pass the test|did not pass the exam|did not pass the written|did not pass this stage|did not pass the screening|have not passed the assessment|has not passed the assessment|did not reach the pass mark|below the pass mark|did not meet the pass mark|nicht bestanden|mindestpunktzahl nicht erreicht|n'avez pas réussi|n'as pas réussi|pas été admis|pas été admise|no ha superado|no has superado|no ha resultado apto|no ha resultado apta|non ha superato|non hai superato|non è risultato idoneo|non è risultata idonea|niet geslaagd bent|niet geslaagd voor|não passou na|não passou no|não atingiu a pontuação mínima"),
  // German
  ...list(0.85, "absage|für eine andere kandidatin entschieden|für einen anderen kandidaten entschieden|für einen anderen bewerber entschieden|für eine andere bewerberin entschieden|für andere kandidaten entschieden|für andere bewerber|anderweitig entschieden|nicht berücksichtigen|nicht weiter berücksichtigen|nicht in die engere wahl|keine positive nachricht|keine positive rückmeldung|keine positiven nachrichten|nicht für sie entschieden|stelle wurde bereits besetzt|stelle ist bereits besetzt|stelle bereits besetzt|bereits anderweitig besetzt|bereits vergeben|nicht weiterverfolgen|nicht weiter verfolgen|nicht weiter zu berücksichtigen|nicht positiv entschieden|müssen ihnen leider mitteilen|müssen wir ihnen mitteilen|leider mitteilen, dass|leider absagen"),
  near(0.85, "für andere", "entschieden", 80),
  near(0.85, "für eine andere", "entschieden", 80),
  near(0.85, "für einen anderen", "entschieden", 80),
  ...list(0.25, "leider|bedauerlicherweise", true),
  // French
  ...list(0.85, "pas été retenue|pas été retenu|n'avons pas retenu|ne pas retenir votre|ne pouvons pas donner suite|ne pas donner suite|pas donner une suite favorable|ne pourrons pas donner suite|notre choix s'est porté sur|choix s'est porté sur un autre|autre candidat|autres candidats|autre candidature|ne correspond pas à nos|poste a été pourvu|poste est pourvu|regrettons de vous informer|sommes au regret|avons le regret"),
  ...list(0.25, "malheureusement|au regret", true),
  // Spanish
  ...list(0.85, "lamentamos informarle|lamentamos informarte|lamentamos comunicarle|lamentamos comunicarte|sentimos comunicarle|sentimos informarle|no ha sido seleccionad|no has sido seleccionad|no ha resultado seleccionad|otros candidatos|otro candidato|otra candidata|otras candidaturas|no continuar con su candidatura|no seguir adelante con su candidatura|no seguir adelante con tu candidatura|no avanzar con su candidatura|no avanzar con tu candidatura|el puesto ya ha sido cubierto|la vacante ha sido cubierta|hemos decidido no continuar"),
  ...list(0.25, "desafortunadamente|lamentablemente|por desgracia", true),
  // Italian
  ...list(0.85, "non è stata selezionata|non è stato selezionato|non sei stato selezionato|non sei stata selezionata|altri candidati|altro candidato|altra candidata|altri profili|non proseguire con la sua candidatura|non proseguire con la tua candidatura|non possiamo proseguire|non potremo proseguire|non siamo in grado di proseguire|esito negativo|non è stata accolta|siamo spiacenti di comunicarle|siamo spiacenti di comunicarti|ci dispiace comunicarle|ci dispiace comunicarti|la posizione è stata coperta"),
  ...list(0.25, "purtroppo|sfortunatamente", true),
  // Dutch
  ...list(0.85, "afwijzing|niet verder gaan met je sollicitatie|niet verder gaan met uw sollicitatie|niet verder te gaan|niet verder met je|niet verder met uw|niet door naar de volgende|andere kandidaat|andere kandidaten|voor een andere kandidaat gekozen|de keuze is gevallen op|keuze is niet op jou gevallen|keuze is niet op u gevallen|niet voor jou gekozen|niet voor u gekozen|geen passende match|vacature is inmiddels ingevuld|vacature is ingevuld|niet uitnodigen|moeten wij u meedelen|moeten we u meedelen|moeten we je meedelen|moeten wij je meedelen|moeten wij u helaas meedelen|moeten we je helaas meedelen"),
  ...list(0.25, "helaas|jammer genoeg", true),
  // Portuguese
  ...list(0.85, "não foi selecionad|não foi aprovad|outros candidatos|outro candidato|outra candidata|não seguiremos com a sua candidatura|não seguir com a sua candidatura|não avançar com a sua candidatura|não avançaremos com a sua|decidimos seguir com outros|decidimos seguir com outro|lamentamos informar|vaga já foi preenchida|a vaga foi preenchida|optamos por outro|optamos por seguir|não dar continuidade|não daremos continuidade"),
  ...list(0.25, "infelizmente|lamentavelmente", true),
];

/** The owner's own word, in the note, for what the forward is ("Rejected after the case study", "Mais um não"). */
export const NOTE_REJECTION_PHRASES: Phrase[] = list(
  0.6,
  "rejected|rejection|another no|a no from|turned me down|didn't get it|did not get it|didn't get the job|no offer|absage|abgelehnt|" +
    "refus|refusé|refusée|rechazo|rechazado|rechazada|me rechazaron|no me eligieron|otro no|rifiuto|scartato|scartata|un altro no|" +
    "afgewezen|afwijzing|weer een nee|recusa|recusado|recusada|reprovado|reprovada|mais um não|outro não",
);

/** Wording of look-alikes: the process goes on, or the mail is something else. */
export const LOOKALIKE_PHRASES: Phrase[] = [
  // interview invitations, scheduling, confirmations
  ...list(0.85, "invite you to interview|invite you to an interview|invite you to a |invite you to an |invite you for an interview|invite you for a |like to invite you|love to invite you|pleased to invite you|happy to invite you|invitation to interview|interview invitation|schedule an interview|schedule your interview|interview is confirmed|interview has been confirmed|confirming your interview|interview confirmation|calendar invitation is attached|calendar invite is attached|einladen|einladung zum|einladung zu einem|vous inviter|vous convier|invitarle a|invitarte a|invitarla a|invitarti a|invitarla a|uitnodigen voor|uitnodiging voor|convidar para|convidá-lo|gostaríamos de convidar"),
  ...list(0.85, "zu einem gespräch ein|zu einem vorstellungsgespräch ein|zum gespräch ein|zu einem persönlichen gespräch|convenir d'un rendez-vous|fixer un entretien|planifier un entretien|agendar una entrevista|programar una entrevista|le invitamos a|te invitamos a|fissare un colloquio|organizzare un colloquio|gesprek in te plannen|agendar uma entrevista|marcar uma entrevista"),
  ...list(0.8, "ihre verfügbarkeit|terminvorschläge|terminvorschlag|vos disponibilités|su disponibilidad|tu disponibilidad|la tua disponibilità|la sua disponibilità|je beschikbaarheid|uw beschikbaarheid|sua disponibilidade|ihnen eine zusage|vertragsangebot|proposition d'embauche|promesse d'embauche|propuesta de contratación|carta oferta|proposta di assunzione|ihre bewerbung ist eingegangen|wir werden ihre unterlagen|nous reviendrons vers vous|étudier votre candidature|revisaremos tu candidatura|revisaremos su candidatura|valuteremo la tua candidatura|valuteremo la sua candidatura|nemen je sollicitatie in behandeling|vamos analisar"),
  // Scheduling and warm wording: rejections offer feedback calls too, so these weigh less beside clear rejection wording.
  ...list(0.85, "still interviewing|still reviewing|still meeting|still speaking with|get back to you by|back to you next week|back to you later this week|be in touch soon|in touch shortly|schedule a call|schedule a time|pick a time|book a time|select a time|choose a time|pick a slot|book a slot|your availability|times that work|windows that work|slots are available|calendly.com|we will be in touch|will be in touch if|congratulations").map((p) => ({ ...p, soft: true })),
  // next round / moving forward with the candidate
  ...list(0.85, "next round|next stage|move you forward|moving you forward|move you to the|advance you to|progress you to|invite you to the next|pleased to let you know that you|happy to let you know that you|great news|nächste runde|prochaine étape|siguiente fase|próxima fase|prossima fase|volgende ronde|volgende fase"),
  // offers
  ...list(0.9, "pleased to offer|like to offer you|love to offer you|happy to offer you|thrilled to offer|delighted to offer|offer you the|offer letter|formal offer|extend an offer to you|extend you an offer|welcome to the team|welcome aboard|freuen uns, ihnen|vous proposer le poste|ofrecerte el puesto|ofrecerle el puesto|offrirti|aanbieden|oferecer-lhe|" +
    "lettera di offerta|lieta di comunicarle|lieto di comunicarle|offrirle la posizione|offrirle il posto|offrirle il ruolo|lettre d'offre|heureux de vous proposer|heureuse de vous proposer|" +
    "carta de oferta|ofrecerle la posición|ofrecerte la posición|arbeitsvertrag|vertragsentwurf|arbeidsovereenkomst|aanbiedingsbrief|carta-proposta|carta proposta|oferecer-lhe a vaga|oferecer-te a vaga"),
  // received your application, and its "if you don't hear from us" clause
  // (kinds: "if you do not hear from us … we are not able to proceed" carries its own negation)
  ...list(0.85, "acknowledge receipt|confirm receipt|accusons réception|accusons bonne réception|accusé de réception|eingangsbestätigung|empfangsbestätigung|acuse de recibo|acusamos recibo|conferma di ricezione|confermiamo la ricezione|ontvangstbevestiging|bevestigen de ontvangst|confirmamos a receção|confirmamos o recebimento|aviso de recebimento").map((p) => ({ ...p, soft: true })),
  ...kinds(0.85, "no has recibido respuesta|no ha recibido respuesta|si no recibes respuesta|si no recibe respuesta|caso não receba|caso não seja contactad|se não receber|niets gehoord|niets van ons gehoord|" +
    "only shortlisted candidates will be contacted|only successful candidates will be contacted|only selected candidates will be contacted|apenas os candidatos selecionados|solo se contactará|solo contactaremos|alleen contact op met geselecteerde|nur ausgewählte|seuls les candidats retenus seront contactés|solo i candidati selezionati|" +
    "if you do not hear from us|if you don't hear from us|if you haven't heard from us|if you have not heard from us|sans retour de notre part|sans réponse de notre part|sans nouvelles de notre part|sans nouvelle de notre part|si no recibes noticias|si no has recibido noticias|se non riceverai notizie|se non avrà notizie|als je niets van ons hoort|als u niets van ons hoort|caso não receba retorno|caso não tenha retorno|sollten sie innerhalb|falls sie innerhalb|solltest du innerhalb"),
  // A receipt that goes on to say no ("nous avons bien reçu votre candidature … ne pouvons pas y donner suite") is a rejection.
  ...list(0.8, "received your application|we have received your|application has been received|application was received|successfully submitted|successfully applied|we will review your application|will be reviewing your application|review your qualifications|review your application and|if your background is a match|if your qualifications match|if your skills match|if your experience matches|will contact you to discuss next steps|eingang ihrer bewerbung|ihre bewerbung ist bei uns eingegangen|bewerbung erhalten|avons bien reçu votre candidature|bien reçu votre candidature|hemos recibido tu candidatura|hemos recibido su candidatura|abbiamo ricevuto la tua candidatura|abbiamo ricevuto la sua candidatura|je sollicitatie ontvangen|uw sollicitatie ontvangen|recebemos a sua candidatura|recebemos sua candidatura").map((p) => ({ ...p, soft: true })),
  // rescheduling
  ...list(0.85, "need to reschedule|have to reschedule|reschedule your interview|rescheduling your interview|postpone your interview|move your interview|updated calendar invitation|new time for your interview|verschieben|reprogrammer|reprogramar|riprogrammare|verzetten|ausweichen|alternativtermin|ersatztermin|neuen termin"),
  // "unseren Termin am Donnerstag absagen": a meeting called off, not the candidate.
  near(0.85, "termin", "absagen", 30),
  // take-home assignments
  ...list(0.8, "take-home assignment is|take-home exercise is|take-home challenge|coding challenge|coding exercise|technical assessment|please complete|complete it by|submit it by|submit your solution|submission deadline|within 48 hours|within 72 hours|hackerrank|codility|coderbyte|codesignal|testgorilla|assessment link"),
  // recruiter outreach
  ...kinds(0.8, "came across your profile|came across your background|i'm partnering with|i am partnering with|partnering with a|would you be open to|are you open to|open to a quick|open to new opportunities|interested in learning more|exciting opportunity|reach out about an opportunity|a role that might interest you|thought you might be interested|my client is|our client is|" +
    "saw your profile|noticed your profile|your profile caught my eye|would you be interested in|" +
    "bin auf ihr profil gestoßen|bin auf dein profil gestoßen|ihr profil ist mir aufgefallen|dein profil ist mir aufgefallen|hätten sie interesse an|hättest du interesse an|wären sie offen für|wärst du offen für|" +
    "j'ai vu votre profil|j'ai découvert votre profil|votre profil a retenu mon attention|ton profil a retenu mon attention|seriez-vous ouvert|seriez-vous ouverte|seriez-vous intéressé|serais-tu intéressé|" +
    "vi tu perfil|vi su perfil|he visto tu perfil|he visto su perfil|te interesaría|le interesaría|estarías abierto|estarías abierta|estaría abierto|estaría abierta|" +
    "ho visto il suo profilo|ho visto il tuo profilo|ho notato il suo profilo|ho notato il tuo profilo|chiamata conoscitiva|sarebbe interessato a|sarebbe interessata a|saresti interessato|saresti interessata|" +
    "je profiel gezien|uw profiel gezien|kwam je profiel tegen|kwam uw profiel tegen|sta je open voor|staat u open voor|zou je interesse hebben|zou u interesse hebben|" +
    "vi o seu perfil|vi seu perfil|vi o teu perfil|encontrei seu perfil|encontrei o seu perfil|teria interesse em|estaria aberto a|estaria aberta a"),
  // job alerts and profile views
  ...kinds(0.95, "job alert|new jobs for|new jobs match|jobs match your|jobs you may be interested|recommended jobs|jobs for you|see all jobs|view job:|easy apply|viewed your profile|who viewed your profile|profile views|search appearances|appeared in searches"),
  // the candidate's own decline or withdrawal
  ...kinds(0.9, "decided to decline|decline the offer|decline your offer|decline your kind offer|withdraw my application|withdraw my candidacy|withdrawing my application|accepted another offer|accepted an offer elsewhere|accepted a position elsewhere|accepted another position|not to accept the offer|will have to decline|must respectfully decline|respectfully decline|" +
    "anderes angebot angenommen|ein angebot angenommen|nicht anzutreten|stelle nicht antreten|meine bewerbung zurückziehen|j'ai accepté une autre offre|j'ai accepté une offre|retirer ma candidature|" +
    "he aceptado otra oferta|retirar mi candidatura|ho accettato un'altra offerta|ritirare la mia candidatura|ander aanbod aangenomen|mijn sollicitatie intrekken|aceitei outra proposta|retirar a minha candidatura|retirar minha candidatura"),
  // the one chosen said no, so the role is open again ("she has just declined it; can we talk again?")
  ...list(0.9, "declined our offer|turned down our offer|turned our offer down|but she declined|but he declined|but they declined|she has just declined|he has just declined|they have just declined|has since declined|hat unser angebot abgelehnt|hat das angebot abgelehnt|a décliné notre offre|a décliné l'offre|rechazó nuestra oferta|ha rechazado la oferta|ha rifiutato la nostra offerta|ha rifiutato l'offerta|heeft ons aanbod afgewezen|heeft het aanbod afgewezen|recusou a nossa proposta|recusou nossa proposta"),
  // another role was filled; this application goes on
  ...kinds(0.9, "doesn't affect your application|does not affect your application|won't affect your application|which remains open|is still open|davon nicht betroffen|läuft weiter|n'est pas concernée|reste ouverte|sigue abierta|sigue en curso|no se ve afectada|è ancora aperta|è ancora aperto|resta aperta|blijft lopen|loopt gewoon door|staat nog open|continua aberta|continua em andamento|não é afetada"),
  // the recruiter acknowledging the candidate's own withdrawal
  ...kinds(0.9, "at your request|as you requested|per your request|respect your decision|your decision to withdraw|your request to withdraw|closed as requested|withdrawn as requested|withdraw from consideration|you've decided to withdraw|you have decided to withdraw|you decided to withdraw|you've withdrawn|you have withdrawn|withdrawn at your request|your withdrawal|auf ihren wunsch|auf deinen wunsch|deine entscheidung|retirée à votre demande|retiré à votre demande|clôturée à votre demande|close à votre demande|annulée à votre demande|votre décision|ta décision|a petición tuya|tu decisión|a tua decisão|la tua decisione|su sua richiesta|je besluit|uw besluit|op je verzoek|op uw verzoek|a seu pedido|conforme solicitado"),
  // reference checks: the process goes on
  ...list(0.85, "reference check|reference checks|your references|provide references|two references|three references|referees|referenzgeber|ihre referenzen|vos références|tes références|tus referencias|sus referencias|le sue referenze|le tue referenze|je referenties|uw referenties|suas referências"),
  // hiring freeze that keeps the application alive: it says so outright
  // ... also with an adverb between: "Ihre Bewerbung bleibt selbstverständlich aktiv".
  // The application itself, not a profile kept in a talent pool after a no.
  ...[
    near(0.85, "bewerbung bleibt", "aktiv", 50), near(0.85, "application remains", "active", 50), near(0.85, "candidature reste", "active", 50),
    near(0.85, "candidatura resta", "attiva", 50), near(0.85, "sollicitatie blijft", "actief", 50), near(0.85, "candidatura sigue", "activa", 50),
    near(0.85, "candidatura continua", "ativa", 50),
    ...list(0.85, "sigues activo|sigues activa|sigue activa|resta attiva|rimane attiva|reste active|reste actif|bleibt aktiv|blijft actief|continua ativa|permanece ativa|keep your application active|application will remain active|application remains active|remain active in our"),
  ].map((p) => ({ ...p, unlessOpenings: true })),
  ...list(0.85, "resume the process|resume the search|resume hiring|when hiring resumes|once the freeze|once hiring resumes|reach back out when|will be in touch once"),
  // ... or only pauses, which yields to a clear closing ("on hold indefinitely, and we are closing all applications")
  ...list(0.85, "en pausa|en suspenso|in pausa|in sospeso|en pause|mis en pause|mise en pause|pausiert|auf eis gelegt|gepauzeerd|in de wacht|em pausa|em espera|on hold|paused the search|pause the search|paused hiring|pausing the search|pausing the process|paused the process").map((p) => ({ ...p, soft: true })),
  // newsletters, receipts, conferences
  // Receiving "this newsletter" is bulk mail, whatever its articles say about rejections.
  ...kinds(0.9, "receiving this newsletter|receive this newsletter|erhalten diesen newsletter|recevez cette newsletter|recevez cette lettre d'information|recibes este boletín|recibe este boletín|ricevi questa newsletter|riceve questa newsletter|ontvangt deze nieuwsbrief|ontvang je deze nieuwsbrief|recebe esta newsletter|recebes esta newsletter"),
  ...kinds(0.6, "newsletter|read more:|this week:|forward this to a friend|manage preferences|view in browser|view this email in your browser|you're receiving this because|you are receiving this because|you subscribed|order number|your order|receipt for|invoice|payment received|amount paid|call for proposals|your proposal|your talk|speaking slot|program committee|programme committee|your abstract|your manuscript|your paper"),
  ...kinds(0.3, "unsubscribe|webinar|promo code|discount code"),
];

/** Words that say the text is about a job application. */
export const JOB_CONTEXT_WORDS = [
  "application", "applying", "applied", "candidacy", "candidate", "position", "role", "interview", "recruit", "hiring",
  "opening", "vacancy", "resume", "résumé", "your cv", "job", "team", "bewerbung", "stelle", "kandidat", "bewerber",
  "candidature", "poste", "candidat", "recrutement", "entretien", "candidatura", "puesto", "selección", "vacante",
  "entrevista", "posizione", "selezione", "colloquio", "sollicitatie", "vacature", "functie", "kandidaat", "vaga",
  "cargo", "processo seletivo", "ruolo", "curriculum", "lebenslauf", "currículo", "sollicit", "postul",
];

/** Words a rejection's subject often carries. */
export const REJECTION_SUBJECT_WORDS = [
  "unsuccessful", "regret", "not selected", "rejection", "absage", "refus", "rechazo", "esito", "afwijzing", "recusa",
];

/** Words that, in the same sentence, turn a look-alike phrase around ("won't ... next stage"). */
export const NEGATIONS = [
  " not ", "n't ", " no longer", " unable ", " nicht ", " kein", " pas ", " no ", " non ", " niet ", " geen ", " não ", " never ",
  " nor ", " rather than ",
];
