import { FAILURE_STATUSES, formatNumber, leaderboard, placeText, rankText, rateText, testErrorText, type CurveSummary } from '@densebench/report';

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

/** Plain-text table with aligned columns (numbers right-aligned). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * The end-of-sweep summary: one row per (plugin, problem, N, α) with its success rate, median time and work, and TTS₉₉
 * (wall time, with its bootstrap interval); then per (problem, N, K) the plugins ranked where their α₅₀ intervals
 * separate — ties marked "=" — with α₅₀ from the fit and the Wilson crossing as a cross-check (the report's leaderboard).
 */
export function summaryTable(curves: readonly CurveSummary[]): string {
  const hasTestError = curves.some((c) => c.points.some((p) => p.meanTestError !== null));
  const rows: string[][] = [];
  for (const curve of curves) {
    for (const p of curve.points) {
      const failures = FAILURE_STATUSES.filter((s) => p.statusCounts[s] > 0).map((s) => `${p.statusCounts[s]} ${s}`);
      const tts = p.tts99.timeS;
      rows.push([
        curve.plugin,
        `${curve.problem}${curve.k !== null ? ` K=${curve.k}` : ''}`,
        String(curve.n),
        String(p.alpha),
        `${p.solved}/${p.runs}`,
        rateText(p),
        formatSeconds(p.medianTimeS),
        `${formatNumber(p.medianWork)}${Number.isFinite(p.medianWork) ? ` ${p.workUnit}` : ''}`,
        Number.isFinite(tts.value) ? `${formatSeconds(tts.value)} [${formatSeconds(tts.lo)}, ${Number.isFinite(tts.hi) ? formatSeconds(tts.hi) : '∞'}]` : tts.value === Number.POSITIVE_INFINITY ? '∞' : '—',
        ...(hasTestError ? [testErrorText(p)] : []),
        failures.join(', '),
      ]);
    }
  }
  const header = ['plugin', 'problem', 'N', 'α', 'solved', 'rate [95% CI]', 'median time', 'median work', 'TTS₉₉ [95%]', ...(hasTestError ? ['test error'] : []), 'failures'];
  const groups = new Map<string, CurveSummary[]>();
  for (const c of curves) groups.set(placeText(c), [...(groups.get(placeText(c)) ?? []), c]);
  const boards = [...groups].map(([place, group]) => {
    const board = leaderboard(group).rows.map((row) => [rankText(row), row.plugin, row.alpha50Text, row.crossingText]);
    return `${place}: ranked where the 95% intervals of α₅₀ separate${board.some(([rank]) => rank!.startsWith('=')) ? ' (= : tied)' : ''}\n${textTable(['rank', 'plugin', 'α₅₀ [95%]', 'Wilson crossing'], board)}`;
  });
  return `${textTable(header, rows)}\n\n${boards.join('\n\n')}`;
}

/** Local date and time as YYYYMMDD-HHMMSS, for default file and result set names. */
export function timestamp(date: Date): string {
  const pad = (x: number): string => String(x).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}
