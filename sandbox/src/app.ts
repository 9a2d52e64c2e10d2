import express, { type Express, type RequestHandler } from 'express';
import { actAsMiddleware } from './actor';
import { adminRoutes } from './admin';
import type { Sandbox } from './api';
import { bearerAuth } from './auth';
import type { RouteContext } from './context';
import type { CallCounters } from './counters';
import { endpointKey } from './endpoints';
import { errorHandler, unknownRoute } from './errors';
import type { FaultState } from './faults';
import { associationRoutes } from './routes/associations';
import { associationBatchRoutes } from './routes/associations-batch';
import { labelRoutes } from './routes/labels';
import { objectRoutes } from './routes/objects';
import { objectBatchRoutes } from './routes/objects-batch';
import { ownerRoutes } from './routes/owners';
import { pipelineRoutes } from './routes/pipelines';
import { propertyGroupRoutes } from './routes/property-groups';
import { propertyRoutes } from './routes/properties';
import { schemaRoutes } from './routes/schemas';
import { searchRoutes } from './routes/search';

/**
 * The HTTP surface. API calls go: count → latency → auth → act-as → faults (rate limits, 5xx) →
 * JSON body → route; errors are turned into HubSpot bodies once, at the end.
 */

export interface AppDeps {
  ctx: RouteContext;
  counters: CallCounters;
  faults: FaultState;
  accessToken: () => string;
  appId: string;
  sandbox: Sandbox;
}

function counting(counters: CallCounters): RequestHandler {
  return (req, res, next) => {
    const key = endpointKey(req.method, req.path);
    res.locals['endpoint'] = key;
    const call = counters.recordCall(key, req.path);
    res.on('finish', () => counters.recordStatus(res.statusCode, call));
    next();
  };
}

function latency(faults: FaultState): RequestHandler {
  return (_req, _res, next) => {
    const ms = faults.latencyMs();
    if (ms > 0) setTimeout(next, ms);
    else next();
  };
}

export function buildApp(deps: AppDeps): Express {
  const { ctx } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use('/_sandbox', adminRoutes(deps.sandbox));

  const api = express.Router();
  api.use(counting(deps.counters), latency(deps.faults), bearerAuth(deps.accessToken), actAsMiddleware(deps.appId));
  api.use(deps.faults.middleware(deps.counters));
  api.use(express.json({ limit: '10mb' }));
  api.use('/crm-object-schemas/v3/schemas', schemaRoutes(ctx));
  api.use('/crm/v3/properties', propertyGroupRoutes(ctx), propertyRoutes(ctx));
  api.use('/crm/v4/associations/:fromObjectType/:toObjectType/labels', labelRoutes(ctx));
  api.use('/crm/v4/associations', associationBatchRoutes(ctx));
  api.use('/crm/v4/objects', associationRoutes(ctx));
  api.use('/crm/v3/objects', searchRoutes(ctx), objectBatchRoutes(ctx), objectRoutes(ctx));
  api.use('/crm/v3/owners', ownerRoutes(ctx));
  api.use('/crm/v3/pipelines', pipelineRoutes(ctx));
  api.use(unknownRoute);

  app.use(api);
  app.use(errorHandler);
  return app;
}
