/** Minimal glob matching for exclude settings: `**`, `*`, `?`, `{a,b}` over `/`-separated paths. */

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      inGroup = true;
      re += '(?:';
    } else if (ch === '}' && inGroup) {
      inGroup = false;
      re += ')';
    } else if (ch === ',' && inGroup) re += '|';
    else re += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * True when `relativePath` (or one of its parent folders) matches a pattern. A bare name such as
 * `node_modules` matches that folder or file at any depth.
 */
export function isExcluded(relativePath: string, patterns: readonly string[]): boolean {
  const segments = relativePath.split('/');
  for (const pattern of patterns) {
    if (!pattern.includes('/') && !/[*?{]/.test(pattern)) {
      if (segments.includes(pattern)) return true;
      continue;
    }
    const re = globToRegExp(pattern.replace(/^\.\//, ''));
    for (let depth = 1; depth <= segments.length; depth++) {
      if (re.test(segments.slice(0, depth).join('/'))) return true;
    }
  }
  return false;
}
