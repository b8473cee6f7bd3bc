# syntax=docker/dockerfile:1
# Image of the bot: one process running the shards of SHARD_IDS out of SHARD_COUNT; /health on HEALTH_PORT.
# Build from the repository root: docker build -f deploy/docker/bot.Dockerfile -t baseline-example-bot .

# --- build: the workspace installed from the lockfile, packages built, then a pruned production tree.
FROM node:22.23.3-bookworm-slim AS build
ENV CI=true
RUN npm install --global pnpm@10.34.9
WORKDIR /src
# The lockfile alone fills pnpm's store, so this layer is reused until a dependency changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile \
 && pnpm --recursive --filter "./packages/**" build \
 && pnpm --filter @baseline-examples/bot deploy --prod --legacy /out

# --- runtime: the production tree only, owned by root and run as the unprivileged `node` user.
FROM node:22.23.3-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out ./
USER node
EXPOSE 8080
# The slim image has no wget or curl: Node's own fetch asks /health, which answers 503 until the process is ready.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HEALTH_PORT ?? 8080}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# tsx loads the reference plugin, whose entry is TypeScript source.
CMD ["node", "--import", "tsx", "src/bot.ts"]
