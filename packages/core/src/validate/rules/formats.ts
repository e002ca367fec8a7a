// Format checks KubeVirt's admitters borrow from Go and apimachinery, reimplemented with their
// exact acceptance rules and messages.

/** hwutil.PCI_ADDRESS_PATTERN (`dddd:bb:ss.f`). */
export const PCI_ADDRESS = /^([\da-fA-F]{4}):([\da-fA-F]{2}):([\da-fA-F]{2})\.([0-7])$/;

/** hwutil.ParsePciAddress succeeds. */
export function isPciAddress(address: string): boolean {
  return PCI_ADDRESS.test(address);
}

const HEX = /^[0-9a-fA-F]{2}$/;

/**
 * net.ParseMAC: the number of bytes, or null when Go refuses it. Accepts 6, 8 or 20 bytes written
 * as `xx:xx:…`, `xx-xx-…` or `xxxx.xxxx.…`.
 */
export function parseMacLength(s: string): number | null {
  if (s.length < 14) return null;
  if (s[2] === ':' || s[2] === '-') {
    if ((s.length + 1) % 3 !== 0) return null;
    const n = (s.length + 1) / 3;
    if (n !== 6 && n !== 8 && n !== 20) return null;
    for (let i = 0, x = 0; i < n; i++, x += 3) {
      if (!HEX.test(s.slice(x, x + 2))) return null;
      if (i < n - 1 && s[x + 2] !== s[2]) return null;
    }
    return n;
  }
  if (s[4] === '.') {
    if ((s.length + 1) % 5 !== 0) return null;
    const n = (2 * (s.length + 1)) / 5;
    if (n !== 6 && n !== 8 && n !== 20) return null;
    for (let i = 0, x = 0; i < n; i += 2, x += 5) {
      if (!HEX.test(s.slice(x, x + 2)) || !HEX.test(s.slice(x + 2, x + 4))) return null;
      if (i < n - 2 && s[x + 4] !== '.') return null;
    }
    return n;
  }
  return null;
}

/** link.ValidateMacAddress: the error text KubeVirt embeds in its cause, or null when valid. */
export function macAddressError(mac: string): string | null {
  if (mac === '') return null;
  const n = parseMacLength(mac);
  if (n === null) return `malformed MAC address (${mac})`;
  if (n > 6) return `too long MAC address (${mac})`;
  return null;
}

/** Go's len(): UTF-8 bytes. */
export function utf8Length(s: string): number {
  // By UTF-16 code unit, allocating nothing: a surrogate pair is 4 bytes, a lone surrogate 3
  // (TextEncoder writes it as U+FFFD).
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/** apimachinery validation.IsValidPortName: valid or not (KubeVirt prints its own message). */
export function isValidPortName(port: string): boolean {
  return utf8Length(port) <= 15 && /^[-a-z0-9]+$/.test(port) && /[a-z]/.test(port) && !port.includes('--') && !port.startsWith('-') && !port.endsWith('-');
}

const BASE64_ALPHABET = /^[A-Za-z0-9+/]$/;

/**
 * base64.StdEncoding.DecodeString: the number of bytes decoded and whether it failed. Go skips
 * CR and LF, requires padding, and on failure returns the bytes of the quanta decoded before.
 */
export function decodeBase64Length(text: string): { length: number; ok: boolean } {
  const s = text.replace(/[\r\n]/g, '');
  let length = 0;
  for (let at = 0; at < s.length; at += 4) {
    const quantum = s.slice(at, at + 4);
    if (quantum.length < 4) return { length, ok: false };
    const pad = quantum.endsWith('==') ? 2 : quantum.endsWith('=') ? 1 : 0;
    const data = quantum.slice(0, 4 - pad);
    if (![...data].every((c) => BASE64_ALPHABET.test(c))) return { length, ok: false };
    if (pad > 0 && at + 4 !== s.length) return { length, ok: false };
    length += 3 - pad;
  }
  return { length, ok: true };
}

/** path.Clean for a rooted path (what filepath.Join("/", p) produces). */
function cleanRooted(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** storage admitters ValidatePath: 'root', 'relative' or null when the path is acceptable. */
export function pathProblem(path: string): 'root' | 'relative' | null {
  if (path === '/') return 'root';
  const cleaned = cleanRooted(`/${path}`);
  const provided = path.endsWith('/') ? path.slice(0, -1) : path;
  return cleaned === provided ? null : 'relative';
}
