// OpenMetrics text exposition: per family # HELP and # TYPE, label values escaped, and the
// mandatory `# EOF` terminator. A gauge's sample carries the family name (a current value that can
// go down, such as how many VMIs run now); a counter's is <family>_total (a count that only grows).
// Gauges are also valid Prometheus text format 0.0.4, which `promtool check metrics` reads.

export interface MetricFamily {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  samples: { labels: Record<string, string>; value: number }[];
}

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const escapeHelp = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const SAMPLE_SUFFIX: Readonly<Record<MetricFamily['type'], string>> = { gauge: '', counter: '_total' };

export function formatOpenMetrics(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`);
    lines.push(`# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) {
      const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',');
      lines.push(`${f.name}${SAMPLE_SUFFIX[f.type]}${labels ? `{${labels}}` : ''} ${s.value}`);
    }
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}
