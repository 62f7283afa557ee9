# One image recipe for every service, built from the repository root because the services share the
# platform workspace and schema/:
#   docker build --target gateway .
#   docker build --target subgraph --build-arg SUBGRAPH=incidents .   (any name of subgraphs/registry.json)
# Nothing here names a subgraph, so adding one needs no change to this file (`npm test` checks that it stays
# so); docker-compose.yml's services, generated from the registry, pass each its SUBGRAPH.

# The workspaces' manifests, found rather than listed. This stage sees the whole tree and so reruns after
# any edit, but only its /manifests reaches the build stage, and COPY --from is cached by the content of
# what it copies: the `npm ci` layer below is reused until a package.json, the lock file or .npmrc changes.
FROM node:22-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
  && find . -name node_modules -prune -o -type f \( -name package.json -o -name package-lock.json -o -name .npmrc \) \
    -exec cp --parents {} /manifests/ \;

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY --from=manifests /manifests ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node

# Any subgraph, by name. It listens on PORT, else on its port in subgraphs/registry.json, and the health
# check asks the same port.
FROM runtime AS subgraph
ARG SUBGRAPH
RUN if [ -z "$SUBGRAPH" ]; then \
      echo 'Build the subgraph target with --build-arg SUBGRAPH=<name>, a name of subgraphs/registry.json' >&2; exit 1; \
    fi; \
    if [ ! -f "subgraphs/$SUBGRAPH/dist/src/index.js" ]; then \
      echo "SUBGRAPH=$SUBGRAPH: no built subgraph of that name (see subgraphs/registry.json)" >&2; exit 1; \
    fi
ENV SUBGRAPH=$SUBGRAPH
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["node", "-e", "const port = process.env.PORT || require('/app/subgraphs/registry.json').subgraphs.find((s) => s.name === process.env.SUBGRAPH).port; fetch('http://127.0.0.1:' + port + '/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec: node replaces the shell as PID 1 and receives the stop signal itself.
CMD ["/bin/sh", "-c", "exec node \"subgraphs/$SUBGRAPH/dist/src/index.js\""]

# Last, so that a plain `docker build .` builds the gateway.
FROM runtime AS gateway
ENV PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["node", "-e", "fetch('http://127.0.0.1:4000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "gateway/dist/src/index.js"]
