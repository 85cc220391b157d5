import { formatVnd } from "~/domain/shared/money";

export function Price({ vnd, className }: { vnd: number; className?: string }) {
  return <data value={vnd} className={className}>{formatVnd(vnd)}</data>;
}

/** One price, or "120.000 ₫ – 350.000 ₫" for a product whose sizes cost different amounts. */
export function PriceRange({ lowVnd, highVnd, className }: { lowVnd: number; highVnd: number; className?: string }) {
  if (highVnd <= lowVnd) return <Price vnd={lowVnd} className={className} />;
  return (
    <span className={className}>
      <data value={lowVnd}>{formatVnd(lowVnd)}</data> – <data value={highVnd}>{formatVnd(highVnd)}</data>
    </span>
  );
}
