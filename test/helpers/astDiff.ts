/**
 * Compares two yaml ASTs the way the engine reads them: node classes, ranges, values, scalar
 * types, sources, formats, tags, anchors, flow styles and document ranges and directives. Comments
 * are left out: the fast parser does not attach them, and nothing in the engine reads them.
 */
import { isPair, isScalar, type Document } from 'yaml';

const SCALAR_FIELDS = ['type', 'source', 'format', 'minFractionDigits', 'tag', 'anchor'] as const;
const COLLECTION_FIELDS = ['flow', 'tag', 'anchor'] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return Object.is(a, b);
}

type AnyNode = { constructor: unknown; range?: unknown; items?: unknown[] } & Record<string, unknown>;

/** The first difference between two nodes, as `path: what`, or undefined when they agree. */
export function nodeDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return a === b ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  const x = a as AnyNode;
  const y = b as AnyNode;
  if (x.constructor !== y.constructor) return `${path}: a ${(x.constructor as { name: string }).name} vs a ${(y.constructor as { name: string }).name}`;
  if (JSON.stringify(x.range) !== JSON.stringify(y.range)) return `${path}: range ${JSON.stringify(x.range)} vs ${JSON.stringify(y.range)}`;
  if (isScalar(a) && isScalar(b)) {
    if (!sameValue(a.value, b.value)) return `${path}: value ${String(a.value)} vs ${String(b.value)}`;
    for (const field of SCALAR_FIELDS) if (a[field] !== b[field]) return `${path}: ${field} ${String(a[field])} vs ${String(b[field])}`;
    return undefined;
  }
  for (const field of COLLECTION_FIELDS) if (x[field] !== y[field]) return `${path}: ${field} ${String(x[field])} vs ${String(y[field])}`;
  const xs = x.items ?? [];
  const ys = y.items ?? [];
  if (xs.length !== ys.length) return `${path}: ${xs.length} vs ${ys.length} items`;
  for (let i = 0; i < xs.length; i++) {
    const [p, q] = [xs[i], ys[i]];
    if (isPair(p) !== isPair(q)) return `${path}[${i}]: a pair on one side only`;
    const difference =
      isPair(p) && isPair(q)
        ? (nodeDifference(p.key, q.key, `${path}[${i}].key`) ?? nodeDifference(p.value, q.value, `${path}[${i}].value`))
        : nodeDifference(p, q, `${path}[${i}]`);
    if (difference) return difference;
  }
  return undefined;
}

/** The first difference between a fast-parsed document and yaml's, or undefined when they agree. */
export function documentDifference(fast: Document.Parsed, reference: Document.Parsed): string | undefined {
  if (reference.errors.length > 0 || reference.warnings.length > 0) {
    return `yaml reports ${[...reference.errors, ...reference.warnings].map((e) => e.message).join('; ')}, the fast parser nothing`;
  }
  if (JSON.stringify(fast.range) !== JSON.stringify(reference.range))
    return `document range ${JSON.stringify(fast.range)} vs ${JSON.stringify(reference.range)}`;
  if (JSON.stringify(fast.directives) !== JSON.stringify(reference.directives))
    return `directives ${JSON.stringify(fast.directives)} vs ${JSON.stringify(reference.directives)}`;
  return nodeDifference(fast.contents, reference.contents);
}
