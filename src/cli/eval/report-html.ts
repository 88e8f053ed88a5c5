/**
 * report.html's pieces: a self-contained page (inline CSS, no script, no external resource; a
 * Content-Security-Policy that forbids them anyway). Every text is escaped: model output, code
 * and ids are untrusted and never become markup.
 */
import { TABLE9_KEYS, type MetricsSummary } from '../../compare/index.ts';
import type { ResultLine } from './result-line.ts';
import { histogramEntries, percent } from './summary-table.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max) + '…';
}

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.meta,.hint{color:#555}code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px}
table{border-collapse:collapse}th,td{border-bottom:1px solid #ddd;padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#f4f4f6;position:sticky;top:0}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.items td.div{max-width:38rem;white-space:pre-wrap;word-break:break-word}.items td.call{max-width:18rem;word-break:break-all}
.ok{color:#116329}.bad{color:#b3261e}.err{color:#b3261e;font-weight:600}.note{color:#8a5a00;font-size:12px}
@media (prefers-color-scheme:dark){body{background:#161618;color:#e6e6e6}th{background:#26262a}th,td{border-color:#333}.meta,.hint{color:#aaa}.ok{color:#5fd07a}.bad,.err{color:#ff8a80}a{color:#8ab4f8}}
`;

export interface ReportHeader {
  title: string;
  /** e.g. "mode cwm · model facebook/cwm · Python 3.11". */
  description: string;
  summary: MetricsSummary;
  errors: number;
}

export function pageStart(header: ReportHeader): string {
  const { summary } = header;
  const metricRows = [['n', String(summary.n)], ['output_correct', percent(summary.output_correct)], ...TABLE9_KEYS.map((key) => [key, percent(summary[key])])]
    .map(([name, value]) => `<tr><td>${escapeHtml(name)}</td><td class="num">${escapeHtml(value)}</td></tr>`).join('');
  const histogram = histogramEntries(summary.first_divergence_histogram)
    .map(([bucket, items]) => `<tr><td>${escapeHtml(bucket)}</td><td class="num">${items}</td></tr>`).join('');
  const errors = header.errors ? `<p class="err">${header.errors} item${header.errors === 1 ? '' : 's'} with errors (not scored; listed first).</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(header.title)}</title><style>${CSS}</style></head><body>
<h1>${escapeHtml(header.title)}</h1>
<p class="meta">${escapeHtml(header.description)}</p>
<h2>Summary</h2>
<p class="hint">Metrics in percent, macro-averaged over the scored items (docs/metrics.md).</p>
<table><thead><tr><th>metric</th><th class="num">value</th></tr></thead><tbody>${metricRows}</tbody></table>
<h2>First divergence</h2>
<table><thead><tr><th>position</th><th class="num">items</th></tr></thead><tbody>${histogram}</tbody></table>
${errors}
<h2>Items, worst first</h2>
<p class="hint">Errors first, then by first divergence (earliest first), then a wrong output, then lower metrics. Each link opens the item — code, real trace, prediction and diff — in the playground, at the first divergence.</p>
<table class="items"><thead><tr><th class="num">#</th><th>id</th><th>call</th><th>first divergence</th><th>output</th><th class="num">state</th><th class="num">action</th><th class="num">key+value</th><th>playground</th></tr></thead><tbody>
`;
}

export const PAGE_END = '</tbody></table>\n</body></html>\n';

function fraction(value: number | null): string {
  return value === null ? '—' : `${Math.round(100 * value)}%`;
}

function divergenceCell(line: ResultLine): string {
  if (line.error !== null) return `<span class="err">error:</span> ${escapeHtml(clip(line.error, 1000))}`;
  if (line.divergence_text) return escapeHtml(clip(line.divergence_text, 1000));
  return '<span class="ok">none: the prediction matches the real trace</span>';
}

function outputCell(line: ResultLine): string {
  if (line.output_correct === null) return '—';
  const predicted = line.predicted_output === null ? 'no output' : `<code>${escapeHtml(clip(line.predicted_output, 160))}</code>`;
  if (line.output_correct) return `<span class="ok">✓</span> ${predicted}`;
  const expected = line.expected_output === null ? 'none' : `<code>${escapeHtml(clip(line.expected_output, 160))}</code>`;
  return `<span class="bad">✗</span> ${predicted}<br><span class="hint">expected ${expected}</span>`;
}

function linkCell(line: ResultLine, appUrl: string): string {
  const note = line.link_note ? `<div class="note">${escapeHtml(line.link_note)}</div>` : '';
  if (line.link === null) return note || '—';
  return `<a href="${escapeHtml(appUrl + line.link)}">open</a>${note}`;
}

export function itemRow(position: number, line: ResultLine, appUrl: string): string {
  const id = typeof line.id === 'string' ? line.id : JSON.stringify(line.id) ?? '';
  return `<tr><td class="num">${position}</td><td class="mono">${escapeHtml(clip(id, 200))}</td>`
    + `<td class="call mono">${escapeHtml(clip(line.call ?? (line.line ? `line ${line.line}` : ''), 300))}</td>`
    + `<td class="div">${divergenceCell(line)}</td><td>${outputCell(line)}</td>`
    + `<td class="num">${fraction(line.state_exact_match)}</td><td class="num">${fraction(line.action_exact_match)}</td>`
    + `<td class="num">${fraction(line.key_value_match)}</td><td>${linkCell(line, appUrl)}</td></tr>\n`;
}
