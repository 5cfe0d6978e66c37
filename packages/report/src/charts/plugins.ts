// The report's two chart.js plugins: interval bars on the points, and vertical lines at a problem's known thresholds.
import type { ChartTheme } from './types.js';

interface Ctx { save(): void; restore(): void; beginPath(): void; moveTo(x: number, y: number): void; lineTo(x: number, y: number): void; stroke(): void; fillText(t: string, x: number, y: number): void; setLineDash(d: number[]): void; strokeStyle: unknown; fillStyle: unknown; lineWidth: number; globalAlpha: number; font: string; textAlign: string }
interface Scale { min: number; max: number; getPixelForValue(v: number): number }
interface ChartLike { ctx: Ctx; scales: { x: Scale; y: Scale }; chartArea: { top: number; bottom: number; left: number; right: number }; data: { datasets: { borderColor: unknown; intervals?: ([number | null, number | null] | null)[] }[] }; isDatasetVisible(i: number): boolean; getDatasetMeta(i: number): { data: { x: number }[] } }

/**
 * Interval bars (Wilson for rates, Student t for errors, order statistics for medians) from each dataset's
 * `intervals`, drawn per visible dataset with a small horizontal shift so that the bars of different plugins at one α
 * stay apart.
 */
export const intervalBars = {
  id: 'intervalBars',
  afterDatasetsDraw(chart: ChartLike) {
    const ctx = chart.ctx;
    const y = chart.scales.y;
    const visible = chart.data.datasets.map((_d, i) => i).filter((i) => chart.isDatasetVisible(i));
    visible.forEach((di, rank) => {
      const ds = chart.data.datasets[di]!;
      if (!ds.intervals) return;
      const shift = (rank - (visible.length - 1) / 2) * 4;
      ctx.save();
      ctx.strokeStyle = ds.borderColor;
      ctx.lineWidth = 1.5;
      chart.getDatasetMeta(di).data.forEach((pt, i) => {
        const iv = ds.intervals![i];
        // An unbounded end (±∞ arrives as null) is drawn to the edge of the plot, without a cap; an interval unbounded
        // at both ends (too few runs for a distribution-free one) is not drawn.
        if (!iv || (iv[0] === null && iv[1] === null)) return;
        const lo = iv[0] === null ? chart.chartArea.bottom : y.getPixelForValue(Math.max(iv[0], y.min));
        const hi = iv[1] === null ? chart.chartArea.top : y.getPixelForValue(Math.min(iv[1], y.max));
        const x = pt.x + shift;
        ctx.beginPath();
        ctx.moveTo(x, lo);
        ctx.lineTo(x, hi);
        if (iv[0] !== null) { ctx.moveTo(x - 4, lo); ctx.lineTo(x + 4, lo); }
        if (iv[1] !== null) { ctx.moveTo(x - 4, hi); ctx.lineTo(x + 4, hi); }
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

/** Vertical lines at the thresholds given in the chart's `thresholdLines.lines` option that fall inside the α axis, labelled at the top. */
export function thresholdLines(theme: ChartTheme) {
  return {
    id: 'thresholdLines',
    afterDatasetsDraw(chart: ChartLike, _args: unknown, options: { lines?: { alpha: number; label: string }[] }) {
      const ctx = chart.ctx;
      const x = chart.scales.x;
      const area = chart.chartArea;
      (options.lines || []).forEach((line, i) => {
        if (line.alpha < x.min || line.alpha > x.max) return;
        const px = x.getPixelForValue(line.alpha);
        ctx.save();
        ctx.strokeStyle = theme.fg;
        ctx.globalAlpha = 0.6;
        ctx.setLineDash([4, 4]);
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.globalAlpha = 0.9;
        ctx.fillStyle = theme.fg;
        ctx.font = '11px sans-serif';
        ctx.textAlign = px > (area.left + area.right) / 2 ? 'right' : 'left';
        ctx.fillText(line.label, px + (ctx.textAlign === 'right' ? -4 : 4), area.top + 12 + 13 * i);
        ctx.restore();
      });
    },
  };
}
