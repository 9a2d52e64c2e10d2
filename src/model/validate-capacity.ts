import type { ModelProblem } from './model-error';
import type { ModelParts } from './model-parts';
import { allowedValues, checkProperty, propertySides } from './property-sides';
import type { PropertyType } from './property-types';

const KINDS: Record<'start' | 'timelineWeeks' | 'hours', { types: PropertyType[]; words: string }> = {
  start: { types: ['date', 'datetime'], words: 'a date' },
  timelineWeeks: { types: ['number'], words: 'a number' },
  hours: { types: ['number'], words: 'a number' },
};

/**
 * The scope properties capacity reads must exist with the right types, and the team property's
 * options must be the teams: a scope naming a team without capacity could never be counted.
 */
export function validateCapacity(parts: ModelParts): ModelProblem[] {
  if (!parts.capacity) return [];
  const { file, value } = parts.capacity;
  const scope = propertySides(parts).get('scope');
  if (!scope) return [];
  const problems: ModelProblem[] = [];
  const team = checkProperty(scope, value.scope.team);
  if (team.problem) problems.push({ file, path: '$.scope.team', message: team.problem });
  const options = allowedValues(team.def);
  if (options) {
    const ids = value.teams.map((t) => t.id);
    value.teams.forEach((t, i) => {
      if (!options.includes(t.id))
        problems.push({
          file,
          path: `$.teams[${i}].id`,
          message: `"${t.id}" is not an option of ${value.scope.team} — add it to ${scope.definedIn} so a scope can name this team`,
        });
    });
    for (const o of options.filter((o) => !ids.includes(o))) {
      problems.push({ file, path: '$.teams', message: `${value.scope.team} offers "${o}", which has no capacity here — add the team or remove the option` });
    }
  }
  for (const key of ['start', 'timelineWeeks', 'hours'] as const) {
    value.scope[key].forEach((name, i) => {
      const path = `$.scope.${key}[${i}]`;
      const { def, problem } = checkProperty(scope, name);
      if (problem) problems.push({ file, path, message: problem });
      if (def && !KINDS[key].types.includes(def.type))
        problems.push({ file, path, message: `"${name}" is a ${def.type} property — ${key} needs ${KINDS[key].words}` });
    });
  }
  return problems;
}
