import { toHubSpotError } from '../../../src/hubspot/errors';

const apiException = (code: number, body: unknown) => Object.assign(new Error(`HTTP-Code: ${code}`), { code, body, headers: {} });

describe('toHubSpotError: what a 400 says to do', () => {
  it('a property the portal lacks (a release ahead of provisioning) names the command that adds it', () => {
    const err = toHubSpotError(
      apiException(400, {
        status: 'error',
        category: 'VALIDATION_ERROR',
        message: 'Property values were not valid',
        errors: [{ message: 'Property "status_company_id" does not exist', code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['status_company_id'] } }],
      }),
      'batch create 2-3500002',
    );
    expect(err.status).toBe(400);
    expect(err.message).toContain('npm run provision -- plan');
  });

  it('any other 400 just quotes HubSpot', () => {
    const err = toHubSpotError(apiException(400, { status: 'error', category: 'VALIDATION_ERROR', message: 'bad date' }), 'batch update deals');
    expect(err.message).toBe('HubSpot rejected batch update deals (400). HubSpot said: "bad date"');
  });
});
