import { z } from 'zod';
import { hubSpotName } from './schema-parts';

/** The `playbookUnits` field of a rule in gate-rules.json: unit ids from schemas/playbooks.json that must be done. */
export const playbookUnitsField = z.array(hubSpotName('unit id')).default([]);
