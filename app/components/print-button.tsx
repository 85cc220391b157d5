import { useEffect, useState } from "react";

/**
 * Prints the page; shown only once JS runs, since without JS the browser's own print menu is the way.
 * On pages that ship no framework, app/enhance/storefront.js shows it (`data-print`).
 */
export function PrintButton({ label }: { label: string }) {
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <button type="button" data-print hidden={!canPrint} onClick={() => window.print()} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
      {label}
    </button>
  );
}
