import { Button, ButtonRow, Divider, Flex, LoadingSpinner, hubspot, useExtensionContext } from '@hubspot/ui-extensions';
import { useCallback } from 'react';
import { AccountTotals } from './components/AccountTotals';
import { CustomerStatusSection, EngagementsSection, RenewalSummary, RenewalTasksSection } from './components/CompanySections';
import { ServiceProblemState } from './components/ServiceProblemState';
import { serviceOrigin } from './config';
import { fetchCompanyCard } from './lib/service';
import { useService } from './lib/use-service';

hubspot.extend<'crm.record.tab'>(() => <CompanyCard />);

/** The company card: customer status and its history, every engagement, the next renewal, open renewal tasks. */
export function CompanyCard() {
  const context = useExtensionContext<'crm.record.tab'>();
  const origin = serviceOrigin(context.variables);
  const companyId = context.crm.objectId;
  const load = useCallback(() => fetchCompanyCard(origin, companyId), [origin, companyId]);
  const { state, reload } = useService(load);

  if (state.status === 'loading') {
    return <LoadingSpinner label="Loading the customer…" showLabel layout="centered" testId="loading" />;
  }
  if (!state.result.ok) return <ServiceProblemState problem={state.result.problem} record="company" onRetry={reload} />;
  const card = state.result.data;
  return (
    <Flex direction="column" gap="md">
      <CustomerStatusSection status={card.customerStatus} />
      <RenewalSummary next={card.nextRenewal} engagements={card.engagements.length} tasks={card.renewalTasks.length} />
      {card.accountTotals ? <AccountTotals totals={card.accountTotals} /> : null}
      <Divider />
      <EngagementsSection engagements={card.engagements} />
      <Divider />
      <RenewalTasksSection tasks={card.renewalTasks} today={card.today} />
      <ButtonRow>
        <Button onClick={reload} variant="secondary" testId="refresh">
          Refresh
        </Button>
      </ButtonRow>
    </Flex>
  );
}
