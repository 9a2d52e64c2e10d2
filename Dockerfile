# Throughline: the webhook service, cards API and (SCHEDULER=on) scheduler.
# Not built in the development sandbox (no Docker there); see docs/operations.md.
#
#   docker build -t throughline .
#   docker run --env-file .env -p 3000:3000 throughline
#   docker stop -t 30 <container>        # leave time for the graceful shutdown (up to 25 s)

# --- build: all dependencies, compile TypeScript, then drop the dev dependencies ---
FROM node:22-slim AS build
WORKDIR /app
# The cards workspace's manifest is needed for `npm ci` to match package-lock.json; the stand-in's
# workspace (sandbox/) is left out entirely, and npm ci then skips it.
COPY package.json package-lock.json ./
COPY extensions/app/cards/package.json extensions/app/cards/package.json
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
# The cards' response schemas: src/cards/card-data.ts takes its types from them (type-only, so the
# compiled service never loads them).
COPY extensions/app/cards/shared ./extensions/app/cards/shared
RUN npm run build && npm prune --omit=dev

# --- run: compiled code, production dependencies, the data model; as the unprivileged `node` user ---
FROM node:22-slim
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node schemas ./schemas
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# node directly (not npm start): signals reach the process, and nothing is rebuilt at start.
CMD ["node", "dist/src/server.js"]
