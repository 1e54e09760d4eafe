# Build stage: compile TypeScript, then drop dev dependencies.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev

# Runtime stage: the compiled server, its production dependencies and static assets.
FROM node:22-bookworm-slim
ENV NODE_ENV=production
# Chromium prints the executive report's PDF (CHROMIUM_PATH); Debian's package, never a downloaded build.
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY public ./public
# The attachments volume is mounted here; a new named volume takes this owner.
RUN mkdir -p /app/var/attachments && chown -R node:node /app/var
USER node
EXPOSE 3000
# Asks the port the server was told to use (PORT), not the default.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
