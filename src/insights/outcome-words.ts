import { objectByRole, type Model } from '../model';
import { COMMITMENT_PROPERTIES, HANDOFF_REVIEW_PROPERTIES } from '../model/commitment-properties';
import { CHANGE_ORDER_PROPERTIES } from '../model/delivery-properties';
import type { PropertyDef } from '../model';

/** Option labels the insights speak with, from schemas/ (so a renamed option reads as the portal shows it). */
export interface OutcomeWords {
  causes: Record<string, string>;
  hows: Record<string, string>;
  rediscovered: Record<string, string>;
  momentumDrops: Record<string, string>;
}

const optionsOf = (props: readonly PropertyDef[], name: string) =>
  Object.fromEntries((props.find((p) => p.name === name)?.options ?? []).map((o) => [o.value, o.label]));

export function outcomeWords(model: Model): OutcomeWords {
  const dealProps = model.deals.groups.flatMap((g) => g.properties);
  return {
    causes: optionsOf(objectByRole(model, 'change_order').properties, CHANGE_ORDER_PROPERTIES.cause),
    hows: optionsOf(objectByRole(model, 'commitment').properties, COMMITMENT_PROPERTIES.how),
    rediscovered: optionsOf(dealProps, HANDOFF_REVIEW_PROPERTIES.rediscovered),
    momentumDrops: optionsOf(dealProps, HANDOFF_REVIEW_PROPERTIES.momentumDrop),
  };
}

/** A value in words: its label, else the value itself; null reads as `fallback`. */
export const wordFor = (labels: Record<string, string>, value: string | null, fallback: string) =>
  value === null ? fallback : (labels[value] ?? value.replace(/_/g, ' '));
