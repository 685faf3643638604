import { z } from "zod";
import { t } from "../../harness/i18n/messages.ts";

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;

/** "500ms", "30s", "2m" → milliseconds. Durations in exercise files are strings so they read well. */
export const durationSchema = z
  .string()
  .regex(/^\d+(ms|s|m)$/, { error: () => t().authoring.duration })
  .transform((text) => {
    const [, amount, unit] = /^(\d+)(ms|s|m)$/.exec(text)!;
    return Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  });

export function formatMs(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${(ms / 1_000).toFixed(1)} s`;
}
