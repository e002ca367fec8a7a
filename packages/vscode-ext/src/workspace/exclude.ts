// Which workspace paths are left out of the index and the workspace lint: VS Code's glob
// patterns (`files.exclude`, `search.exclude`, `l1vh.exclude`) as one matcher. A pattern that
// matches a folder excludes everything below it, as in VS Code's explorer and search.

/** Always left out: dependency trees and VCS internals. */
export const ALWAYS_EXCLUDED = ['**/node_modules', '**/.git'];

/** Patterns switched on in a `files.exclude`-style object (`{ "glob": true }`; `when` clauses are skipped). */
export function enabledPatterns(setting: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.entries(setting ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
}

/** A matcher over paths relative to the workspace folder (`/`-separated). */
export function excludeMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const res = patterns.map(globToRegExp);
  return (rel) => {
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (res.some((re) => re.test(prefix))) return true;
    }
    return false;
  };
}

/** VS Code glob syntax: `**`, `*`, `?`, `{a,b}`, `[abc]`; a leading `/` or `./` anchors nothing extra. */
export function globToRegExp(glob: string): RegExp {
  const g = glob.replace(/^\.?\//, '').replace(/\/+$/, '');
  let re = '';
  let depth = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slash = g[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else if (c === '[') {
      const close = g.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${g.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
