// Fault injection for tests/integration/faults.test.ts, preloaded into the server with
// `node --require` (see `crash` in tests/setup/server.ts); nothing in the app knows of it.
// The server SIGKILLs itself during the N-th checkout it places (counted by `INSERT INTO orders`, as the
// app writes it: raw SQL with named parameters or Drizzle's `insert into "orders"` with positional ones):
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

/** Splits the text inside one pair of parentheses at its top-level commas. */
function topLevelItems(text, open) {
  const items = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")" && depth-- === 0) return [...items, text.slice(start, i).trim()];
    else if (c === "," && depth === 0) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return items;
}

/** The buyer's name among an order INSERT's parameters: by name, or by full_name's place among the VALUES. */
function buyerName(sql, args) {
  if (args[0] !== null && typeof args[0] === "object") return args[0].fullName;
  const columns = topLevelItems(sql, sql.indexOf("(")).map((c) => c.replace(/"/g, ""));
  const values = topLevelItems(sql, sql.search(/\bvalues\s*\(/i) + sql.slice(sql.search(/\bvalues\s*\(/i)).indexOf("("));
  const at = columns.indexOf("full_name");
  if (at < 0 || values[at] !== "?") return undefined;
  return args[values.slice(0, at).filter((v) => v === "?").length];
}

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql) {
  const statement = prepare.call(this, sql);
  if (/^\s*INSERT INTO "?orders"?\s/i.test(sql)) {
    const get = statement.get;
    statement.get = function (...args) {
      const row = get.apply(this, args);
      placed++;
      if (placed === beforeCommit || placed === afterCommit) doomed = buyerName(sql, args) ?? "?";
      return row;
    };
  } else if (/^\s*INSERT INTO "?order_items"?\s/i.test(sql)) {
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
