# syntax=docker/dockerfile:1
# Image of the web server: nginx serving the built dashboard (web/dist) and proxying /api to the API.
# Build from the project root: docker build -f deploy/docker/web.Dockerfile -t my-bot-web .

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
# A project created without the dashboard has no web/dist: the web server then only proxies /api.
RUN mkdir -p web/dist

# --- runtime: static files and the proxy only; no Node, no sources. Runs as the image's `nginx` user, so
# nginx.conf listens on 8080 and keeps its pid and temporary files under /tmp.
FROM nginx:1.28.0-alpine AS runtime
COPY deploy/docker/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /src/web/dist /usr/share/nginx/html
USER nginx
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/health"]
