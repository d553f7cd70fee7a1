// An owner's effective settings: their own values, else the deployment's defaults.

import { z } from "zod";
import type { Config } from "../config.ts";
import type { OwnerRow } from "../db/owners.ts";
import { DEFAULT_CADENCE, type Cadence } from "../pipeline/plan.ts";
import { parseSendDays, type SendWindow } from "../pipeline/schedule.ts";

export function ownerWindow(owner: OwnerRow, config: Config): SendWindow {
  return { timezone: owner.timezone ?? config.timezone, hour: owner.send_hour ?? config.sendHour, days: parseSendDays(owner.send_days) };
}

const days = z.number().int().min(1).max(730);
export const cadenceSchema = z
  .object({
    thankYouReminderDays: days,
    selfReviewDays: days,
    connectDays: days,
    valueNoteEveryDays: days,
    valueNoteMax: z.number().int().min(0).max(12),
    quietGapDays: days,
    checkInDays: days,
    consultingDays: days,
    dreamWatchEveryDays: days,
    dreamWatchMax: z.number().int().min(0).max(24),
  })
  .partial()
  .strict();

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
