/** Safe readers over plain manifest values (anything may be missing or of the wrong type). */
import { isPlainObject } from '../render/annotated';

export { isPlainObject };

export function record(value: unknown): Record<string, unknown> | undefined {
  return isPlainObject(value) ? value : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Reads a nested value by path. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const part of path) {
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else current = isPlainObject(current) ? current[part] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}
