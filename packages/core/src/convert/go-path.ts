// Go's path/filepath.Join and Base on Linux: launcher paths built with them are lexically cleaned
// (duplicate slashes, "." and ".." elements resolved), so the preview cleans them the same way.

/** path.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  return rooted ? `/${body}` : body || '.';
}

/** filepath.Join: non-empty elements joined by "/" and cleaned; "" when all are empty. */
export function joinPath(...parts: string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.length ? cleanPath(kept.join('/')) : '';
}

/** filepath.Base. */
export function basePath(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
