# whaletop headless image against a ClickHouse server (docker-compose.yml). Node 24, the active LTS.
# Two stages: the first installs everything and builds dist/; the second keeps only what runs — no TypeScript,
# no esbuild, and no chdb (an optional dependency, 543 MB of native library used only by the embedded store,
# which a server-mode image never opens: choosing it there fails with a message saying so).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
COPY scripts ./scripts
COPY src ./src
# `npm ci` applies patches/ (postinstall) and builds dist/ (prepare).
RUN npm ci --no-audit --no-fund
# Production dependencies only, without optional ones; the patched Ink stays patched (prune removes, never re-installs).
RUN npm prune --omit=dev --omit=optional --no-audit --no-fund

FROM node:24-bookworm-slim
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin/whaletop.js ./bin/whaletop.js
COPY schema ./schema
USER node
ENTRYPOINT ["node", "bin/whaletop.js"]
CMD ["--headless"]
