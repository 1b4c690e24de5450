# whaletop headless image (docker-compose.yml). Runs the TypeScript sources with tsx, as `npm start` does.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY schema ./schema
USER node
ENTRYPOINT ["node", "bin/whaletop.js"]
CMD ["--headless"]
