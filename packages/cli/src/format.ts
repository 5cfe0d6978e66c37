import type { CurveSummary } from '@densebench/report';

/**
 * Text from a result set or a plugin made safe for a terminal: control characters (escape sequences that could move the
 * cursor or redraw a line) are shown as \xNN instead of being sent.
 */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Seconds as a short human string: 0.012 s, 3.4 s, 2 min 05 s. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 0.1) return `${(seconds * 1000).toFixed(1)} ms`;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const whole = Math.round(seconds); // round first, so that 599.6 s reads 10 min 00 s, not 9 min 60 s
  const minutes = Math.floor(whole / 60);
  return `${minutes} min ${String(whole - 60 * minutes).padStart(2, '0')} s`;
}

export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? String(Math.round(value)) : value.toPrecision(3);
}

/** Plain-text table with aligned columns (numbers right-aligned). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** α₅₀ with its interval from the Wilson bounds, e.g. "0.517 [0.46, 0.58]"; an open end prints as "<" or ">" the range. */
export function formatAlpha50(c: Pick<CurveSummary, 'alpha50' | 'alpha50Lo' | 'alpha50Hi' | 'points'>): string {
  const first = c.points[0]?.alpha;
  const last = c.points.at(-1)?.alpha;
  const lo = c.alpha50Lo === null ? `< ${first}` : c.alpha50Lo.toFixed(3);
  const hi = c.alpha50Hi === null ? `> ${last}` : c.alpha50Hi.toFixed(3);
  const centre = c.alpha50 === null ? 'not crossed in this range' : c.alpha50.toFixed(3);
  return `${centre} [95%: ${lo}, ${hi}]`;
}

/** The end-of-sweep summary: one row per (plugin, problem, N, α). */
export function summaryTable(curves: readonly CurveSummary[]): string {
  const hasTestError = curves.some((c) => c.points.some((p) => p.meanTestError !== null));
  const rows: string[][] = [];
  for (const curve of curves) {
    for (const p of curve.points) {
      const failures = (['timeout', 'error', 'invalid', 'crashed'] as const).filter((s) => p.statusCounts[s] > 0).map((s) => `${p.statusCounts[s]} ${s}`);
      rows.push([
        curve.plugin,
        `${curve.problem}${curve.k !== null ? ` K=${curve.k}` : ''}`,
        String(curve.n),
        String(p.alpha),
        `${p.solved}/${p.runs}`,
        `${p.rate.toFixed(2)} [${p.rateLo.toFixed(2)}, ${p.rateHi.toFixed(2)}]`,
        formatSeconds(p.medianTimeS),
        `${formatCount(p.medianWork)}${Number.isFinite(p.medianWork) ? ` ${p.workUnit}` : ''}`,
        ...(hasTestError ? [p.meanTestError === null ? '—' : `${p.meanTestError.toFixed(3)}${p.testErrorLo === null ? '' : ` ±${(p.meanTestError - p.testErrorLo).toFixed(3)}`}`] : []),
        failures.join(', '),
      ]);
    }
  }
  const header = ['plugin', 'problem', 'N', 'α', 'solved', 'rate [95% CI]', 'median time', 'median work', ...(hasTestError ? ['test error'] : []), 'failures'];
  const thresholds = curves.map((c) => `α₅₀(${c.plugin}, ${c.problem}, N=${c.n}) = ${formatAlpha50(c)}`);
  return `${textTable(header, rows)}\n\n${thresholds.join('\n')}`;
}

/** Local date and time as YYYYMMDD-HHMMSS, for default file and result set names. */
export function timestamp(date: Date): string {
  const pad = (x: number): string => String(x).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}
