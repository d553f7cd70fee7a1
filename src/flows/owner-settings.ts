// An owner's effective settings: their own values, else the deployment's defaults.

import * as z from "zod/mini";
import type { Config } from "../config.ts";
import type { OwnerRow } from "../db/owners.ts";
import { DEFAULT_CADENCE, type Cadence } from "../pipeline/plan.ts";
import { parseSendDays, type SendWindow } from "../pipeline/schedule.ts";

export function ownerWindow(owner: OwnerRow, config: Config): SendWindow {
  return { timezone: owner.timezone ?? config.timezone, hour: owner.send_hour ?? config.sendHour, days: parseSendDays(owner.send_days) };
}

const days = z.number().check(z.int(), z.gte(1), z.lte(730));
export const cadenceSchema = z.partial(
  z.strictObject({
    thankYouReminderDays: days,
    selfReviewDays: days,
    connectDays: days,
    valueNoteEveryDays: days,
    valueNoteMax: z.number().check(z.int(), z.gte(0), z.lte(12)),
    quietGapDays: days,
    checkInDays: days,
    consultingDays: days,
    dreamWatchEveryDays: days,
    dreamWatchMax: z.number().check(z.int(), z.gte(0), z.lte(24)),
  }),
);

/** The owner's cadence overrides; a stored value that no longer validates falls back to the defaults. */
export function ownerCadence(owner: OwnerRow): Cadence {
  if (!owner.cadence) return DEFAULT_CADENCE;
  try {
    const parsed = cadenceSchema.safeParse(JSON.parse(owner.cadence));
    return parsed.success ? { ...DEFAULT_CADENCE, ...parsed.data } : DEFAULT_CADENCE;
  } catch {
    return DEFAULT_CADENCE;
  }
}
