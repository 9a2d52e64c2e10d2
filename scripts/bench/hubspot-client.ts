import type { Client } from '@hubspot/api-client';

/** The client the naive baseline uses; scripts/bench.ts builds it (see makeClient there). */
export type HubSpotClient = Client;
