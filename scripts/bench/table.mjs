// The benchmark's one table: per corpus and metric, both servers and the ratio (theirs ÷ ours).

const METRICS = [
  { key: 'openP50', label: 'open → diagnostics p50', unit: 'ms' },
  { key: 'editP50', label: 'edit → diagnostics p50', unit: 'ms' },
  { key: 'editOneCharP50', label: '  one-character edit p50', unit: 'ms' },
  { key: 'editAddLineP50', label: '  added line p50', unit: 'ms' },
  { key: 'completionP95', label: 'completion p95', unit: 'ms' },
  { key: 'hoverP95', label: 'hover p95', unit: 'ms' },
  { key: 'requestDuringValidation', label: 'completion during open', unit: 'ms' },
  { key: 'hoverOtherDuringOpen', label: 'hover, another file, during open', unit: 'ms' },
  { key: 'outlineMs', label: 'outline (documentSymbol)', unit: 'ms' },
  { key: 'outlineKiB', label: '  outline answer size', unit: 'KiB' },
  { key: 'peakRssMiB', label: 'peak RSS', unit: 'MiB' },
  { key: 'readyMs', label: '(ready: index + first checks)', unit: 'ms' },
  { key: 'allOpenMs', label: '(open all files, to diagnostics)', unit: 'ms' },
  { key: 'diagnosticsOnOpen', label: '(diagnostics on the timed opens)', unit: 'count' },
];

function format(value, unit) {
  if (value === undefined || value === null) return '–';
  if (unit === 'MiB') return `${Math.round(value)} MiB`;
  if (unit === 'KiB') return `${Math.round(value)} KiB`;
  if (unit === 'count') return String(value);
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(1)} ms`;
}

function ratio(ours, theirs) {
  if (typeof ours !== 'number' || typeof theirs !== 'number' || ours <= 0) return '';
  const r = theirs / ours;
  return r >= 10 ? `${Math.round(r)}×` : `${r.toFixed(1)}×`;
}

/** Rows of [corpus, metric, ours, theirs, ratio]; also used by docs (markdown). */
export function tableRows(results) {
  const rows = [];
  for (const corpus of Object.values(results.corpora)) {
    const ours = corpus.biome ?? {};
    const theirs = corpus.yls ?? {};
    let first = true;
    for (const m of METRICS) {
      if (ours[m.key] === undefined && theirs[m.key] === undefined) continue;
      const r = m.unit === 'count' ? '' : ratio(ours[m.key], theirs[m.key]);
      rows.push([first ? corpus.label : '', m.label, format(ours[m.key], m.unit), format(theirs[m.key], m.unit), r]);
      first = false;
    }
    if (ours.error || theirs.error) rows.push([first ? corpus.label : '', 'error', ours.error ?? '', theirs.error ?? '', '']);
  }
  return rows;
}

export function printTable(results, servers) {
  const header = ['corpus', 'metric', servers.biome.label, servers.yls.label, 'ratio'];
  const rows = [header, ...tableRows(results)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((cell, i) => (i >= 2 ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ');
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n`);
  for (const r of rows.slice(1)) process.stdout.write(`${line(r)}\n`);
  process.stdout.write(
    `\nratio = yaml-language-server ÷ Biome Manifests (higher is better for us). ${results.machine.cpus} cores, Node ${results.machine.node}.\n`,
  );
}
