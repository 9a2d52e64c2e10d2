import {
  Alert,
  ButtonRow,
  Divider,
  Flex,
  Heading,
  LoadingButton,
  LoadingSpinner,
  Text,
  hubspot,
  useExtensionActions,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import { useCallback, useState } from 'react';
import { CommitmentsSection } from './components/CommitmentsSection';
import { ContractSection } from './components/ContractSection';
import { CustomerStatusLine } from './components/CustomerStatusTag';
import { DealsLikeThisSection } from './components/DealsLikeThisSection';
import { DeliverySection } from './components/DeliverySection';
import { GateAccordion } from './components/GateAccordion';
import { HandoffReviewSection } from './components/HandoffReviewSection';
import { HandoffSection } from './components/HandoffSection';
import { PresaleSection } from './components/PresaleSection';
import { ScopeSection } from './components/ScopeSection';
import { ServiceProblemState } from './components/ServiceProblemState';
import { serviceOrigin } from './config';
import { fetchDealCard, recheckDeal, type ServiceProblem } from './lib/service';
import { useService } from './lib/use-service';
import type { DealCardData, RecheckResponse } from './shared/card-data';

export const DEAL_OBJECT_TYPE_ID = '0-3';

hubspot.extend<'crm.record.tab'>(() => <DealCard />);

const RECHECK_WORDS: Record<RecheckResponse['action'], string> = {
  pass: 'Checked: the deal meets the close gate.',
  block: 'Checked: the deal is still missing items (below).',
  skip: 'Checked: the gate has nothing to do for this deal right now.',
  advise: 'Checked: this stage advises, so the deal stays where it is; the open items are below.',
};

const SKIP_WORDS: Record<string, string> = {
  not_gated: 'it is not in a gated stage; this is where it would stand if it moved to one.',
  already_passed: 'it passed the gate already.',
  before_enforced_since: 'it entered its stage before the gate was switched on.',
  unknown_pipeline: 'its pipeline is unknown to Throughline.',
  no_open_stage: 'it has no earlier stage to go back to.',
};

function recheckMessage(r: RecheckResponse): string {
  if (r.action === 'skip' && r.reason) return `Checked: nothing to enforce, because ${SKIP_WORDS[r.reason] ?? r.reason}`;
  if (r.action === 'block' && r.revertedTo) return `${RECHECK_WORDS.block} It went back to ${r.revertedTo}.`;
  return RECHECK_WORDS[r.action];
}

/** The deal card: the close gate, what delivery needs, scope, contract and customer status. */
export function DealCard() {
  const context = useExtensionContext<'crm.record.tab'>();
  const actions = useExtensionActions<'crm.record.tab'>();
  const origin = serviceOrigin(context.variables);
  const dealId = context.crm.objectId;
  const load = useCallback(() => fetchDealCard(origin, dealId), [origin, dealId]);
  const { state, reload, show } = useService(load);
  const [rechecking, setRechecking] = useState(false);
  const [recheck, setRecheck] = useState<{ message: string } | { problem: ServiceProblem } | null>(null);

  const onRecheck = useCallback(async () => {
    setRechecking(true);
    setRecheck(null);
    const result = await recheckDeal(origin, dealId);
    setRechecking(false);
    if (!result.ok) {
      setRecheck({ problem: result.problem });
      return;
    }
    show(result.data.card);
    setRecheck({ message: recheckMessage(result.data) });
    // The gate may have written the deal (stage, gate status): show it in the record too.
    actions.refreshObjectProperties();
  }, [origin, dealId, show, actions]);

  if (state.status === 'loading') {
    return <LoadingSpinner label="Loading the delivery handoff…" showLabel layout="centered" testId="loading" />;
  }
  if (!state.result.ok) return <ServiceProblemState problem={state.result.problem} record="deal" onRetry={reload} />;
  const card: DealCardData = state.result.data;

  const onActionError = (errors: string[]) => actions.addAlert({ type: 'danger', message: `HubSpot could not open the form: ${errors.join('; ')}` });
  const addForm = (objectTypeId: string, label: string, testId: string) => (
    <CrmActionButton
      actionType="OPEN_RECORD_ASSOCIATION_FORM"
      actionContext={{ objectTypeId, association: { objectTypeId: DEAL_OBJECT_TYPE_ID, objectId: Number(card.deal.id) } }}
      onError={onActionError}
      variant="secondary"
      testId={testId}
    >
      {label}
    </CrmActionButton>
  );

  return (
    <Flex direction="column" gap="md">
      <ButtonRow>
        <LoadingButton onClick={onRecheck} loading={rechecking} variant="primary" testId="recheck">
          Re-check
        </LoadingButton>
        {addForm(card.objectTypes.scope, card.buttons.addScope, 'add-scope')}
        {addForm(card.objectTypes.contract, card.buttons.addContract, 'add-contract')}
      </ButtonRow>
      {recheck && 'message' in recheck ? (
        <Alert title="Re-checked" variant="info" testId="recheck-done">
          {recheck.message}
        </Alert>
      ) : null}
      {recheck && 'problem' in recheck ? (
        <Alert title="Re-check did not run" variant="danger" testId="recheck-failed">
          {recheck.problem.kind === 'unreachable'
            ? `Throughline's service did not answer. Check that it is running at ${origin}, then try again.`
            : 'message' in recheck.problem
              ? recheck.problem.message
              : recheck.problem.detail}
        </Alert>
      ) : null}
      {card.delivery ? (
        <>
          <DeliverySection delivery={card.delivery} logChangeOrder={addForm(card.delivery.changeOrderObjectTypeId, 'Log a change order', 'log-change-order')} />
          <Divider />
        </>
      ) : null}
      {card.presale ? (
        <>
          <PresaleSection presale={card.presale} origin={origin} dealId={dealId} onCard={show} />
          <Divider />
        </>
      ) : null}
      {card.handoffReview ? (
        <>
          <HandoffReviewSection review={card.handoffReview} />
          <Divider />
        </>
      ) : null}
      <GateAccordion gate={card.gate} />
      <Divider />
      <HandoffSection fields={card.handoff} />
      <Divider />
      {card.dealsLikeThis ? (
        <>
          <DealsLikeThisSection likeThis={card.dealsLikeThis} />
          <Divider />
        </>
      ) : null}
      {card.commitments ? (
        <>
          <CommitmentsSection commitments={card.commitments} addPromise={addForm(card.commitments.objectTypeId, card.commitments.addLabel, 'add-promise')} />
          <Divider />
        </>
      ) : null}
      <ScopeSection scope={card.scope} addLabel={card.buttons.addScope} />
      <Divider />
      <ContractSection contract={card.contract} addLabel={card.buttons.addContract} />
      <Divider />
      <Flex direction="column" gap="xs">
        <Heading>Customer status</Heading>
        {card.companyId ? (
          <CustomerStatusLine status={card.customerStatus} />
        ) : (
          <Text testId="no-company">This deal has no company, so there is no customer status. Associate the deal with its company.</Text>
        )}
      </Flex>
    </Flex>
  );
}
