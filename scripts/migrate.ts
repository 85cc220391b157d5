/** npm run db:migrate — applies migrations and the administrative-units data to DATABASE_PATH. */
import { openDatabase } from "~/db/client.server";
import { settings } from "~/settings.server";

const db = openDatabase(settings.databasePath);
db.$client.close();
console.log(`Migrated ${settings.databasePath}`);
