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
  /** The marketplace's commission on goods, in percent (PRODUCT.md §2); a fraction like 2.5 is allowed. */
  get commissionPercent() {
    const value = Number(env("COMMISSION_PERCENT") ?? 5);
    if (!Number.isFinite(value) || value < 0 || value > 100) throw new Error("COMMISSION_PERCENT must be 0–100");
    return value;
  },
  /**
   * Whose account market-stall QR codes pay (issue 16): `producer` (default) — the producer's own
   * payout account, outside the ledger; `platform` — the platform's VietQR account, confirmed by the
   * platform's bank feed and booked in the ledger as payable to the producer at once.
   */
  get stallAccount(): "producer" | "platform" {
    const value = env("STALL_ACCOUNT") ?? "producer";
    if (value !== "producer" && value !== "platform") throw new Error("STALL_ACCOUNT must be producer or platform");
    return value;
  },
  /**
   * The platform's bank account shown in VietQR codes. The demo default is ACB's published example
   * account; see `demoPayments` for what it allows.
   */
  get vietQrAccount() {
    const accountNo = env("VIETQR_ACCOUNT_NO");
    return {
      bankBin: env("VIETQR_BANK_BIN") ?? "970416",
      accountNo: accountNo ?? "257678859",
      accountName: env("VIETQR_ACCOUNT_NAME") ?? "CHO OCOP DEMO",
      isDemo: accountNo === undefined,
    };
  },
  /**
   * Secret that signs bank notifications. In development and the demo (`npm start`) with the demo
   * account, a fixed demo secret lets anyone try the webhook; otherwise it refuses everything until set.
   */
  get bankWebhookSecret() {
    return env("BANK_WEBHOOK_SECRET") ?? (this.demoPayments ? "demo-bank-webhook-secret" : undefined);
  },
  /**
   * The demo's payment shortcuts (the public bank secret above, a seller marking its own transfer
   * received): outside production or with `--demo`, and only while the demo account is shown, since
   * with a real account they would let anyone pay orders. One switch, so no shortcut can be on alone.
   */
  get demoPayments() {
    return (!this.isProduction || process.argv.includes("--demo")) && this.vietQrAccount.isDemo;
  },
  /**
   * Memory each server process gives to finished storefront pages (PAGE_CACHE_MB, default 32; 0
   * turns the page cache off, e.g. to measure renders). Bytes of the page and its two compressions.
   */
  get pageCacheBytes() {
    const megabytes = Number(env("PAGE_CACHE_MB") ?? 32);
    if (!Number.isFinite(megabytes) || megabytes < 0) throw new Error("PAGE_CACHE_MB must be a number of megabytes, 0 or more");
    return Math.floor(megabytes * 1024 * 1024);
  },
  /**
   * SePay's bank-account webhooks (ADR 0023), on when either of its webhook credentials is set:
   * SEPAY_WEBHOOK_SECRET switches the webhook to SePay's HMAC mode, else SEPAY_WEBHOOK_API_KEY is the
   * `Authorization: Apikey` it must carry. SEPAY_API_TOKEN lets reconciliation read the transaction list.
   */
  get sepay() {
    const webhookApiKey = env("SEPAY_WEBHOOK_API_KEY");
    const webhookSecret = env("SEPAY_WEBHOOK_SECRET");
    if (!webhookApiKey && !webhookSecret) return undefined;
    return { webhookApiKey, webhookSecret, apiToken: env("SEPAY_API_TOKEN"), apiBase: env("SEPAY_API_BASE") ?? "https://my.sepay.vn" };
  },
  /** Casso's webhook v2, on when CASSO_CHECKSUM_KEY is set; CASSO_API_KEY lets reconciliation read the transaction list. */
  get casso() {
    const checksumKey = env("CASSO_CHECKSUM_KEY");
    if (!checksumKey) return undefined;
    return { checksumKey, apiKey: env("CASSO_API_KEY"), apiBase: env("CASSO_API_BASE") ?? "https://oauth.casso.vn" };
  },
  /** payOS payment links (ADR 0023), on when its three credentials are set; PAYOS_API_BASE points it at another host. */
  get payos() {
    const clientId = env("PAYOS_CLIENT_ID");
    const apiKey = env("PAYOS_API_KEY");
    const checksumKey = env("PAYOS_CHECKSUM_KEY");
    if (!clientId || !apiKey || !checksumKey) return undefined;
    return { clientId, apiKey, checksumKey, apiBase: env("PAYOS_API_BASE") ?? "https://api-merchant.payos.vn" };
  },
  /**
   * VNPay's gateway (ADR 0025), on when VNPAY_TMN_CODE and VNPAY_HASH_SECRET are set. The hosts default
   * to VNPay's sandbox: VNPay gives the production ones with the contract (INTEGRATIONS.md §2.1).
   */
  get vnpay() {
    const tmnCode = env("VNPAY_TMN_CODE");
    const hashSecret = env("VNPAY_HASH_SECRET");
    if (!tmnCode || !hashSecret) return undefined;
    return {
      tmnCode,
      hashSecret,
      paymentUrl: env("VNPAY_PAYMENT_URL") ?? "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
      apiUrl: env("VNPAY_API_URL") ?? "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction",
    };
  },
  /**
   * MoMo's wallet (ADR 0025), on when its three credentials are set. MOMO_API_BASE defaults to MoMo's
   * test host; live keys need `https://payment.momo.vn`.
   */
  get momo() {
    const partnerCode = env("MOMO_PARTNER_CODE");
    const accessKey = env("MOMO_ACCESS_KEY");
    const secretKey = env("MOMO_SECRET_KEY");
    if (!partnerCode || !accessKey || !secretKey) return undefined;
    return { partnerCode, accessKey, secretKey, apiBase: env("MOMO_API_BASE") ?? "https://test-payment.momo.vn" };
  },
  /** How often the reconciliation job asks the providers for the transfers their webhooks may have lost. */
  get paymentReconcileSeconds() {
    const value = Number(env("PAYMENT_RECONCILE_SECONDS") ?? 300);
    if (!Number.isFinite(value) || value < 1) throw new Error("PAYMENT_RECONCILE_SECONDS must be a number of seconds ≥ 1");
    return value;
  },
  /**
   * Carriers (issue 18, ADR 0028), each on only when its credentials are set; `*_API_BASE` points it at
   * another host (a test double). The webhook secrets authenticate their callbacks: in the URL
   * (`?hash=`) for GHTK, GHN and EMS, in `Authorization` for Viettel Post.
   */
  get ghtk() {
    const token = env("GHTK_API_TOKEN");
    if (!token) return undefined;
    return {
      token,
      partnerCode: env("GHTK_PARTNER_CODE") ?? "",
      apiBase: env("GHTK_API_BASE") ?? "https://services.giaohangtietkiem.vn",
      webhookSecret: env("GHTK_WEBHOOK_SECRET"),
    };
  },
  get ghn() {
    const token = env("GHN_TOKEN");
    const shopId = env("GHN_SHOP_ID");
    if (!token || !shopId) return undefined;
    return {
      token,
      shopId,
      apiBase: env("GHN_API_BASE") ?? "https://online-gateway.ghn.vn/shiip/public-api",
      printBase: env("GHN_PRINT_BASE") ?? "https://online-gateway.ghn.vn/a5/public-api",
      webhookSecret: env("GHN_WEBHOOK_SECRET"),
    };
  },
  get viettelpost() {
    const token = env("VIETTELPOST_TOKEN");
    if (!token) return undefined;
    return {
      token,
      apiBase: env("VIETTELPOST_API_BASE") ?? "https://partner.viettelpost.vn",
      printBase: env("VIETTELPOST_PRINT_BASE") ?? "https://digitalize.viettelpost.vn",
      service: env("VIETTELPOST_SERVICE") ?? "VCN",
      webhookSecret: env("VIETTELPOST_WEBHOOK_SECRET"),
    };
  },
  get ems() {
    const token = env("EMS_MERCHANT_TOKEN");
    if (!token) return undefined;
    return {
      token,
      apiBase: env("EMS_API_BASE") ?? "http://ws.ems.com.vn",
      webhookSecret: env("EMS_WEBHOOK_SECRET"),
    };
  },
  /** The checkout's whole budget for carrier quotes (all carriers in parallel). */
  get carrierQuoteBudgetMs() {
    const value = Number(env("CARRIER_QUOTE_BUDGET_MS") ?? 1500);
    if (!Number.isFinite(value) || value < 1) throw new Error("CARRIER_QUOTE_BUDGET_MS must be a number of milliseconds ≥ 1");
    return value;
  },
  /** Staff see a booked parcel as stuck after this many days without a carrier event. */
  get shipmentStuckDays() {
    const value = Number(env("SHIPMENT_STUCK_DAYS") ?? 3);
    if (!Number.isFinite(value) || value <= 0) throw new Error("SHIPMENT_STUCK_DAYS must be a number of days > 0");
    return value;
  },
  /** Card payments are offered only when a Stripe key is set. */
  get stripe() {
    const secretKey = env("STRIPE_SECRET_KEY");
    if (!secretKey) return undefined;
    return { secretKey, webhookSecret: env("STRIPE_WEBHOOK_SECRET"), apiBase: env("STRIPE_API_BASE") };
  },
  /**
   * Messages (ADR 0024): each channel is on only when its settings are present; a message for a
   * channel that is off goes to the development outbox (`/dev/outbox` outside production).
   */
  get messages() {
    return messageSettings();
  },
  /**
   * `/dev/outbox` lists every message with its text: outside production, and in the demo (`--demo`)
   * while no messaging provider is set up, so the demo shows what would be sent without ever showing
   * real people's messages (ADR 0024).
   */
  get devOutbox() {
    if (!this.isProduction) return true;
    const configured = this.messages;
    return process.argv.includes("--demo") && !configured.zalo && !configured.esms && !configured.smtpUrl;
  },
};

/** `kind:templateId` pairs, comma-separated (ZALO_TEMPLATES="order_paid:231677,new_paid_order:231678"). */
function templateIds(value: string | undefined): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const pair of (value ?? "").split(",")) {
    const [kind, id] = pair.split(":").map((s) => s.trim());
    if (kind && id) ids[kind] = id;
  }
  return ids;
}

function messageSettings() {
  const zaloAppId = env("ZALO_APP_ID");
  const zaloSecret = env("ZALO_APP_SECRET");
  const zaloRefresh = env("ZALO_REFRESH_TOKEN");
  const esmsKey = env("ESMS_API_KEY");
  const esmsSecret = env("ESMS_SECRET_KEY");
  return {
    zalo:
      zaloAppId && zaloSecret && zaloRefresh
        ? {
            appId: zaloAppId,
            appSecret: zaloSecret,
            /** Only the first start uses it: the rotated pair lives in provider_tokens. */
            refreshToken: zaloRefresh,
            apiBase: env("ZALO_API_BASE") ?? "https://business.openapi.zalo.me",
            oauthBase: env("ZALO_OAUTH_BASE") ?? "https://oauth.zaloapp.com",
            templates: templateIds(env("ZALO_TEMPLATES")),
            development: env("ZALO_MODE") === "development",
            /** The OA's secret key that signs its webhook (delivery reports); without it the webhook is off. */
            oaSecretKey: env("ZALO_OA_SECRET_KEY"),
          }
        : undefined,
    esms:
      esmsKey && esmsSecret
        ? {
            apiKey: esmsKey,
            secretKey: esmsSecret,
            brandname: env("ESMS_BRANDNAME") ?? "",
            apiBase: env("ESMS_API_BASE") ?? "https://rest.esms.vn",
            /** Goes into the callback URL: eSMS callbacks carry no signature (INTEGRATIONS.md §0). */
            callbackSecret: env("ESMS_CALLBACK_SECRET"),
            sandbox: env("ESMS_SANDBOX") === "1",
          }
        : undefined,
    smtpUrl: env("SMTP_URL"),
    mailFrom: env("MAIL_FROM") ?? "Chợ OCOP <no-reply@cho-ocop.vn>",
  };
}
