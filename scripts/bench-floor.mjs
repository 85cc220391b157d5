// The floor of the benchmark: a bare Node server answering every request with the same bytes from
// memory (a finished product page, as our page cache keeps it), so each page's requests/s can be read
// as a share of what Node itself manages on this machine. Started by scripts/bench.ts.
//   node scripts/bench-floor.mjs <port> <file> <content-encoding>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [port, file, encoding] = process.argv.slice(2);
const body = readFileSync(file);
const headers = { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length, ...(encoding === "identity" ? {} : { "Content-Encoding": encoding }) };
createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), () => console.log("listening"));
