// Production server: Express serving the Remix build, static assets and uploaded photos.
// `npm start` builds first; `node server.js --demo` allows the demo data in production.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const build = await import("./build/server/index.js");
const { settings, startup } = build.entry.module;
await startup();

const app = express();
app.disable("x-powered-by");
app.use(compression());
// Vite fingerprints everything under /assets, so those files can be cached for a year.
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = app.listen(settings.port, () => {
  console.log(`Chợ OCOP is listening on http://localhost:${settings.port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
