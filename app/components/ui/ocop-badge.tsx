import { useT } from "~/i18n/use-t";

/** The OCOP star badge. Render it only for a valid certificate; the caller decides that by the domain rule. */
export function OcopBadge({ stars, size = "sm" }: { stars: number; size?: "sm" | "lg" }) {
  const t = useT();
  const label = t("product.ocopStars", { stars });
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 font-semibold text-amber-900 ${
        size === "lg" ? "px-3 py-1 text-base" : "px-2 py-0.5 text-xs"
      }`}
      title={label}
    >
      <span className="sr-only">{label}</span>
      <span aria-hidden="true">OCOP</span>
      <span aria-hidden="true" className="tracking-tighter text-star">
        {"★".repeat(stars)}
      </span>
    </span>
  );
}
