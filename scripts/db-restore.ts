/**
 * `npm run db:restore`: rebuilds the database from the Litestream replica (LITESTREAM_REPLICA_URL) at
 * DATABASE_PATH. Run it with the server stopped. A database already there is kept aside as
 * `<name>.before-restore-<time>` (with its -wal and -shm), never overwritten.
 */
import { existsSync, renameSync } from "node:fs";
import { replicationSettings, restoreReplica } from "../replication.js";

const settings = replicationSettings();
if (!settings) {
  console.error("Set LITESTREAM_REPLICA_URL to the replica to restore from (the same URL the server replicates to).");
  process.exit(1);
}
const { databasePath, replicaUrl } = settings;
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
for (const suffix of ["", "-wal", "-shm"]) {
  const file = databasePath + suffix;
  if (existsSync(file)) {
    renameSync(file, `${databasePath}.before-restore-${stamp}${suffix}`);
    if (suffix === "") console.log(`Kept the database that was there as ${databasePath}.before-restore-${stamp}`);
  }
}
restoreReplica({ replicaUrl, outputPath: databasePath });
console.log(`Restored ${databasePath} from ${replicaUrl}`);
