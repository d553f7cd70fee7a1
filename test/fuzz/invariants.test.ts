// The fuzz harness's invariant checker must itself catch partial writes, or a
// clean fuzz run would prove nothing: each broken state below is one a split
// batch or a lost statement would leave.

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { deliver } from "../helpers/email.ts";
import { forwardWith, OTHER } from "../security/helpers.ts";
import { brokenInvariants, INVARIANTS } from "./harness.ts";

const run = (sql: string) => env.DB.prepare(sql).run();

describe("the invariant checker", () => {
  it("finds nothing wrong after a normal forward", async () => {
    await deliver(forwardWith({ cc: "tom.lee@acme-robotics.test", ccName: "Tom Lee" }));
    expect(await brokenInvariants()).toEqual([]);
  });

  // D1 enforces foreign keys, so a broken state points at a row that exists but is the wrong one.
  const SAM = "(SELECT id FROM owners WHERE email = 'sam.owner@example.org')";
  const breakages: [string, string[]][] = [
    ["application without its source message", ["DELETE FROM messages WHERE owner_id <> " + SAM]],
    ["forward message without its application", [`UPDATE messages SET application_id = NULL WHERE owner_id <> ${SAM}`]],
    ["contact without its application (or another owner's)", [`UPDATE contacts SET owner_id = ${SAM} WHERE owner_id <> ${SAM}`]],
    [
      "follow-up without its application (or another owner's)",
      [`UPDATE follow_ups SET owner_id = ${SAM}, step_key = step_key || ':moved' WHERE id = (SELECT min(id) FROM follow_ups)`],
    ],
    [
      "follow-up for a person of another application",
      [`UPDATE follow_ups SET contact_id = (SELECT max(id) FROM contacts) WHERE contact_id IS NOT NULL AND owner_id <> ${SAM}`],
    ],
    ["sent follow-up without a send time", ["UPDATE follow_ups SET sent_at = NULL WHERE status = 'sent'"]],
    [
      "outbox link to a missing or foreign follow-up",
      ["UPDATE outbox_follow_ups SET follow_up_id = (SELECT max(id) FROM follow_ups) WHERE rowid = (SELECT min(rowid) FROM outbox_follow_ups)"],
    ],
    ["digest answering no stored forward", ["UPDATE outbox SET in_reply_to = '<nothing@x>'"]],
    ["stored forward never answered", ["DELETE FROM outbox_follow_ups", "DELETE FROM outbox"]],
    ["outbox entry to someone who is not its owner", ["UPDATE outbox SET to_addr = 'evil@evil.test'"]],
  ];

  it("has a planted breakage for every invariant", () => {
    expect(breakages.map(([name]) => name).sort()).toEqual(Object.keys(INVARIANTS).sort());
  });

  for (const [name, statements] of breakages) {
    it(`reports: ${name}`, async () => {
      await deliver(forwardWith({ cc: "tom.lee@acme-robotics.test", ccName: "Tom Lee" }));
      await deliver(forwardWith({ owner: OTHER, cc: "tom.lee@acme-robotics.test", ccName: "Tom Lee" }), { from: OTHER });
      expect(await brokenInvariants()).toEqual([]);
      for (const sql of statements) await run(sql);
      const broken = await brokenInvariants();
      expect(broken.some((b) => b.startsWith(name)), broken.join("; ")).toBe(true);
    });
  }
});
