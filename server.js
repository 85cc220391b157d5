// Production server: Express serving the Remix build, static assets and uploaded photos.
// `npm start` builds first; `node server.js --demo` allows the demo data in production.
// One worker process per core (WEB_CONCURRENCY to choose) shares the port and the SQLite file.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { replicationSettings, startReplication } from "./replication.js";

const workerCount = Number(process.env.WEB_CONCURRENCY) || availableParallelism();
// With LITESTREAM_REPLICA_URL, the database is copied continuously to a replica (ADR 0027): started
// by the primary (or the single process) once the first server has migrated the database.
const replica = replicationSettings();
let replication = null;
const startReplicationOnce = () => {
  if (replica && !replication) replication = startReplication(replica);
};

if (workerCount > 1 && cluster.isPrimary) superviseWorkers(workerCount);
else await serve(await import("./build/server/index.js"));

/**
 * The primary process keeps `count` workers running and loads none of the app itself. The first
 * worker starts alone and migrates the database; the others start once it listens, so no two race
 * to migrate. A worker that dies is replaced, after a growing pause when it keeps dying young so a
 * broken start does not spin; SIGTERM lets every worker finish its requests, then exits.
 */
function superviseWorkers(count) {
  let stopping = false;
  let alive = 0;
  let listening = 0;
  let pause = 0;
  const start = () => {
    if (stopping) return;
    const worker = cluster.fork();
    alive++;
    const bornAt = Date.now();
    worker.once("listening", ({ port }) => {
      listening++;
      if (listening === 1) {
        startReplicationOnce();
        for (let i = 1; i < count; i++) start();
      }
      if (listening === count) console.log(`Chợ OCOP is listening on http://localhost:${port} (${count} workers)`);
    });
    worker.once("exit", (code, signal) => {
      alive--;
      if (stopping) return alive === 0 && process.exit(0);
      console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
      pause = Date.now() - bornAt < 10_000 ? Math.min(Math.max(pause * 2, 500), 30_000) : 0;
      setTimeout(start, pause);
    });
  };
  start();
  const stop = () => {
    if (stopping) return;
    stopping = true;
    replication?.stop();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** One server process: the whole app, on its own or as one of the workers. */
async function serve(build) {
  const { settings, startup, stopUpkeep, securityHeaders, isCrossSiteWrite, crossSitePage, refusalLogger, stylesheet, pageCache, keepPersonalAnswersPrivate } = build.entry.module;
  await startup();

  const app = express();
  app.disable("x-powered-by");
  // Every answer, files included, carries the same security headers; pages add their CSP in entry.server.
  const headers = securityHeaders();
  app.use((_req, res, next) => {
    res.set(headers);
    next();
  });
  // Vite fingerprints everything under /assets, so browsers keep those files a year: compress them hard once.
  app.use("/assets", compression({ level: 9 }), express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Storefront pages an anonymous visitor sees come finished from memory when still current, before
  // any other middleware (ADR 0021); what is not kept is rendered and kept in front of Remix below.
  const pages = pageCache(build);
  app.use(pages.serveKept);
  // Pages are compressed at level 1: measured on the catalog page, 0.26 ms instead of 0.46 ms for 11 % more bytes.
  app.use(compression({ level: 1 }));
  // Files of public/ (favicon, manifest) all have an extension; page URLs skip the lookup and its stat() call.
  const publicFiles = express.static("build/client", { maxAge: "1h", index: false });
  app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  // An answer sent before its request's body was read to the end (a body refused by its declared size,
  // an upload refused by its owner): the rest is read and dropped after the answer, as nginx's
  // lingering close does, so the client reads the answer instead of a reset and the connection stays
  // usable; a rest too long to wait for closes the connection.
  const LINGER_MS = 10_000;
  const LINGER_BYTES = 256 * 1024 * 1024;
  app.use((req, res, next) => {
    res.on("finish", () => {
      if (req.complete || req.destroyed) return;
      // Remix's body stream is paused with nobody reading it; read past it, keeping nothing.
      req.removeAllListeners("data");
      let dropped = 0;
      req.on("data", (chunk) => {
        dropped += chunk.length;
        if (dropped > LINGER_BYTES) req.socket.destroy();
      });
      req.resume();
      setTimeout(() => req.complete || req.socket.destroy(), LINGER_MS).unref();
    });
    next();
  });
  // A form posted by another site is refused before any route code runs (Remix itself would throw and
  // answer 500, and it does not check `.data` posts at all).
  const crossSiteRefusal = crossSitePage([stylesheet]);
  const logRefusal = refusalLogger((line) => console.warn(line));
  app.use((req, res, next) => {
    const facts = {
      method: req.method,
      path: req.path,
      origin: req.get("origin"),
      host: req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host"),
      secFetchSite: req.get("sec-fetch-site"),
    };
    if (!isCrossSiteWrite(facts)) return next();
    logRefusal(facts);
    res.status(403).type("html").set("Content-Security-Policy", "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'").set("Cache-Control", "no-store").send(crossSiteRefusal);
  });
  // The client's address, for rate limits; set TRUST_PROXY=1 behind a reverse proxy so it is X-Forwarded-For's.
  if (process.env.TRUST_PROXY === "1") app.set("trust proxy", 1);
  // No answer made for one person leaves as shareable; anonymous storefront pages are rendered and kept (ADR 0021).
  app.use(keepPersonalAnswersPrivate);
  app.all("*", pages.renderAndKeep);
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req) => ({ clientIp: req.ip ?? "unknown" }) }));

  const server = app.listen(settings.port, () => {
    // Under a primary, the primary says so (and replicates) once every worker listens.
    if (cluster.isPrimary) {
      console.log(`Chợ OCOP is listening on http://localhost:${settings.port}`);
      startReplicationOnce();
    }
  });
  // Node closes an idle keep-alive connection after 5 s, a race with any client or proxy that reuses
  // it just then (its next request, a POST that cannot be retried, meets a closed socket). Keep idle
  // connections longer than the usual proxy idle timeout (60 s) so the other side closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  function shutdown() {
    stopUpkeep();
    replication?.stop();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  }
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
