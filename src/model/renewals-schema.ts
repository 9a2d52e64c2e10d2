import { z } from 'zod';

export const renewalsSchema = z.strictObject({
  /** Days before the renewal date when a reminder is due, e.g. [90, 60, 30]. */
  leadDays: z
    .array(z.number().int().positive())
    .min(1)
    .refine((days) => new Set(days).size === days.length, { error: 'lists a day twice — each lead day once' }),
  /** Also remind at the notice deadline of auto-renewing contracts. */
  noticeDeadlineReminder: z.boolean(),
  /** How many days before the cancel-by deadline its reminder falls due (0 = on the day). */
  noticeDaysBefore: z.number().int().min(0).max(90).default(7),
});

export type RenewalSettings = z.infer<typeof renewalsSchema>;
