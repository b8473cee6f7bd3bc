# syntax=docker/dockerfile:1
# Image of the REST API (dist/api.js): stateless, any number of replicas; /health on API_PORT.
# Build from the project root: docker build -f deploy/docker/api.Dockerfile -t my-bot-api .

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
EXPOSE 3000
# The slim image has no wget or curl: Node's own fetch asks /health, which answers 503 until the API is ready.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.API_PORT ?? 3000}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/api.js"]
