/** Every setting the server reads from its environment, with the defaults of PRODUCT.md §5. */
function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

export const settings = {
  get port() {
    return Number(env("PORT") ?? 3000);
  },
  get databasePath() {
    return env("DATABASE_PATH") ?? "./data/ocop.db";
  },
  get uploadsDir() {
    return env("UPLOADS_DIR") ?? "./data/uploads";
  },
  get isProduction() {
    return process.env.NODE_ENV === "production";
  },
  /** Absolute origin used for canonical URLs, sitemaps and QR codes when set (e.g. behind a proxy). */
  get publicOrigin() {
    return env("PUBLIC_ORIGIN");
  },
  /**
   * Cookies are Secure in production, and whenever PUBLIC_ORIGIN is https://. The exception is the
   * demo (`npm start`, i.e. --demo) on plain HTTP without PUBLIC_ORIGIN: it must still sign in from a
   * phone on the same network, which a Secure cookie forbids.
   */
  get secureCookies() {
    const origin = this.publicOrigin;
    if (origin) return origin.startsWith("https://");
    return this.isProduction && !process.argv.includes("--demo");
  },
  /**
   * Demo data goes into an empty database unless SEED_DEMO=0; in production only when asked
   * (SEED_DEMO=1, or the start command's --demo flag).
   */
  get seedDemo() {
    const value = env("SEED_DEMO");
    if (value !== undefined) return value !== "0";
    return !this.isProduction || process.argv.includes("--demo");
  },
};
