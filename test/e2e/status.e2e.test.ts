import { startStack, type Stack } from '../../scripts/lib/stack';
import { namesOf, seedCompany, seedOwners } from '../../scripts/lib/seed';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.provision();
  seedOwners(stack.sandbox);
});
afterAll(async () => stack?.close());

it('a manual move creates the status on demand, needs a reason, and is then respected by automation', async () => {
  const company = seedCompany(stack.sandbox, 'Globex');
  const statuses = () => stack.sandbox.listObjects(namesOf(stack.model).customerStatus).filter((s) => s.properties.status_title === 'Globex');
  const statusService = await stack.service.runtime.customerStatus();
  await expect(statusService.set(company, 'dispute', '  ', new Date())).rejects.toThrow(/needs a reason/);
  await expect(statusService.set(company, 'grumpy', 'why', new Date())).rejects.toThrow(/not a customer status/);
  expect(statuses()).toHaveLength(0);

  const r = await statusService.set(company, 'dispute', 'Invoice 42 contested', new Date());
  expect(r.changed).toBe(true);
  expect(statuses().map((s) => [s.properties.status, s.properties.status_reason])).toEqual([['dispute', 'Invoice 42 contested']]);

  expect(statuses()[0]!.properties.status_set_by).toBe('user');
  const later = new Date(Date.now() + 60_000);
  const sync = await statusService.sync({ events: [{ companyId: company, event: 'lapsed', occurredAt: later.toISOString() }] }, later);
  expect(sync.changes).toEqual([]);
  expect(statuses()[0]!.properties.status).toBe('dispute');
});

it('a scan that rolls an auto-renewing contract forward shows the new date in the company roll-up', async () => {
  const names = namesOf(stack.model);
  const company = seedCompany(stack.sandbox, 'Initech');
  stack.sandbox.createObject(
    names.contract,
    { contract_name: 'Initech support', contract_status: 'active', renewal_date: '2027-01-15', term_months: '12', auto_renew: 'true' },
    {
      associations: [{ toObjectType: 'companies', toObjectId: company }],
    },
  );
  await stack.sandbox.searchIndexed();
  const r = await (await stack.service.runtime.renewals()).scan({ today: '2027-02-01' });
  expect(r.autoRenewed).toBe(1);
  const status = stack.sandbox.listObjects(names.customerStatus).find((s) => s.properties.status_title === 'Initech')!;
  expect(status.properties).toMatchObject({ status: 'active', next_renewal_date: '2028-01-15' });
});
