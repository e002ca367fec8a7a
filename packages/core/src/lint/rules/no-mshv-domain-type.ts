// libvirt has no domain type "mshv": MSHV guests are <domain type="hyperv">, and libvirt's schema
// rejects "mshv". Looks everywhere a user may write it: KubeVirt CR fields, annotations, hook
// sidecar ConfigMaps (XML or sed scripts), so it runs on raw documents of any kind.

import type { ParsedDocument } from '../../parse/parse-source.js';
import type { PathSegment } from '../../parse/position-index.js';
import { isRecord } from '../../parse/object-ref.js';
import { BACKENDS, DOMAIN_TYPE_OF } from '../../select/hypervisors.js';
import { defineRule } from '../rule.js';

/** Patterns inside string values, e.g. <domain type="mshv"> or virsh --virttype mshv. */
const IN_TEXT: readonly { re: RegExp; messageId: 'xmlType' | 'virttype' }[] = [
  { re: /\btype\s*=\s*\\?["']mshv\\?["']/i, messageId: 'xmlType' },
  { re: /--virt-?type[=\s]+["']?mshv\b/i, messageId: 'virttype' },
];
/** Fields whose value is a domain type or hypervisor name. */
const TYPE_KEY = /^(domain-?type|virt-?type)$/i;
const HYPERVISOR_NAME_KEY = 'name';
const MAX_DEPTH = 64;

export default defineRule({
  id: 'no-mshv-domain-type',
  scope: 'document',
  meta: {
    severity: 'error',
    description: 'A libvirt domain type "mshv" is written somewhere; libvirt only knows "hyperv".',
    messages: {
      xmlType: 'libvirt has no domain type "mshv" (its schema rejects it): MSHV guests are <domain type="{{type}}">; use "{{type}}"',
      virttype: 'libvirt has no virt type "mshv": use --virttype {{type}}',
      field: 'libvirt has no domain type "mshv": use "{{type}}"',
      hypervisorName: 'KubeVirt has no hypervisor named "mshv": use "{{name}}" (libvirt domain type "{{type}}")',
    },
  },
  applies: (text) => /mshv/i.test(text),
  check({ subject: doc, report }) {
    const type = DOMAIN_TYPE_OF.mshv;
    const stack: { v: unknown; path: PathSegment[] }[] = [{ v: doc.value, path: [] }];
    while (stack.length > 0) {
      const { v, path } = stack.pop()!;
      if (path.length > MAX_DEPTH) continue;
      if (typeof v === 'string') {
        for (const { re, messageId } of IN_TEXT) {
          if (!re.test(v)) continue;
          report({ messageId, path, range: exactRange(doc, path, re), data: { type } });
          break;
        }
        continue;
      }
      if (Array.isArray(v)) {
        v.forEach((item, i) => stack.push({ v: item, path: [...path, i] }));
        continue;
      }
      if (!isRecord(v)) continue;
      for (const [k, child] of Object.entries(v)) {
        const at = [...path, k];
        if (child === 'mshv' && TYPE_KEY.test(k)) report({ messageId: 'field', path: at, range: valueRange(doc, at), data: { type } });
        else if (child === 'mshv' && k === HYPERVISOR_NAME_KEY && path.includes('hypervisors')) report({ messageId: 'hypervisorName', path: at, range: valueRange(doc, at), data: { name: BACKENDS.mshv.configName, type } });
        else stack.push({ v: child, path: at });
      }
    }
  },
});

function valueRange(doc: ParsedDocument, path: PathSegment[]): { start: number; end: number } | undefined {
  const span = doc.positions().get(path);
  return span ? { start: span.start, end: span.end } : undefined;
}

/** The match itself inside the scalar's source text (block scalars keep lines verbatim). */
function exactRange(doc: ParsedDocument, path: PathSegment[], re: RegExp): { start: number; end: number } | undefined {
  const span = doc.positions().get(path);
  if (!span) return undefined;
  const m = re.exec(doc.file.text.slice(span.start, span.end));
  return m ? { start: span.start + m.index, end: span.start + m.index + m[0].length } : { start: span.start, end: span.end };
}
