// src/config.ts registers zod's default English messages (zod/mini has none) in a compact form:
// the wording must stay classic zod's, for config errors and for the JSON API's 400s.
import { describe, expect, it } from "vitest";
import { readConfig, type Env } from "../../src/config.ts";
import { applicationPatch, settingsPatch, snoozeBody } from "../../src/http/schemas.ts";

const env = (vars: Partial<Env>) => ({ OWNER_EMAILS: "a@example.com", ...vars }) as Env;
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));

describe("zod's default messages, as registered by src/config.ts", () => {
  it.each([
    [{ SEND_HOUR: "24" }, "Too big: expected number to be <=23"],
    [{ SEND_HOUR: "-1" }, "Too small: expected number to be >=0"],
    [{ SEND_HOUR: "9.5" }, "Invalid input: expected int, received number"],
    [{ MAX_EMAIL_BYTES: "0" }, "Too small: expected number to be >0"],
    [{ MAX_INBOUND_PER_DAY: "lots" }, "Invalid input: expected number, received NaN"],
  ])("config %j says %s", (vars, message) => {
    expect(() => readConfig(env(vars))).toThrow(`rebound is misconfigured: ${message}`);
  });

  it("names unrecognized keys, wrong types and sizes", () => {
    expect(messages(applicationPatch.safeParse({ company: "Acme", owner_id: 2, x: 1 }))).toEqual(['Unrecognized keys: "owner_id", "x"']);
    expect(messages(applicationPatch.safeParse([]))).toEqual(["Invalid input: expected object, received array"]);
    expect(messages(snoozeBody.safeParse(null))).toEqual(["Invalid input: expected object, received null"]);
    expect(messages(settingsPatch.safeParse({ sendDays: [0] }))).toEqual(["sendDays.0: Too small: expected number to be >=1"]);
  });
});
