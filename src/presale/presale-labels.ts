import { dealProperties, objectByRole, type Model, type PropertyDef } from '../model';

export type LabelSide = 'deal' | 'scope' | 'contract';

/** The words units and rules speak in: property labels, option labels, object nouns. */
export interface PresaleLabels {
  nouns: { scope: string; contract: string };
  property: (side: LabelSide, name: string) => string;
  value: (side: LabelSide, name: string, value: string) => string;
}

const byName = (props: PropertyDef[]) => new Map(props.map((p) => [p.name, p]));

/** Labels from schemas/; names schemas/ does not define (HubSpot's own) stay as they are. */
export function presaleLabels(model: Pick<Model, 'objects' | 'deals'>): PresaleLabels {
  const scope = objectByRole(model, 'scope');
  const contract = objectByRole(model, 'contract');
  const sides: Record<LabelSide, Map<string, PropertyDef>> = {
    deal: byName(dealProperties(model)),
    scope: byName(scope.properties),
    contract: byName(contract.properties),
  };
  return {
    nouns: { scope: scope.labels.singular, contract: contract.labels.singular },
    property: (side, name) => sides[side].get(name)?.label ?? name,
    value: (side, name, value) => {
      const def = sides[side].get(name);
      if (def?.type === 'bool') return value === 'true' ? 'Yes' : value === 'false' ? 'No' : value;
      return def?.options?.find((o) => o.value === value)?.label ?? value;
    },
  };
}
