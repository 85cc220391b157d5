import { useEffect, useState } from "react";
import { useLanguage, useT } from "~/i18n/use-t";
import { useHydrated } from "./use-hydrated";

/** How long "Đã chép" stays beside the button: long enough to read, gone before the next copy. */
const CONFIRMATION_MS = 4000;

/**
 * A "Chép" button that puts `text` on the clipboard and says so in a live region. It needs JS, so it
 * is not rendered before hydration (nor ever without JS): the text beside it stays selectable either
 * way. `what` names the copied thing for screen readers ("Số tài khoản" → "Chép số tài khoản").
 * Its messages are in vi-more.ts: a route using it names them in its handle (`withMoreMessages`).
 */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const t = useT();
  const lang = useLanguage();
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);
  useEffect(() => {
    if (outcome !== "copied") return;
    const timer = setTimeout(() => setOutcome(null), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  if (!hydrated) return null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome("copied");
    } catch {
      // No clipboard here (an old browser, a page not served over HTTPS, permission refused).
      setOutcome("failed");
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2 align-middle">
      <button
        type="button"
        onClick={copy}
        aria-label={t("copy.what", { what: what.toLocaleLowerCase(lang) })}
        className="rounded border border-brand-700 bg-white px-2 py-0.5 font-sans text-sm font-medium text-brand-800"
      >
        {t("copy.button")}
      </button>
      <span role="status" className={`font-sans text-sm font-normal ${outcome === "failed" ? "text-red-800" : "text-brand-700"}`}>
        {outcome === "copied" ? t("copy.done") : outcome === "failed" ? t("copy.failed") : ""}
      </span>
    </span>
  );
}
