// Fault injection for tests/integration/faults.test.ts, preloaded into the server with
// `node --require` (see `crashInCheckout` in tests/setup/server.ts); nothing in the app knows of it.
// The server SIGKILLs itself inside the N-th checkout transaction it runs: after that order's row
// and its first part are written, before its first item, i.e. at the worst moment for "whole or absent".
const { writeSync } = require("node:fs");
const Database = require("better-sqlite3");

const target = Number(process.env.CRASH_IN_CHECKOUT);
let placed = 0;
let dying = null;

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql) {
  const statement = prepare.call(this, sql);
  if (/^\s*INSERT INTO orders\b/.test(sql)) {
    const get = statement.get;
    statement.get = function (...args) {
      const row = get.apply(this, args);
      if (++placed === target) dying = args[0]?.fullName ?? "?";
      return row;
    };
  } else if (/^\s*INSERT INTO order_items\b/.test(sql)) {
    const run = statement.run;
    statement.run = function (...args) {
      if (dying !== null) {
        writeSync(1, `crash-in-checkout: SIGKILL inside the checkout of ${JSON.stringify(dying)}\n`);
        process.kill(process.pid, "SIGKILL");
      }
      return run.apply(this, args);
    };
  }
  return statement;
};
