// Black-box test against `npm start`: forward real corpus emails over HTTP, run
// the cron once a day for 200 simulated days, and check the API's view.
// Run by `npm test` after the Workers-runtime suite; prints "N passed, N failed".
import { readFileSync } from "node:fs";
import PostalMime from "postal-mime";
import { startLocalWorker } from "./lib/local-worker.mjs";

const DAY = 86_400_000;
const corpus = (name) => readFileSync(new URL(`../test/fixtures/corpus/emails/${name}`, import.meta.url));
const results = [];
function check(name, ok, detail = "") {
  results.push({ name, ok });
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `\n     ${detail}`}`);
}

const worker = await startLocalWorker();
const { base, owner, token } = worker;
const auth = { authorization: `Bearer ${token}` };

async function forward(body, from = owner) {
  const res = await fetch(`${base}/cdn-cgi/handler/email?format=json&from=${encodeURIComponent(from)}&to=rejections@rebound.example.com`, { method: "POST", body });
  return res.json();
}
async function applications() {
  return (await (await fetch(`${base}/api/applications`, { headers: auth })).json()).applications;
}

try {
  // A corpus rejection: answered with a draft per person, stored once.
  const first = await forward(corpus("02-gmail-note-greenhouse-final-round.eml"));
  const reply = first.replies?.[0];
  check("the forward is answered once", first.replies?.length === 1, JSON.stringify(first).slice(0, 300));
  const digest = await PostalMime.parse(reply?.raw ?? "");
  const links = [...(digest.html ?? "").matchAll(/href="(mailto:[^"]*)"/g)].map((m) => new URL(m[1].replace(/&amp;/g, "&")));
  check(
    "the reply has a thank-you draft per person, with mailto links",
    /Hi Priya,/.test(digest.text) && /Hi Tom,/.test(digest.text) && links.map((l) => l.pathname).sort().join() === "priya.shah@acme-robotics.test,tom.lee@acme-robotics.test",
    digest.text.slice(0, 300),
  );
  let apps = await applications();
  const acme = apps.find((a) => a.company === "Acme Robotics");
  check("the API lists it with company, role and people", acme?.role === "Controls Engineer" && acme.contacts.length === 2, JSON.stringify(apps).slice(0, 300));
  const again = await forward(corpus("02-gmail-note-greenhouse-final-round.eml"));
  check("a second delivery changes nothing", again.replies?.length === 0 && (await applications()).length === 1);
  const stranger = await forward(corpus("01-gmail-recruiter-subject-role.eml"), "eve@evil.test");
  check("a stranger is refused with a reason", typeof stranger.rejectReason === "string" && stranger.rejectReason.length > 0 && (await applications()).length === 1);
  const noToken = await fetch(`${base}/api/applications`);
  check("the API needs the token", noToken.status === 401);

  // A second application, stopped by replying "stop" to its digest.
  const second = await forward(corpus("01-gmail-recruiter-subject-role.eml"));
  const digestId = second.replies?.[0]?.messageId;
  const subject = /^Subject: (.*)$/m.exec(second.replies?.[0]?.raw ?? "")?.[1] ?? "";
  const stopReply = [
    `From: Alex Rivera <${owner}>`,
    "To: rejections@rebound.example.com",
    `Subject: Re: ${subject}`,
    "Message-ID: <stop-reply@mail.example.com>",
    `In-Reply-To: ${digestId}`,
    `References: ${digestId}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "stop",
    "",
  ].join("\r\n");
  const stopped = await forward(stopReply);
  const confirmation = stopped.replies?.length === 1 ? await PostalMime.parse(stopped.replies[0].raw) : null;
  check("the stop reply is confirmed", /Stopped Halcyon Analytics/.test(confirmation?.text ?? ""), JSON.stringify(stopped).slice(0, 300));

  // 200 days of daily cron runs, at noon UTC.
  const start = Date.now();
  const firstNoon = Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth(), new Date(start).getUTCDate() + 1, 12);
  for (let d = 0; d < 200; d++) {
    const res = await fetch(`${base}/cdn-cgi/handler/scheduled?time=${firstNoon + d * DAY}`);
    if (!res.ok) throw new Error(`cron run ${d} failed: ${res.status} ${await res.text()}`);
  }
  apps = await applications();
  const a = apps.find((x) => x.company === "Acme Robotics");
  const sent = (kind) => a.followUps.filter((f) => f.kind === kind && f.status === "sent").map((f) => Date.parse(f.sentAt)).sort((x, y) => x - y);
  const [selfReview] = sent("self-review");
  const [connect] = sent("connect");
  const [checkIn] = sent("check-in");
  check("self-review, connect and check-in were sent, in that order", selfReview < connect && connect < checkIn, JSON.stringify({ selfReview, connect, checkIn }));
  const rejected = Date.parse(a.rejectedAt);
  const months = (checkIn - rejected) / DAY / 30.44;
  check("the check-in came about five months after the rejection", months >= 4.8 && months <= 5.3, `months=${months.toFixed(2)}`);
  const byContact = new Map();
  for (const f of a.followUps.filter((f) => f.status === "sent" && f.contactEmail)) {
    byContact.set(f.contactEmail, [...(byContact.get(f.contactEmail) ?? []), f]);
  }
  let gapsOk = true;
  let notes = 0;
  for (const list of byContact.values()) {
    const valueNotes = list.filter((f) => f.kind === "value-note").map((f) => Date.parse(f.sentAt)).sort((x, y) => x - y);
    notes += valueNotes.length;
    for (let i = 1; i < valueNotes.length; i++) if (valueNotes[i] - valueNotes[i - 1] < 42 * DAY) gapsOk = false;
  }
  check("value notes went out, at least six weeks apart", notes > 0 && gapsOk, `notes=${notes}`);
  const halcyon = apps.find((x) => x.company === "Halcyon Analytics");
  const afterStop = halcyon.followUps.filter((f) => f.sentAt && Date.parse(f.sentAt) > start + 60_000);
  check("the stopped application sent nothing after stop", halcyon.status === "stopped" && afterStop.length === 0, JSON.stringify(afterStop).slice(0, 300));
  const outbox = (await (await fetch(`${base}/api/outbox`, { headers: auth })).json()).outbox;
  check("every email is in the outbox, sent", outbox.length > 5 && outbox.every((o) => o.status === "sent"), `${outbox.length} entries`);
} catch (error) {
  check("black-box run completed", false, error.stack ?? String(error));
} finally {
  worker.stop();
}

const failed = results.filter((r) => !r.ok).length;
console.log(`\nblackbox: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
