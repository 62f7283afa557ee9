# One image recipe for every service, one target each:
#   docker build --target gateway .   (and directory, incidents, dispatch, command, environment, traffic)
# Built from the repository root because services share the platform workspace and schema/.
# One target per subgraph of subgraphs/registry.json, on its registry port (`npm run check:generated` checks).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY platform/package.json platform/
COPY gateway/package.json gateway/
COPY launcher/package.json launcher/
COPY subgraphs/directory/package.json subgraphs/directory/
COPY subgraphs/incidents/package.json subgraphs/incidents/
COPY subgraphs/dispatch/package.json subgraphs/dispatch/
COPY subgraphs/command/package.json subgraphs/command/
COPY subgraphs/environment/package.json subgraphs/environment/
COPY subgraphs/traffic/package.json subgraphs/traffic/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node

FROM runtime AS directory
ENV PORT=4001
EXPOSE 4001
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["node", "-e", "fetch('http://127.0.0.1:4001/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "subgraphs/directory/dist/src/index.js"]

FROM runtime AS incidents
ENV PORT=4002
EXPOSE 4002
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["node", "-e", "fetch('http://127.0.0.1:4002/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "subgraphs/incidents/dist/src/index.js"]

FROM runtime AS dispatch
ENV PORT=4003
EXPOSE 4003
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["node", "-e", "fetch('http://127.0.0.1:4003/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "subgraphs/dispatch/dist/src/index.js"]

FROM runtime AS command
ENV PORT=4004
EXPOSE 4004
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["node", "-e", "fetch('http://127.0.0.1:4004/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "subgraphs/command/dist/src/index.js"]

FROM runtime AS environment
ENV PORT=4005
EXPOSE 4005
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["node", "-e", "fetch('http://127.0.0.1:4005/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "subgraphs/environment/dist/src/index.js"]

FROM runtime AS traffic
ENV PORT=4006
EXPOSE 4006
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["node", "-e", "fetch('http://127.0.0.1:4006/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "subgraphs/traffic/dist/src/index.js"]

FROM runtime AS gateway
ENV PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["node", "-e", "fetch('http://127.0.0.1:4000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "gateway/dist/src/index.js"]
