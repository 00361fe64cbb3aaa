/** What the Kubernetes API server accepts for each scalar schema kind, and how values are named in messages. */
import type { ScalarKind, SchemaNode } from './schemaTypes';

/** The quantity grammar of k8s.io/apimachinery/pkg/api/resource (ParseQuantity). */
export const QUANTITY_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Whether a scalar decoded with YAML 1.1 is accepted where `kind` is expected. Null is always accepted. */
export function scalarMatches(kind: ScalarKind, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      // `2.0` is accepted: sigs.k8s.io/yaml re-emits it as the JSON number 2.
      return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
    case 'number':
      return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint';
    case 'boolean':
      return typeof value === 'boolean';
    case 'int-or-string':
      return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
    case 'quantity':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && QUANTITY_PATTERN.test(value));
    case 'time':
      // YAML 1.1 decodes unquoted timestamps as dates; Kubernetes re-reads them as RFC 3339 strings.
      return typeof value === 'string' || value instanceof Date;
  }
}

/** "string \"two\"", "integer 3", "boolean true": how a wrong value is quoted back. */
export function describeActual(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `string ${JSON.stringify(truncate(value))}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer ${value}` : `number ${value}`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  if (value instanceof Date) return `timestamp ${value.toISOString()}`;
  return typeof value;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A remedy for the common mix-ups: unquoted numbers/booleans for strings, quoted numbers for integers. */
export function typeHint(expected: SchemaNode, value: unknown, source: string | undefined): string {
  if (expected.kind === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    const text = source ?? String(value);
    const yaml11 = typeof value === 'boolean' && !/^(true|false)$/i.test(text) ? ' (YAML 1.1 reads it as a boolean)' : '';
    return `; quote it: "${text}"${yaml11}`;
  }
  if ((expected.kind === 'integer' || expected.kind === 'number') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    return '; remove the quotes';
  }
  if (expected.kind === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value)) {
    return '; remove the quotes';
  }
  if (expected.kind === 'quantity' && typeof value === 'string') {
    return '; use a number with an optional suffix (m, k, M, G, Ki, Mi, Gi, …)';
  }
  return '';
}
