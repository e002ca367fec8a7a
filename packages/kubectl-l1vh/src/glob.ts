// Minimal globs for .l1vh.yaml `ignore`: `**` any path, `*` within a segment, `?` one character.
// A pattern also matches everything under a directory it names (`vendor` ignores vendor/a.yaml).

export function globToRegExp(pattern: string): RegExp {
  const p = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      const slash = p[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}

export function matchesAny(path: string, patterns: readonly RegExp[]): boolean {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return patterns.some((re) => re.test(p));
}
