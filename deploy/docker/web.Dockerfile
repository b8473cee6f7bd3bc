# syntax=docker/dockerfile:1
# Image of the dashboard: nginx serving the built Vite app (examples/bot/web/dist) and proxying /api to the API.
# Build from the repository root: docker build -f deploy/docker/web.Dockerfile -t baseline-example-web .

# --- build: the workspace installed from the lockfile, packages built, then `vite build` of the dashboard.
FROM node:22.23.3-bookworm-slim AS build
ENV CI=true
RUN npm install --global pnpm@10.34.9
WORKDIR /src
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile \
 && pnpm --recursive --filter "./packages/**" build \
 && pnpm --dir examples/bot/web exec vite build

# --- runtime: static files and the proxy only; no Node, no sources. Runs as the image's `nginx` user, so
# nginx.conf listens on 8080 and keeps its pid and temporary files under /tmp.
FROM nginx:1.28.0-alpine AS runtime
COPY deploy/docker/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /src/examples/bot/web/dist /usr/share/nginx/html
USER nginx
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/health"]
