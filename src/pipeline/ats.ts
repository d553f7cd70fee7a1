// Applicant tracking systems: their sending domains are never the employer nor a contact.

export interface AtsInfo {
  id: string;
  name: string;
  /** Sending domains (a sender on a subdomain matches too). */
  domains: string[];
  /** Text an ATS leaves in its emails ("Powered by Greenhouse", "Sent via Ashby"). */
  marks: string[];
}

export const ATS_LIST: AtsInfo[] = [
  { id: "greenhouse", name: "Greenhouse", domains: ["greenhouse.io", "greenhouse-mail.io"], marks: ["powered by greenhouse"] },
  { id: "lever", name: "Lever", domains: ["lever.co", "hire.lever.co"], marks: ["via lever", "powered by lever"] },
  { id: "workday", name: "Workday", domains: ["myworkday.com", "workday.com", "myworkdayjobs.com"], marks: ["powered by workday"] },
  { id: "ashby", name: "Ashby", domains: ["ashbyhq.com"], marks: ["sent via ashby", "powered by ashby"] },
  { id: "smartrecruiters", name: "SmartRecruiters", domains: ["smartrecruiters.com", "smartrecruiters.net"], marks: ["via smartrecruiters"] },
  { id: "icims", name: "iCIMS", domains: ["icims.com"], marks: ["powered by icims"] },
  { id: "workable", name: "Workable", domains: ["workablemail.com", "workable.com"], marks: ["sent via workable", "uses workable"] },
  { id: "teamtailor", name: "Teamtailor", domains: ["teamtailor.com", "teamtailor-mail.com"], marks: ["powered by teamtailor", "sent via teamtailor"] },
  { id: "jazzhr", name: "JazzHR", domains: ["applytojob.com", "jazzhr.com", "jazz.co"], marks: ["powered by jazzhr"] },
  { id: "bamboohr", name: "BambooHR", domains: ["bamboohr.com"], marks: ["powered by bamboohr"] },
  { id: "recruitee", name: "Recruitee", domains: ["recruitee.com", "recruiteemail.com"], marks: ["powered by recruitee", "sent via recruitee"] },
  { id: "personio", name: "Personio", domains: ["personio.de", "personio.com", "personio-mail.com"], marks: ["powered by personio"] },
  { id: "jobvite", name: "Jobvite", domains: ["jobvite.com"], marks: ["powered by jobvite"] },
  { id: "taleo", name: "Taleo", domains: ["taleo.net"], marks: ["powered by taleo"] },
  { id: "successfactors", name: "SuccessFactors", domains: ["successfactors.com", "successfactors.eu", "sapsf.com", "sapsf.eu"], marks: [] },
  { id: "breezy", name: "Breezy HR", domains: ["breezy.hr", "breezyhr.com"], marks: ["powered by breezy"] },
  { id: "jobscore", name: "JobScore", domains: ["jobscore.com"], marks: [] },
  { id: "pinpoint", name: "Pinpoint", domains: ["pinpointhq.com"], marks: ["powered by pinpoint"] },
  { id: "rippling", name: "Rippling", domains: ["rippling.com", "ats.rippling.com", "ripplingats.com"], marks: [] },
  { id: "comeet", name: "Comeet", domains: ["comeet.co", "comeet.com"], marks: [] },
  { id: "dover", name: "Dover", domains: ["dover.com", "mail.dover.com"], marks: [] },
  { id: "gem", name: "Gem", domains: ["gem.com"], marks: [] },
  { id: "jobylon", name: "Jobylon", domains: ["jobylon.com"], marks: [] },
  { id: "softgarden", name: "softgarden", domains: ["softgarden.de", "softgarden.io"], marks: [] },
  { id: "join", name: "JOIN", domains: ["join.com"], marks: [] },
  { id: "welcometothejungle", name: "Welcome to the Jungle", domains: ["welcomekit.co", "welcometothejungle.com"], marks: [] },
  { id: "hirehive", name: "HireHive", domains: ["hirehive.com", "hirehive.io"], marks: [] },
  { id: "zohorecruit", name: "Zoho Recruit", domains: ["zohorecruit.com", "zohorecruitmail.com"], marks: [] },
  { id: "oracle", name: "Oracle Recruiting", domains: ["oraclecloud.com"], marks: [] },
  { id: "gupy", name: "Gupy", domains: ["gupy.io", "gupy.com.br"], marks: [] },
  { id: "homerun", name: "Homerun", domains: ["homerun.co"], marks: [] },
  { id: "freshteam", name: "Freshteam", domains: ["freshteam.com"], marks: [] },
  { id: "jobadder", name: "JobAdder", domains: ["jobadder.com"], marks: [] },
  { id: "taleez", name: "Taleez", domains: ["taleez.com"], marks: [] },
  { id: "flatchr", name: "Flatchr", domains: ["flatchr.io"], marks: [] },
];

/** Job boards and networks: not ATS, but not employers either. */
export const JOB_BOARD_NAMES = [
  "linkedin", "indeed", "glassdoor", "monster", "ziprecruiter", "stepstone", "xing", "welcome to the jungle",
  "wellfound", "angellist", "otta", "hired", "dice", "jobnest", "talent.com", "seek", "reed", "totaljobs",
];

let ATS_BY_DOMAIN: Map<string, AtsInfo> | null = null;

export function atsForDomain(domain: string | null | undefined): AtsInfo | null {
  if (!domain) return null;
  if (!ATS_BY_DOMAIN) {
    ATS_BY_DOMAIN = new Map();
    for (const ats of ATS_LIST) for (const dom of ats.domains) if (!ATS_BY_DOMAIN.has(dom)) ATS_BY_DOMAIN.set(dom, ats);
  }
  // The domain itself, then each parent domain ("us.greenhouse-mail.io", "greenhouse-mail.io").
  let d = domain.toLowerCase();
  for (let guard = 0; guard < 10; guard++) {
    const hit = ATS_BY_DOMAIN.get(d);
    if (hit) return hit;
    const dot = d.indexOf(".");
    if (dot < 0) return null;
    d = d.slice(dot + 1);
  }
  return null;
}

/** An ATS named in the body by its usual footer ("Powered by Greenhouse"). */
export function atsForMarks(foldedText: string): AtsInfo | null {
  for (const ats of ATS_LIST) {
    for (const mark of ats.marks) if (foldedText.includes(mark)) return ats;
  }
  return null;
}

/** Whether a name is an ATS or job board's own name (never an employer). */
export function isAtsOrBoardName(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (!n) return false;
  if (JOB_BOARD_NAMES.includes(n)) return true;
  return ATS_LIST.some((a) => a.name.toLowerCase() === n || a.id === n);
}
