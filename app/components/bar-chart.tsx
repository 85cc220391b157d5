import { niceScale } from "~/domain/reports/dashboard";

export interface Bar {
  /** What the bar stands for, written above it. */
  label: string;
  value: number;
  /** The value as people read it, written at the end of the label line. */
  valueLabel: string;
}

// Designed for a 360 px phone, where the chart's card leaves about 300 px: the drawing is 320 units
// wide and scales with its container (up to 448 px), so 12-unit text is 11–17 px. Each row is a
// label line with its value, then the bar.
const WIDTH = 320;
const PAD = 4;
const ROW = 32;
const BAR_TOP = 17;
const BAR_HEIGHT = 10;
const AXIS = 22;

/**
 * A horizontal bar chart drawn on the server as SVG: readable without JavaScript, every bar
 * labelled in text. Screen readers get the title and description (the data are in the table the
 * page shows beside it).
 */
export function BarChart({
  id,
  title,
  description,
  bars,
  tickLabel,
}: {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  tickLabel: (value: number) => string;
}) {
  const scale = niceScale(Math.max(0, ...bars.map((b) => b.value)));
  const span = WIDTH - 2 * PAD;
  const x = (value: number) => PAD + (Math.max(0, value) / scale.max) * span;
  const plotHeight = bars.length * ROW;
  const height = plotHeight + AXIS;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      className="block h-auto max-w-md text-stone-800"
      fontSize="12"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g>
        {scale.ticks.map((tick, i) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={plotHeight} className="stroke-stone-200" strokeWidth="1" />
            <text
              x={x(tick)}
              y={plotHeight + 15}
              textAnchor={i === 0 ? "start" : i === scale.ticks.length - 1 ? "end" : "middle"}
              className="fill-stone-600"
              fontSize="10"
            >
              {tickLabel(tick)}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const top = i * ROW;
          return (
            <g key={`${i}-${bar.label}`}>
              <text x={PAD} y={top + 13} className="fill-current">
                {bar.label}
              </text>
              <text x={WIDTH - PAD} y={top + 13} textAnchor="end" className="fill-current" fontWeight="600">
                {bar.valueLabel}
              </text>
              <rect x={PAD} y={top + BAR_TOP} width={x(bar.value) - PAD} height={BAR_HEIGHT} rx="2" className="fill-brand-600" />
            </g>
          );
        })}
      </g>
    </svg>
  );
}
