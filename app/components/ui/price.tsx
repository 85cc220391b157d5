import { formatVnd } from "~/domain/shared/money";

export function Price({ vnd, className }: { vnd: number; className?: string }) {
  return <data value={vnd} className={className}>{formatVnd(vnd)}</data>;
}
