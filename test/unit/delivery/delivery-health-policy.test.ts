import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../../src/model';
import { problemsOf, removeOverlays, schemasEdited } from '../../fixtures/model/overlay';

afterAll(removeOverlays);

describe('schemas/delivery-health.json', () => {
  it('loads with the rest of the model; projects are opt-in', () => {
    const { deliveryHealth } = loadModel('schemas');
    expect(deliveryHealth.sources.projects.enabled).toBe(false);
    expect(deliveryHealth.sources.invoices.properties.balanceDue).toBe('hs_balance_due');
    expect(deliveryHealth.sources.tickets.urgentValues).toContain('URGENT');
  });

  it('holds no currency of its own: the portal currency is PORTAL_CURRENCY', () => {
    const dir = schemasEdited('delivery-health.json', (json) => {
      json.currency = { default: 'EUR' };
    });
    expect(problemsOf(dir)).toEqual([`${join(dir, 'delivery-health.json')} at $.currency: is not a known key — remove it or check the spelling`]);
  });

  it('fills thresholds left out with the defaults', () => {
    const dir = schemasEdited('delivery-health.json', (json) => {
      delete json.thresholds;
    });
    expect(loadModel(dir).deliveryHealth.thresholds).toEqual({
      burnAheadOfTimePoints: 15,
      offTrackBurnPct: 100,
      pendingChangeOrderDays: 7,
      milestoneGraceDays: 0,
      urgentTicketOpenDays: 3,
      invoiceOverdueDays: 30,
    });
  });

  it('names the file, the JSON path and the fix', () => {
    const dir = schemasEdited('delivery-health.json', (json) => {
      json.costRate.currency = 'eur';
      json.thresholds.invoiceOverdueDays = -1;
      json.sources.tickets.urgentValues = [];
      json.sources.invoices.properties.balanceDue = 'Balance Due';
      json.sources.projects.enabeld = true;
    });
    const file = join(dir, 'delivery-health.json');
    expect(problemsOf(dir).sort()).toEqual(
      [
        `${file} at $.costRate.currency: "eur" is not a currency code — write it like EUR or USD (ISO 4217, upper case)`,
        `${file} at $.thresholds.invoiceOverdueDays: must be at least 0, got -1`,
        `${file} at $.sources.tickets.urgentValues: needs at least 1 item(s)`,
        `${file} at $.sources.invoices.properties.balanceDue: "Balance Due" is not a valid property name — HubSpot needs lowercase letters, digits and _, starting with a letter (e.g. "balance_due")`,
        `${file} at $.sources.projects.enabeld: is not a known key — remove it or check the spelling`,
      ].sort(),
    );
  });

  it('is required', () => {
    const dir = schemasEdited('delivery-health.json', () => undefined);
    rmSync(join(dir, 'delivery-health.json'));
    expect(problemsOf(dir)).toEqual([`${join(dir, 'delivery-health.json')}: file not found — the data model needs it (restore it from the repository)`]);
  });
});

describe('the change order object and the delivery properties', () => {
  it('are checked like every property the code names', () => {
    const dir = schemasEdited('objects/change-order.json', (json) => {
      json.properties = json.properties.filter((p: { name: string }) => p.name !== 'change_order_decided_by');
    });
    expect(problemsOf(dir)).toEqual([
      `${join(dir, 'objects/change-order.json')} at $.properties: property "change_order_decided_by" of the change_order object is missing: the service reads and writes it by name (src/model/well-known-properties.ts) — define it, or rename it there too`,
    ]);
  });
});
