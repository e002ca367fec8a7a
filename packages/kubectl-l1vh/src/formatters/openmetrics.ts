// OpenMetrics text exposition: per family # HELP and # TYPE, counter samples named <family>_total,
// label values escaped, and the mandatory `# EOF` terminator.

export interface CounterFamily {
  /** Family name without the _total suffix. */
  name: string;
  help: string;
  samples: { labels: Record<string, string>; value: number }[];
}

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const escapeHelp = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export function formatOpenMetrics(families: readonly CounterFamily[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`);
    lines.push(`# TYPE ${f.name} counter`);
    for (const s of f.samples) {
      const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',');
      lines.push(`${f.name}_total${labels ? `{${labels}}` : ''} ${s.value}`);
    }
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}
