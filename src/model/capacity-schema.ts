import { z } from 'zod';
import { isCalendarDate } from '../dates/calendar';
import { hubSpotName, propertyRef, text } from './schema-parts';

const calendarDate = z.string().refine(isCalendarDate, {
  error: (iss) => `"${String(iss.input)}" is not a date — write it like 2026-12-24`,
});
const hours = z.number().min(0);
/** Properties tried in order; the first one filled in on the scope wins. */
const fallbacks = z.array(propertyRef).min(1);

const exceptionSchema = z.strictObject({
  /** First and last day (inclusive) the team works reduced hours: holidays, an offsite. */
  from: calendarDate,
  to: calendarDate,
  /** The team's weekly hours on those days (0 for a holiday). */
  weeklyHours: hours,
  reason: text,
});

const teamSchema = z
  .strictObject({
    /** The option value of the scope's team property that names this team. */
    id: hubSpotName('team id'),
    label: text,
    weeklyHours: z.number().positive(),
    exceptions: z.array(exceptionSchema).default([]),
  })
  .superRefine((team, ctx) => {
    team.exceptions.forEach((e, i) => {
      if (e.to < e.from)
        ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'to'], message: `ends (${e.to}) before it starts (${e.from}) — swap the dates` });
      const clash = team.exceptions.findIndex((o, j) => j < i && o.from <= e.to && e.from <= o.to);
      if (clash >= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['exceptions', i],
          message: `overlaps exception ${clash} (${team.exceptions[clash]!.reason}) — one exception per day, merge them`,
        });
    });
  });

export const capacitySchema = z
  .strictObject({
    description: z.string().optional(),
    /** A week loaded above this share of its capacity is tight. */
    tightAbovePct: z.number().positive().max(100).default(85),
    /** How many weeks past the proposed start the earliest start that fits is looked for. */
    searchWeeks: z.number().int().min(1).max(104).default(26),
    scope: z.strictObject({
      description: z.string().optional(),
      team: propertyRef,
      start: fallbacks,
      timelineWeeks: fallbacks,
      hours: fallbacks,
    }),
    teams: z.array(teamSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.teams.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['teams', i, 'id'], message: `team "${t.id}" is defined twice` });
      ids.add(t.id);
    });
  });

export type CapacitySettings = z.infer<typeof capacitySchema>;
export type TeamCapacity = z.infer<typeof teamSchema>;
export type CapacityException = z.infer<typeof exceptionSchema>;
