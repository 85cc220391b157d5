// Fault injection for tests/integration/faults.test.ts, preloaded into the server with
// `node --require` (see `crash` in tests/setup/server.ts); nothing in the app knows of it.
// The server SIGKILLs itself during the N-th checkout it places (counted by `INSERT INTO orders`):
// - CRASH_BEFORE_COMMIT=N: inside the transaction, after the order's row, its first part and the first
//   line's stock are written and before that line's item: the worst moment for "whole or absent";
// - CRASH_AFTER_COMMIT=N: the moment the transaction has committed, before the buyer gets any answer.
const { writeSync } = require("node:fs");
const Database = require("better-sqlite3");

const beforeCommit = Number(process.env.CRASH_BEFORE_COMMIT);
const afterCommit = Number(process.env.CRASH_AFTER_COMMIT);
let placed = 0;
/** The buyer's name on the order being placed when the chosen checkout comes. */
let doomed = null;

function die(moment) {
  writeSync(1, `crash-in-checkout: SIGKILL ${moment} of the checkout of ${JSON.stringify(doomed)}\n`);
  process.kill(process.pid, "SIGKILL");
}

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql) {
  const statement = prepare.call(this, sql);
  if (/^\s*INSERT INTO orders\b/.test(sql)) {
    const get = statement.get;
    statement.get = function (...args) {
      const row = get.apply(this, args);
      placed++;
      if (placed === beforeCommit || placed === afterCommit) doomed = args[0]?.fullName ?? "?";
      return row;
    };
  } else if (/^\s*INSERT INTO order_items\b/.test(sql)) {
    const run = statement.run;
    statement.run = function (...args) {
      if (doomed !== null && placed === beforeCommit) die("before the commit");
      return run.apply(this, args);
    };
  }
  return statement;
};

const transaction = Database.prototype.transaction;
Database.prototype.transaction = function (fn) {
  const db = this;
  const real = transaction.call(this, fn);
  const watched = (variant) =>
    function (...args) {
      const result = variant.apply(this, args);
      if (doomed !== null && placed === afterCommit && !db.inTransaction) die("after the commit");
      return result;
    };
  const wrapper = watched(real);
  for (const name of ["deferred", "immediate", "exclusive"]) wrapper[name] = watched(real[name]);
  wrapper.default = wrapper;
  wrapper.database = db;
  return wrapper;
};
