# syntax=docker/dockerfile:1
# Image of the bot: `baseline start --no-api` on the built project; /health on HEALTH_PORT.
# Build from the project root: docker build -f deploy/docker/bot.Dockerfile -t my-bot-bot .

# --- build: dependencies installed from the project's lockfile (pnpm-lock.yaml or package-lock.json), then
# `npm run build` (dist/ and the dashboard's web/dist) and the dev dependencies pruned.
FROM node:22.23.3-bookworm-slim AS build
ENV CI=true
WORKDIR /src
# The manifest and lockfile alone, so this layer is reused until a dependency changes.
COPY package.json package-lock.json* pnpm-lock.yaml* pnpm-workspace.yaml* ./
RUN if [ -f pnpm-lock.yaml ]; then npm install --global pnpm@10.34.9 && pnpm install --frozen-lockfile; else npm ci; fi
COPY . .
RUN npm run build \
 && if [ -f pnpm-lock.yaml ]; then pnpm prune --prod; else npm prune --omit=dev; fi

# --- runtime: the built project and its production dependencies, run as the unprivileged `node` user.
FROM node:22.23.3-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
USER node
EXPOSE 8080
# The slim image has no wget or curl: Node's own fetch asks /health, which answers 503 until the bot is ready.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HEALTH_PORT ?? 8080}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The API runs in its own containers (api.Dockerfile), so this process is the bot alone.
CMD ["node_modules/.bin/baseline", "start", "--no-api"]
