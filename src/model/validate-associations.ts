import type { ModelProblem } from './model-error';
import type { ModelParts } from './model-parts';
import { LABEL_NATIVE_ENDS } from './names';

/** Label endpoints exist, at least one is ours, and the object's schema associates the other end. */
export function validateAssociations(parts: ModelParts): ModelProblem[] {
  if (!parts.associations) return [];
  const { file, value } = parts.associations;
  const problems: ModelProblem[] = [];
  const objects = new Map(parts.objects.map((o) => [o.value.name, o]));
  const natives = Object.keys(LABEL_NATIVE_ENDS);
  const seen = new Set<string>();
  value.labels.forEach((label, i) => {
    const at = (key: string) => `$.labels[${i}].${key}`;
    for (const end of ['from', 'to'] as const) {
      const name = label[end];
      // While an object file fails to parse, an unknown name may be that object: it is checked once the file is fixed.
      if (!objects.has(name) && !natives.includes(name) && parts.allObjectsParsed) {
        problems.push({ file, path: at(end), message: `"${name}" is neither a custom object in the model nor one of ${natives.join(', ')}` });
      }
    }
    const custom = objects.get(label.from) ?? objects.get(label.to);
    const otherEnd = objects.has(label.from) ? label.to : label.from;
    if (objects.has(label.from) && objects.has(label.to)) {
      problems.push({
        file,
        path: at('to'),
        message: 'labels between two custom objects are not supported yet — label a deal, company or contact association',
      });
    } else if (!custom && natives.includes(label.from) && natives.includes(label.to)) {
      problems.push({
        file,
        path: at('from'),
        message: 'labels between two HubSpot objects are not provisioned here — one end must be a custom object of the model',
      });
    } else if (custom && natives.includes(otherEnd)) {
      const needed = LABEL_NATIVE_ENDS[otherEnd]!;
      if (!custom.value.associatedObjects.includes(needed)) {
        problems.push({
          file,
          path: at(custom.value.name === label.to ? 'from' : 'to'),
          message: `${custom.value.name} is not associated with ${otherEnd} — add "${needed}" to associatedObjects in ${custom.file}`,
        });
      }
    }
    const key = `${label.from}|${label.to}|${label.label.toLowerCase()}`;
    if (seen.has(key)) problems.push({ file, path: at('label'), message: `label "${label.label}" for ${label.from} → ${label.to} is defined twice` });
    seen.add(key);
  });
  return problems;
}
