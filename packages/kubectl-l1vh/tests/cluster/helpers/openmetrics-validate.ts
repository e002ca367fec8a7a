// A strict reader of the OpenMetrics text format (openmetrics.io spec, "Text format"), written
// from the spec for tests: throws on the first violation, returns the samples.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'gaugehistogram', 'stateset', 'info', 'summary', 'unknown']);
/** Sample suffixes each type allows. */
const SUFFIXES: Record<string, string[]> = { counter: ['_total', '_created'], gauge: [''], unknown: [''], info: ['_info'], stateset: [''], histogram: ['_bucket', '_count', '_sum', '_created'], gaugehistogram: ['_bucket', '_gcount', '_gsum'], summary: ['', '_count', '_sum', '_created'] };

export function validateOpenMetrics(text: string): Sample[] {
  if (!text.endsWith('# EOF\n') && !text.endsWith('# EOF')) throw new Error('exposition must end with "# EOF"');
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines[lines.length - 1] !== '# EOF') throw new Error('last line must be "# EOF"');
  const families = new Map<string, { type?: string; help?: boolean; closed: boolean }>();
  let current: string | null = null;
  const samples: Sample[] = [];
  const seen = new Set<string>();
  for (const [i, line] of lines.slice(0, -1).entries()) {
    const where = `line ${i + 1}`;
    if (line === '') throw new Error(`${where}: empty lines are not allowed`);
    if (line.startsWith('#')) {
      const m = /^# (HELP|TYPE|UNIT) (\S+) (.*)$/.exec(line);
      if (!m) throw new Error(`${where}: bad metadata line "${line}"`);
      const [, what, name, rest] = m as unknown as [string, string, string, string];
      if (!METRIC_NAME.test(name)) throw new Error(`${where}: bad family name ${name}`);
      if (current !== name) {
        if (current) families.get(current)!.closed = true;
        if (families.has(name)) throw new Error(`${where}: family ${name} is not contiguous`);
        families.set(name, { closed: false });
        current = name;
      }
      const f = families.get(name)!;
      if (what === 'TYPE') {
        if (f.type) throw new Error(`${where}: duplicate TYPE for ${name}`);
        if (!TYPES.has(rest)) throw new Error(`${where}: unknown type ${rest}`);
        if (samples.some((s) => s.name.startsWith(name))) throw new Error(`${where}: TYPE after samples`);
        f.type = rest;
      } else if (what === 'HELP') {
        if (f.help) throw new Error(`${where}: duplicate HELP for ${name}`);
        if (/\\[^\\n"]/.test(rest)) throw new Error(`${where}: bad escape in HELP`);
        f.help = true;
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)( \S+)?$/.exec(line);
    if (!m) throw new Error(`${where}: bad sample line "${line}"`);
    const [, name, , labelText, valueText] = m as unknown as [string, string, string | undefined, string | undefined, string];
    const family = current && families.get(current);
    if (!current || !family) throw new Error(`${where}: sample before any family metadata`);
    const type = family.type ?? 'unknown';
    const suffix = name.slice(current.length);
    if (!name.startsWith(current) || !SUFFIXES[type]!.includes(suffix)) throw new Error(`${where}: sample ${name} does not belong to ${type} family ${current}`);
    const labels = parseLabels(labelText ?? '', where);
    const value = Number(valueText);
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^[-+]?Inf$|^NaN$/.test(valueText)) throw new Error(`${where}: bad value ${valueText}`);
    if (type === 'counter' && suffix === '_total' && !(value >= 0)) throw new Error(`${where}: counter must be non-negative`);
    const key = name + JSON.stringify(Object.entries(labels).sort());
    if (seen.has(key)) throw new Error(`${where}: duplicate sample ${key}`);
    seen.add(key);
    samples.push({ name, labels, value });
  }
  return samples;
}

function parseLabels(text: string, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const m = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/.exec(rest);
    if (!m || !LABEL_NAME.test(m[1]!)) throw new Error(`${where}: bad labels "${text}"`);
    if (m[1]! in out) throw new Error(`${where}: duplicate label ${m[1]}`);
    out[m[1]!] = m[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    rest = rest.slice(m[0].length);
    if (m[3] === ',' && rest.length === 0) throw new Error(`${where}: trailing comma in labels`);
  }
  return out;
}
