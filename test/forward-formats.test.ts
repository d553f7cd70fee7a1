import { describe, expect, it } from "vitest";
import { readEmail } from "../src/pipeline/read.ts";
import type { Reading } from "../src/pipeline/types.ts";
import { corpus, extra, FORWARD_ADDRESS, NEVER_CONTACTS, OWNER } from "./fixtures/load.ts";
import { CLIENTS, renderForwardEmail, type Client } from "./fixtures/render-forward.ts";
import { FIELDS, formatScore, scoreAll } from "./score.ts";

// Every labelled original, re-forwarded the way each client lays out a forward (in a
// different zone each time), must read the same as its label: reading must not hang
// on the client the owner happens to use.
const OFFSETS = [-240, 120, 330, 0, -480, 60, 540];
const owner = { name: "Alex Rivera", address: OWNER };
const opts = { ownerEmails: [OWNER], forwardAddress: FORWARD_ADDRESS };

describe.each([corpus, extra])("$name originals re-forwarded by each client", (set) => {
  it.each(CLIENTS.map((c, i) => [c, OFFSETS[i % OFFSETS.length]!] as [Client, number]))("%s (offset %i min)", async (client, offset) => {
    const items: { name: string; reading: Reading; label: (typeof set.labels)[string] }[] = [];
    for (const name of Object.keys(set.labels).sort()) {
      const first = await readEmail(set.emails[name]!, opts);
      const raw = renderForwardEmail(first.original, client, offset, first.note ?? "", owner);
      // A client that prints no Reply-To line (Outlook, Yahoo, Proton) drops an address found only there.
      const label = set.labels[name]!;
      const text = atob(raw.split("\r\n\r\n")[1]!.replace(/\r\n/g, ""));
      const kept = { ...label, contacts: label.contacts.filter((c) => text.includes(c)) };
      items.push({ name, reading: await readEmail(raw, opts), label: kept });
    }
    const score = scoreAll(items, NEVER_CONTACTS);
    for (const f of FIELDS) {
      const { pass, total } = score.perField[f];
      expect.soft(pass / total, `${client} ${f}\n${formatScore(score)}\n${score.failures.join("\n")}`).toBeGreaterThanOrEqual(0.98);
    }
  });
});
