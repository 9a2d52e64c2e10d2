/** Where the cards API lives on the service (mounted by src/http/app.ts). */
export const API_PREFIX = '/api/cards';
