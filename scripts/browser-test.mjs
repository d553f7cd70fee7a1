// Browser test: the dashboard in a real browser (Debian's chromium driven by
// playwright-core) against `npm start`. Logs in, forwards a corpus email,
// corrects the company, marks a thank-you note done, snoozes a follow-up,
// downloads the ICS feed and a CSV export, and saves screenshots of each page
// under test-results/. Any console error or page error on any page fails it.
//
//   npm run test:browser            (CHROMIUM=/path/to/chromium to override)
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import ICAL from "ical.js";

const root = new URL("..", import.meta.url).pathname;
process.chdir(root);
const PORT = process.env.BROWSER_TEST_PORT || "8799";
const BASE = `http://localhost:${PORT}`;
const OWNER = "alex.rivera@example.com";
const TOKEN = "browser-test-token-0123456789abcdef";
const OUT = "test-results";
mkdirSync(OUT, { recursive: true });

let passed = 0;
const failures = [];
function check(name, ok, detail = "") {
  if (ok) {
    passed += 1;
    console.log(`  ok   ${name}`);
  } else {
    failures.push(name);
    console.log(`  FAIL ${name}${detail ? `: ${detail}` : ""}`);
  }
}

// --- the server, exactly as a user starts it, on an empty local database ------
const state = mkdtempSync(join(tmpdir(), "rebound-browser-"));
const server = spawn("npm", ["start"], {
  env: { ...process.env, PORT, OWNER_EMAILS: OWNER, API_TOKEN: TOKEN, REBOUND_STATE_DIR: state },
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));
const stopServer = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  rmSync(state, { recursive: true, force: true });
};
process.on("exit", stopServer);

async function waitForServer(timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`npm start exited (${server.exitCode}):\n${serverLog}`);
    try {
      const res = await fetch(`${BASE}/login`);
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`npm start did not answer on ${BASE} within ${timeoutMs / 1000}s:\n${serverLog}`);
}

async function forward(file) {
  const url = `${BASE}/cdn-cgi/handler/email?format=json&from=${encodeURIComponent(OWNER)}&to=rejections@rebound.example.com`;
  const res = await fetch(url, { method: "POST", body: readFileSync(file) });
  if (!res.ok) throw new Error(`forward failed: ${res.status} ${await res.text()}`);
  return res.json();
}

const api = (path) => fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());

async function main() {
  await waitForServer();
  console.log(`rebound is up on ${BASE}`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(`${page.url()}: ${m.text()}`));
  page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  const flash = async () => (await page.locator(".flash").first().textContent())?.trim() ?? "";

  // Log in: an unauthenticated page sends you to /login.
  await page.goto(`${BASE}/`);
  check("a page without login redirects to /login", new URL(page.url()).pathname === "/login");
  await page.screenshot({ path: `${OUT}/login.png`, fullPage: true });
  await page.fill('input[name="token"]', TOKEN);
  await page.click('button:has-text("Log in")');
  check("logging in with API_TOKEN opens the applications page", new URL(page.url()).pathname === "/" && (await page.locator("h1").textContent()) === "Applications");
  const cookies = await context.cookies(BASE);
  const session = cookies.find((c) => c.name === "rebound_session");
  check("the session cookie is HttpOnly, Secure, SameSite=Lax", !!session && session.httpOnly && session.secure && session.sameSite === "Lax");

  // Forward a rejection from the corpus, as Email Routing would deliver it.
  const result = await forward("test/fixtures/corpus/emails/02-gmail-note-greenhouse-final-round.eml");
  check("the forward is accepted", JSON.stringify(result).includes("Acme Robotics"), JSON.stringify(result).slice(0, 200));
  await page.goto(`${BASE}/`);
  check("the application is listed", (await page.locator("table").textContent())?.includes("Acme Robotics") ?? false);
  await page.screenshot({ path: `${OUT}/applications.png`, fullPage: true });

  // Open it.
  await page.click('a:has-text("Acme Robotics")');
  check("the application page opens", /\/applications\/\d+$/.test(page.url()));
  check("the original email is shown", (await page.locator("pre.original").textContent())?.includes("Acme Robotics") ?? false);
  const appPath = new URL(page.url()).pathname;
  await page.screenshot({ path: `${OUT}/application.png` });
  await page.locator("ol.timeline details.draft").first().locator("summary").first().click();
  await page.locator("#timeline").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.getElementById("timeline").offsetTop - 16));
  await page.screenshot({ path: `${OUT}/application-timeline.png` });
  await page.screenshot({ path: `${OUT}/application-full.png`, fullPage: true });
  const mailto = await page.locator('ol.timeline a:has-text("Open in my mail app")').first().getAttribute("href");
  check("drafts have a mailto: link with subject and body", /^mailto:[^?]+\?subject=.+&body=Hi%20/.test(mailto ?? ""), mailto ?? "none");
  const copy = page.locator("ol.timeline button[data-copy]").first();
  check("the copy button appears with the script", await copy.isVisible());
  await copy.click();
  await page.waitForTimeout(200);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  check("copy puts the draft on the clipboard", copied.startsWith("Hi "), copied.slice(0, 40));

  // Correct the company.
  await page.fill('input[name="company"]', "Acme Robotics GmbH");
  await page.click('form[action$="/edit"] button:has-text("Save")');
  check("correcting the company says so", (await flash()).includes("Company set to Acme Robotics GmbH"), await flash());
  check("the heading shows the corrected company", (await page.locator("h1").textContent())?.startsWith("Acme Robotics GmbH") ?? false);

  // Mark a thank-you note done.
  const thankYou = page.locator("ol.timeline > li", { hasText: "Thank-you note" }).filter({ hasText: "Sent to you" }).first();
  await thankYou.locator('button:has-text("Mark done")').click();
  check("marking a thank-you note done says so", /Marked \d+ follow-up\(s\) done/.test(await flash()), await flash());

  // Snooze a follow-up by two weeks.
  const app = (await api(`/api${appPath}`)).application;
  const connect = app.followUps.find((f) => f.kind === "connect" && f.status === "pending");
  const item = page.locator(`#follow-up-${connect.id}`);
  await item.locator('select[name="days"]').selectOption("14");
  await item.locator('button:has-text("Snooze")').click();
  check("snoozing says so", /Snoozed 1 follow-up/.test(await flash()), await flash());
  const after = (await api(`/api${appPath}`)).application.followUps.find((f) => f.id === connect.id);
  check("the follow-up moved two weeks on", Date.parse(after.dueAt) >= Date.parse(connect.dueAt) + 13 * 86400_000, `${connect.dueAt} -> ${after.dueAt}`);
  const done = (await api(`/api${appPath}`)).application.followUps.filter((f) => f.kind === "thank-you" && f.status === "done");
  check("the thank-you note is done in the API too", done.length >= 1);

  // Let the cron run three days from now, so the outbox also holds a follow-up email.
  const cron = await fetch(`${BASE}/cdn-cgi/handler/scheduled?time=${Date.now() + 3 * 86400_000}`);
  check("the cron runs", cron.ok, String(cron.status));

  // Outbox.
  await page.click('nav a:has-text("Outbox")');
  check("the outbox lists the digest", (await page.locator("table").textContent())?.includes("[rebound #") ?? false);
  check("the outbox lists the cron's email too", (await page.locator("table tbody tr").count()) >= 2, String(await page.locator("table tbody tr").count()));
  await page.screenshot({ path: `${OUT}/outbox.png`, fullPage: true });

  // Settings: calendar feed and exports.
  await page.click('nav a:has-text("Settings")');
  await page.click('button:has-text("Create calendar link")');
  const icsUrl = await page.locator("#calendar ~ .card a.token, .card a.token").first().getAttribute("href");
  check("a calendar link is shown", /\/calendar\/[A-Za-z0-9_-]{43}\.ics$/.test(icsUrl ?? ""), icsUrl ?? "none");
  const ics = await page.request.get(icsUrl);
  const icsText = await ics.text();
  writeFileSync(`${OUT}/rebound.ics`, icsText);
  const events = new ICAL.Component(ICAL.parse(icsText)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  check("the ICS parses and holds the pending follow-ups", ics.headers()["content-type"]?.startsWith("text/calendar") && events.length > 0 && events.every((e) => e.summary.includes("Acme Robotics GmbH")), `${events.length} events`);
  check("the snoozed follow-up is in the feed at its new time", events.some((e) => e.startDate.toJSDate().getTime() === Date.parse(after.dueAt)));

  const [download] = await Promise.all([page.waitForEvent("download"), page.click('a:has-text("Applications (CSV)")')]);
  const csvPath = `${OUT}/${download.suggestedFilename()}`;
  await download.saveAs(csvPath);
  const csv = readFileSync(csvPath, "utf8");
  check("the CSV export downloads with the corrected company", /^id,company,role,status/.test(csv) && csv.includes("Acme Robotics GmbH"), csv.slice(0, 120));
  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.click('a:has-text("Everything (JSON)")')]);
  await jsonDownload.saveAs(`${OUT}/${jsonDownload.suggestedFilename()}`);
  check("the JSON export downloads", JSON.parse(readFileSync(`${OUT}/${jsonDownload.suggestedFilename()}`, "utf8")).applications.length === 1);
  await page.goto(`${BASE}/settings`);
  await page.screenshot({ path: `${OUT}/settings.png`, fullPage: true });

  // On a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await phone.addCookies(await context.cookies(BASE));
  const mobile = await phone.newPage();
  mobile.on("console", (m) => m.type() === "error" && consoleErrors.push(`${mobile.url()}: ${m.text()}`));
  mobile.on("pageerror", (e) => consoleErrors.push(`${mobile.url()}: ${e.message}`));
  await mobile.goto(`${BASE}/`);
  await mobile.screenshot({ path: `${OUT}/applications-phone.png`, fullPage: true });
  await mobile.goto(`${BASE}${appPath}`);
  await mobile.screenshot({ path: `${OUT}/application-phone.png` });
  const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check("the application page fits a phone's width", overflow <= 0, `${overflow}px too wide`);

  check("no console errors on any page", consoleErrors.length === 0, consoleErrors.join("\n"));
  await browser.close();
}

try {
  await main();
} catch (error) {
  failures.push(String(error?.stack ?? error));
  console.error(error);
} finally {
  stopServer();
}
console.log(`Screenshots and downloads in ${OUT}/`);
console.log(`browser: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
