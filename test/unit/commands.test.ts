import { describe, expect, it } from "vitest";
import { parseCommand, parseCommands, replyBody } from "../../src/pipeline/commands.ts";

describe("parseCommand", () => {
  it.each([
    ["done", { type: "done" }],
    ["Skip.", { type: "skip" }],
    ["snooze 2w", { type: "snooze", days: 14 }],
    ["snooze 3 days", { type: "snooze", days: 3 }],
    ["snooze 1m", { type: "snooze", days: 30 }],
    ["pause", { type: "pause" }],
    ["RESUME", { type: "resume" }],
    ["stop", { type: "stop" }],
    ["landed Acme", { type: "landed", company: "Acme", role: null }],
    ["landed at Acme Robotics as Staff Engineer", { type: "landed", company: "Acme Robotics", role: "Staff Engineer" }],
    ["company: Globex", { type: "company", value: "Globex" }],
    ["Role: Senior Data Analyst", { type: "role", value: "Senior Data Analyst" }],
    ["add Jane Doe <Jane@X.test>", { type: "add", name: "Jane Doe", email: "jane@x.test" }],
    ["add jane@x.test", { type: "add", name: null, email: "jane@x.test" }],
    ["remove jane@x.test", { type: "remove", email: "jane@x.test" }],
    ["rapport <jane@x.test>", { type: "rapport", email: "jane@x.test" }],
    ["feedback on", { type: "feedback", on: true }],
    ["feedback off", { type: "feedback", on: false }],
    ["dream", { type: "dream" }],
    ["delete", { type: "delete" }],
    ["delete all my data", { type: "delete-all" }],
    ["help", { type: "help" }],
    ["confirm", { type: "confirm" }],
    ["#12 snooze 1w", { type: "snooze", days: 7, applicationId: 12 }],
    ["- done", { type: "done" }],
  ])("%s", (line, expected) => {
    expect(parseCommand(line)).toEqual(expected);
  });

  it.each(["please send flowers", "snooze forever", "add nobody", "remove not-an-address", "x".repeat(600), "stop it"])("rejects %s", (line) => {
    expect(parseCommand(line)).toBeNull();
  });
});

describe("replyBody", () => {
  it("keeps only the owner's words above the quote", () => {
    const text = "snooze 2w\n\nOn Mon, 23 Nov 2026 at 09:00, rebound <r@x.test> wrote:\n> delete\n> stop";
    expect(replyBody(text)).toEqual(["snooze 2w"]);
    expect(replyBody("pause\n> delete")).toEqual(["pause"]);
    expect(replyBody("done\n-- \nAlex")).toEqual(["done"]);
    expect(replyBody("done\n--\nAlex")).toEqual(["done"]);
  });

  it("reports unknown lines separately", () => {
    expect(parseCommands("done\nthanks!\nsnooze 1w")).toEqual({ commands: [{ type: "done" }, { type: "snooze", days: 7 }], unknown: ["thanks!"] });
  });

  it("stays fast and bounded on hostile input", () => {
    const result = parseCommands(`${"add ".repeat(100_000)}\n`.repeat(50));
    expect(result.commands).toEqual([]);
    expect(result.unknown.length).toBeLessThanOrEqual(30);
  });
});
