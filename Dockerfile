# Multi-stage: build with dev dependencies, run with production ones only.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY client/package.json client/package.json
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src src
RUN npm run build

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY client/package.json client/package.json
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
COPY openapi.json schema.graphql ./
# Non-root; DATA_DIR must be writable when the embedded database or local storage is used.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# node itself is PID 1 (not npm), so SIGTERM reaches the server and it drains before it stops.
# The two flags keep uploads from starting full garbage collections (docs/deploy.md, "Node flags").
CMD ["node", "--enable-source-maps", "--expose-gc", "--initial-old-space-size=256", "--no-allocation-site-pretenuring", "dist/main.js"]
