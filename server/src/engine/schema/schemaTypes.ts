/** The compiled form of schemas/kubernetes.json that validation, completion and hover walk. */
import type { ValueBounds } from './constraints';
import type { Junctors } from './junctors';
import type { StringPattern } from './patterns';

export interface FieldSchema {
  readonly name: string;
  readonly type: SchemaNode;
  readonly description: string | undefined;
  readonly required: boolean;
}

export interface ObjectSchema {
  readonly kind: 'object';
  /** Definition id, e.g. `io.k8s.api.core.v1.Container`. */
  readonly id: string;
  /** Short type name for messages, e.g. `Container`. */
  readonly name: string;
  readonly description: string | undefined;
  readonly properties: Map<string, FieldSchema>;
  /** Required field names, sorted. */
  readonly required: readonly string[];
  /**
   * Fields it does not list are kept, not unknown: a custom resource's `x-kubernetes-preserve-unknown-fields`
   * object (engine/crd/). Unset for every built-in type.
   */
  readonly preservesUnknownFields?: boolean;
  /** A CRD's `anyOf`/`oneOf`/`allOf`/`not` at this level (junctors.ts); unset for every built-in type. */
  readonly junctors?: Junctors;
  /** A CRD's `minProperties`/`maxProperties` (constraints.ts); unset for every built-in type. */
  readonly bounds?: ValueBounds;
}

export type ScalarKind = 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string' | 'quantity' | 'time';

/** What only CRDs state, on any node but a union: the logical junctors of its level (junctors.ts). */
interface WithJunctors {
  readonly junctors?: Junctors;
}

export type SchemaNode =
  | ObjectSchema
  | ({ readonly kind: 'map'; readonly values: SchemaNode; readonly bounds?: ValueBounds } & WithJunctors)
  | ({ readonly kind: 'array'; readonly items: SchemaNode; readonly bounds?: ValueBounds } & WithJunctors)
  | ({
      readonly kind: ScalarKind;
      readonly enum?: readonly string[];
      readonly description?: string;
      /** A string format the API server checks (a CRD's `format: uuid`; see formats.ts); unset for built-in kinds. */
      readonly format?: string;
      /** A CRD's `minimum`, `maxLength`, … (constraints.ts); unset for built-in kinds. */
      readonly bounds?: ValueBounds;
      /** A CRD's `pattern` (RE2, patterns.ts); unset for built-in kinds. */
      readonly pattern?: StringPattern;
    } & WithJunctors)
  | { readonly kind: 'union'; readonly options: readonly SchemaNode[] }
  | ({ readonly kind: 'any'; readonly description?: string } & WithJunctors);

export const ANY: SchemaNode = { kind: 'any' };

/** Human wording of what a schema node expects, for messages and hovers ("an integer"). */
export function describeExpected(node: SchemaNode): string {
  switch (node.kind) {
    case 'object':
      return `an object (${node.name})`;
    case 'map':
      return `a map of ${plural(node.values)}`;
    case 'array':
      return `a list of ${plural(node.items)}`;
    case 'string':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean (true or false)';
    case 'int-or-string':
      return 'an integer or a string';
    case 'quantity':
      return 'a quantity such as `500m`, `1Gi`, `0.5` or `2`';
    case 'time':
      return 'a timestamp (RFC 3339)';
    case 'union':
      return node.options.map(describeExpected).join(' or ');
    case 'any':
      return 'any value';
  }
}

/** Short type label for hovers and completion details ("integer", "[]Container"). */
export function typeLabel(node: SchemaNode): string {
  switch (node.kind) {
    case 'object':
      return node.name;
    case 'map':
      return `map[string]${typeLabel(node.values)}`;
    case 'array':
      return `[]${typeLabel(node.items)}`;
    case 'union':
      return node.options.map(typeLabel).join(' | ');
    default:
      return node.kind;
  }
}

function plural(node: SchemaNode): string {
  switch (node.kind) {
    case 'object':
      return `${node.name} objects`;
    case 'string':
      return 'strings';
    case 'integer':
      return 'integers';
    case 'quantity':
      return 'quantities';
    default:
      return `${typeLabel(node)} values`;
  }
}
