// k8s.io/apimachinery's name validators (util/validation: IsDNS1123Label, IsDNS1123Subdomain, with
// their exact messages) and Go's net.ParseIP, as KubeVirt's admitters call them.

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const LABEL_MAX = 63;
const SUBDOMAIN_MAX = 253;

/** validation.RegexError */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const maxLenError = (n: number): string => `must be no more than ${n} characters`;

/** Go's len(): bytes of the UTF-8 encoding. */
function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** validation.IsDNS1123Label */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_MAX) errs.push(maxLenError(LABEL_MAX));
  if (!LABEL_RE.test(value)) {
    if (SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** validation.IsDNS1123Subdomain */
export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > SUBDOMAIN_MAX) errs.push(maxLenError(SUBDOMAIN_MAX));
  if (!SUBDOMAIN_RE.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

/** Go's net.ParseIP: dotted IPv4 (no leading zeros) or IPv6 (optionally ending in IPv4), no zone. */
export function isIp(s: string): boolean {
  return isIpv4(s) || isIpv6(s);
}

function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(s: string): boolean {
  if (!s.includes(':')) return false;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  // An IPv4 tail stands for the last two groups.
  if (tail.includes('.')) {
    if (!isIpv4(tail)) return false;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string): string[] | null => {
    if (h === '') return [];
    const gs = h.split(':');
    return gs.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) ? gs : null;
  };
  if (halves.length === 2) {
    const left = groups(halves[0]!);
    const right = groups(halves[1]!);
    return left !== null && right !== null && left.length + right.length <= 7;
  }
  const all = groups(s);
  return all !== null && all.length === 8;
}
