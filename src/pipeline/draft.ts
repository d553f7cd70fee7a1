// Ready-to-send messages for each follow-up kind, in the spirit of the playbook
// in DESIGN.md: short, warm, specific, never bitter. Pure: everything comes in.

import type { FollowUpKind } from "./plan.ts";

export interface DraftContext {
  kind: FollowUpKind;
  company: string | null;
  role: string | null;
  contact: { name: string | null; email: string; title: string | null } | null;
  ownerName: string | null;
  /** When the rejection arrived (ms), for "we spoke in October". */
  rejectedAt: number | null;
  /** Whether the contact wrote the rejection (thanked for letting us know) or was met in the process. */
  wroteRejection?: boolean;
  /** For landed-update: where the owner landed. */
  landed?: { company: string; role: string | null } | null;
}

export interface Draft {
  kind: FollowUpKind;
  /** Null for private prompts (self-review) and when no address is known. */
  to: string | null;
  toLabel: string;
  subject: string;
  body: string;
  /** mailto: link carrying to/subject/body; null for private prompts. */
  mailto: string | null;
  /** A one-line hint for the owner, shown next to the draft. */
  tip: string;
}

export function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first && /\p{L}/u.test(first) ? first : null;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function monthName(ms: number | null): string | null {
  return ms === null ? null : MONTHS[new Date(ms).getUTCMonth()]!;
}

/** RFC 6068 mailto: every field percent-encoded so nothing can add a header or recipient. */
export function mailtoLink(to: string | null, subject: string, body: string): string {
  const address = to ? encodeField(to).replace(/%40/g, "@") : "";
  const crlfBody = body.replace(/\r?\n/g, "\r\n");
  return `mailto:${address}?subject=${encodeField(subject)}&body=${encodeField(crlfBody)}`;
}

/** encodeURIComponent, plus the marks it leaves (' ( ) * !): an apostrophe escaped as &#39; in HTML must not become a "#". */
function encodeField(s: string): string {
  return encodeURIComponent(s).replace(/['()*!]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

export function draftMessage(ctx: DraftContext): Draft {
  const company = ctx.company ?? "your company";
  const theRole = ctx.role ? `the ${ctx.role} role` : "the role";
  const hello = `Hi ${firstName(ctx.contact?.name ?? null) ?? (ctx.contact ? "there" : `${ctx.company ?? "hiring"} team`)},`;
  const signOff = ctx.ownerName ? `\n\nBest regards,\n${ctx.ownerName}` : "\n\nBest regards,";
  const spokeIn = monthName(ctx.rejectedAt);
  const paragraphs = (...ps: string[]) => [hello, ...ps].join("\n\n") + signOff;
  const to = ctx.contact?.email ?? null;
  const toLabel = ctx.contact ? (ctx.contact.name ? `${ctx.contact.name} <${ctx.contact.email}>` : ctx.contact.email) : `the ${ctx.company ?? ""} hiring team (no address known: reply to their email)`.replace("  ", " ");

  let subject: string;
  let body: string;
  let tip: string;
  switch (ctx.kind) {
    case "thank-you":
      subject = ctx.role ? `Thank you: ${ctx.role} at ${company}` : `Thank you for your time`;
      body = paragraphs(
        ctx.wroteRejection
          ? `Thank you for letting me know about ${theRole}, and for the time you and the team gave me during the process. I really enjoyed learning how ${company} works.`
          : `Thank you for the time you took to talk with me about ${theRole} at ${company}. I really enjoyed our conversation and learning how the team works.`,
        `I'm disappointed, of course, but my interest in ${company} hasn't changed. If a similar role opens up, I would be glad to be considered, and I'd like to stay in touch.`,
        `Thanks again, and all the best to you and the team.`,
      );
      tip = "Send it tomorrow, after a pause, and make it yours: add one moment from your conversation you appreciated.";
      break;
    case "feedback-request":
      subject = `A quick question about ${theRole}`;
      body = paragraphs(
        `Thank you again for considering me for ${theRole} at ${company}.`,
        `If you have a moment, I'd be grateful for any thoughts on where I could have been stronger. I'm not asking you to revisit the decision, only hoping to grow from the experience. No worries at all if that isn't possible.`,
      );
      tip = "Optional, and only for someone you had real rapport with. Some companies can't give feedback; take any answer graciously.";
      break;
    case "self-review":
      subject = `Your own review: ${ctx.role ?? "the process"} at ${company}`;
      body = [
        `A few private questions while it's fresh (just for you, not for ${company}):`,
        "",
        "1. Which moments of the process went well? What did you say that landed?",
        "2. Which question or task would you answer differently now?",
        "3. What did you learn about what you want from your next role?",
        "4. One thing to practise before your next interview.",
      ].join("\n");
      tip = "Ten minutes of notes now will pay off in your next interview.";
      break;
    case "connect":
      subject = `Connecting`;
      body = `Hi ${firstName(ctx.contact?.name ?? null) ?? "there"}, thank you again for your time during the ${ctx.role ?? ""} process at ${company}. I enjoyed our conversation and would like to stay in touch.`.replace("the  process", "the process");
      tip = "A connection request note (LinkedIn allows 300 characters). Paste it when you add them.";
      break;
    case "value-note":
      if (!ctx.contact) {
        // A dream company: a private nudge to keep following it.
        subject = `Keep an eye on ${company}`;
        body = [
          `${company} is one of your dream companies. Ten minutes today:`,
          "",
          `1. Look at ${company}'s careers page for new openings${ctx.role ? ` near ${ctx.role}` : ""}.`,
          `2. Skim their news, blog and social posts: a launch, a funding round, a talk.`,
          `3. If you find something worth congratulating or sharing, send a short note to someone you met there.`,
        ].join("\n");
        tip = "Dream company, not just dream job: staying close pays off when the next role opens.";
        break;
      }
      subject = `Thought you might find this useful`;
      body = paragraphs(
        `I came across [an article / a talk / a tool] about [a topic close to ${company}'s work] and thought of our conversation${spokeIn ? ` in ${spokeIn}` : ""}.`,
        `[One sentence on why it is relevant to them.]`,
        `Hope all is well at ${company}.`,
      );
      tip = "Only send this if you have something of real value to share (an article, congratulations on news). Never just 'checking in'.";
      break;
    case "check-in":
      subject = ctx.role ? `Checking in: ${ctx.role} at ${company}` : `Checking in from a past candidate`;
      body = paragraphs(
        `We spoke${spokeIn ? ` back in ${spokeIn}` : " a few months ago"} about ${theRole} at ${company}. I hope the team is doing well.`,
        `I'm still very interested in ${company}. If that role, or a similar one, opens again, I would love to be considered, and I'm happy to share what I've been working on since.`,
        `Thank you, and I hope to hear from you.`,
      );
      tip = "About five months on, the hire has often settled in or moved on, and new roles open. A short, friendly note works best.";
      break;
    case "consulting-offer":
      subject = `An offer of help`;
      body = paragraphs(
        `I hope things are going well at ${company}. New teams are often stretched for a while, so I wanted to offer a hand: if there's a project where someone with my background could help on a contract or consulting basis, I'd be glad to talk.`,
        `Either way, I wish you and the team every success.`,
      );
      tip = "Optional. Keep it light and specific to what you can do.";
      break;
    case "landed-update": {
      const where = ctx.landed ? `${ctx.landed.role ? `${ctx.landed.role} at ` : ""}${ctx.landed.company}` : "[new role]";
      subject = `Some news: I've joined ${ctx.landed?.company ?? "[company]"}`;
      body = paragraphs(
        `I wanted to share some news: I've accepted a position as ${where}.`,
        `Thank you again for your time and kindness during the ${ctx.role ?? ""} process at ${company}. It helped me more than you might think. I'd love to stay in touch.`.replace("the  process", "the process"),
      );
      tip = "Tell the people who helped you: it keeps the door open both ways.";
      break;
    }
  }
  const isPrivate = ctx.kind === "self-review" || (ctx.kind === "value-note" && !ctx.contact);
  return {
    kind: ctx.kind,
    to: isPrivate ? null : to,
    toLabel: isPrivate ? "you (private)" : toLabel,
    subject,
    body,
    mailto: isPrivate ? null : mailtoLink(to, subject, body),
    tip,
  };
}
