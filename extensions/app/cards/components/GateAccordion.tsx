import { Accordion } from '@hubspot/ui-extensions';
import type { CardGate } from '../shared/card-data';
import { GateSection } from './GateSection';
import { GATE_WORDS } from './status-words';

/** The close gate, folded away once it passed with everything still in place; open otherwise. */
export function GateAccordion({ gate }: { gate: CardGate }) {
  const settled = gate.status === 'passed' && gate.items.every((i) => i.passed);
  return (
    <Accordion
      title={gate.mode === 'advise' ? `${gate.stageLabel ?? 'Stage'} checklist: advice` : `Close gate: ${GATE_WORDS[gate.status].label}`}
      defaultOpen={!settled}
      testId="gate-accordion"
    >
      <GateSection gate={gate} />
    </Accordion>
  );
}
