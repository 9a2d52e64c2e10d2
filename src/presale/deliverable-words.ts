import type { Deliverable } from '../model';
import type { LabelSide, PresaleLabels } from './presale-labels';

const orList = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
const andList = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function propertyWords(side: LabelSide, where: string, property: string, values: readonly string[] | undefined, labels: PresaleLabels): string {
  const label = labels.property(side, property);
  return values ? `${where}: ${label} is ${orList(values.map((v) => labels.value(side, property, v)))}` : `${where}: ${label} filled in`;
}

/** What "done" means for a unit, for a rep: "Scope: Feasibility review is Feasible or Feasible with changes". */
export function deliverableWords(d: Deliverable, labels: PresaleLabels): string {
  switch (d.kind) {
    case 'deal_property':
      return propertyWords('deal', 'Deal', d.property, d.values, labels);
    case 'scope_property':
      return propertyWords('scope', labels.nouns.scope, d.property, d.values, labels);
    case 'linked_record': {
      const noun = labels.nouns[d.object];
      const parts = [
        ...(d.requiredProperties.length ? [`${andList(d.requiredProperties.map((p) => labels.property(d.object, p)))} filled in`] : []),
        ...Object.entries(d.requiredValues).map(([p, v]) => `${labels.property(d.object, p)} ${labels.value(d.object, p, v)}`),
      ];
      return parts.length ? `A ${noun} on the deal with ${andList(parts)}` : `A ${noun} on the deal`;
    }
  }
}
