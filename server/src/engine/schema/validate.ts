/**
 * Validates a Kubernetes document's YAML AST against its schema, with findings on the exact key or
 * value. Walks the AST once; allocation happens only when something is wrong.
 */
import { type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from '../document/yamlGuards';
import type { ManifestDocument } from '../document/manifestDocument';
import { pathToString, type Finding, type FindingFix, type Range, type Severity } from '../types';
import { fieldAt } from './schemaPath';
import { describeExpected, type ObjectSchema, type SchemaNode } from './schemaTypes';
import type { KindEntry, SchemaStore } from './store';
import { closestMatch } from './suggest';
import { describeActual, scalarMatches, typeHint } from './values';
import { apiLifecycle } from './apiLifecycle';
import { metadataOnlyEntry } from './metadataOnly';
import { fieldRemovedIn } from './fieldVersions';
import { describeFormat, matchesFormat } from './formats';
import { duplicateItem, itemsBoundProblem, propertiesBoundProblem, scalarBoundProblem, type ValueBounds } from './constraints';
import { junctorProblem, type Junctors } from './junctors';
import { showPattern } from './patterns';

export const SCHEMA_CODES = {
  unknownField: 'schema-unknown-field',
  type: 'schema-type',
  required: 'schema-required',
  enum: 'schema-enum',
  apiVersion: 'schema-api-version',
} as const;

export interface SchemaValidationOptions {
  /** Patch documents: no `required` checks; strategic-merge directives (`$patch`, …) allowed. */
  partial?: boolean;
  severity?: Severity;
}

const PATCH_DIRECTIVE = /^\$(patch|retainKeys|setElementOrder\/.+|deleteFromPrimitiveList\/.+)$/;

/** Schema findings for one Kubernetes document: its kind's schema, or its metadata alone for a kind without one. */
export function validateDocument(doc: ManifestDocument, store: SchemaStore, options: SchemaValidationOptions = {}): Finding[] {
  const cls = doc.class;
  if (cls.type !== 'kubernetes') return [];
  const entry = store.lookup(cls.apiVersion, cls.kind);
  if (!entry) {
    // No schema for the kind: its metadata is still checked, as the API server does for every kind.
    const unserved = unservedApiVersion(doc, store, cls.apiVersion, cls.kind, options.severity ?? 'error');
    const generic = metadataOnlyEntry(doc, store, cls.apiVersion, cls.kind);
    return generic ? [...unserved, ...validateEntry(doc, store, generic, options)] : unserved;
  }
  return validateEntry(doc, store, entry, options);
}

/** Findings of a document against a chosen schema entry (kustomize files: see kustomize.ts). */
export function validateEntry(doc: ManifestDocument, store: SchemaStore, entry: KindEntry, options: SchemaValidationOptions = {}): Finding[] {
  const walker = new SchemaWalker(doc, store, entry, options);
  walker.visit(doc.yaml.contents, entry.schema, undefined, entry.kind);
  return walker.findings;
}

/** Removed apiVersions a rule reports with a conversion fix; the schema check leaves them to it. */
const RULE_OWNED_API_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  HorizontalPodAutoscaler: ['autoscaling/v2beta1', 'autoscaling/v2beta2'],
};

function unservedApiVersion(doc: ManifestDocument, store: SchemaStore, apiVersion: string, kind: string, severity: Severity): Finding[] {
  const served = store.apiVersionsOf(kind);
  if (served.length === 0 || !store.isKubernetesApiVersion(apiVersion)) return [];
  if (RULE_OWNED_API_VERSIONS[kind]?.includes(apiVersion)) return [];
  // A version the lifecycle data knows is reported against the target release by no-unsupported-api-version.
  if (apiLifecycle(apiVersion, kind)) return [];
  if (store.isNewerThanKnown(apiVersion, kind)) return [];
  const message = `apiVersion \`${apiVersion}\` does not serve ${kind}; ${kind} is served by ${served.join(', ')}: change apiVersion.`;
  return [
    {
      code: SCHEMA_CODES.apiVersion,
      severity,
      message,
      uri: doc.uri,
      range: doc.rangeOfPath(['apiVersion'], 'value'),
      data: { ruleId: SCHEMA_CODES.apiVersion, apiVersions: [...served] },
    },
  ];
}

function isPlainNull(node: unknown): boolean {
  return isScalar(node) && node.value === null;
}

class SchemaWalker {
  readonly findings: Finding[] = [];
  private readonly path: (string | number)[] = [];
  private readonly partial: boolean;
  private readonly severity: Severity;

  constructor(
    private readonly doc: ManifestDocument,
    private readonly store: SchemaStore,
    private readonly entry: KindEntry,
    options: SchemaValidationOptions,
  ) {
    this.partial = options.partial ?? false;
    this.severity = options.severity ?? 'error';
  }

  /** `holder` is the pair whose value `node` is; `label` names the value in messages. */
  visit(node: unknown, schema: SchemaNode, holder: Pair | undefined, label: string): void {
    if (node === null || node === undefined || isAlias(node)) return;
    // `args:` with nothing after it (or `~`, `null`) decodes to a nil value: the field is unset.
    if (isPlainNull(node)) return;
    // A patch holds part of an object: "one of these is required" would be judged without the base's fields.
    if (schema.kind !== 'union' && schema.junctors && !this.partial) this.checkJunctors(node as Node, schema.junctors, holder, label);
    switch (schema.kind) {
      case 'any':
        return;
      case 'union':
        return this.visitUnion(node as Node, schema.options, holder, label);
      case 'object':
      case 'map':
        if (!isMap(node)) return this.typeMismatch(node as Node, schema, label);
        if (schema.kind === 'object') this.visitObject(node, schema, holder);
        else this.visitMapValues(node, schema.values);
        if (schema.bounds) this.checkFieldCount(node, schema.bounds, label);
        return;
      case 'array':
        if (!isSeq(node)) return this.typeMismatch(node as Node, schema, label);
        this.checkBound(node, schema.bounds && itemsBoundProblem(schema.bounds, node.items.length), label);
        if (schema.bounds?.unique) this.checkUnique(node, schema.bounds.unique, label);
        this.visitItems(node.items, schema.items, label);
        return;
      default:
        if (!isScalar(node)) return this.typeMismatch(node as Node, schema, label);
        if (!scalarMatches(schema.kind, node.value)) return this.typeMismatch(node, schema, label);
        if (schema.enum && typeof node.value === 'string') this.checkEnum(node, schema.enum, label);
        if (schema.format && typeof node.value === 'string' && !matchesFormat(schema.format, node.value)) this.formatMismatch(node, schema.format, label);
        this.checkBound(node, schema.bounds && scalarBoundProblem(schema.bounds, node.value), label);
        if (schema.pattern && typeof node.value === 'string' && !schema.pattern.matches(node.value))
          this.checkBound(node, `must match the pattern ${showPattern(schema.pattern.source)}, got ${describeActual(node.value)}`, label);
    }
  }

  /** A CRD's anyOf/oneOf/allOf/not, on the value as plain data; reported on its key when it is a map or list. */
  private checkJunctors(node: Node, junctors: Junctors, holder: Pair | undefined, label: string): void {
    const problem = junctorProblem(junctors, this.plainAtPath());
    if (!problem) return;
    const range = holder && (isMap(node) || isSeq(node)) ? this.doc.rangeOfPair(holder, 'key') : this.doc.rangeOfNode(node);
    this.report(SCHEMA_CODES.type, range, `\`${label}\` ${problem}.`, {});
  }

  /** The plain value at the walker's path (the document's plain value is computed once per chunk). */
  private plainAtPath(): unknown {
    let value = this.doc.plain().value;
    for (const step of this.path) {
      if (typeof step === 'number') value = Array.isArray(value) ? (value as unknown[])[step] : undefined;
      else value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[step] : undefined;
    }
    return value;
  }

  private visitUnion(node: Node, options: readonly SchemaNode[], holder: Pair | undefined, label: string): void {
    const fits = options.find((o) =>
      isMap(node)
        ? o.kind === 'object' || o.kind === 'map' || o.kind === 'any'
        : isSeq(node)
          ? o.kind === 'array' || o.kind === 'any'
          : o.kind !== 'object' &&
            o.kind !== 'map' &&
            o.kind !== 'array' &&
            o.kind !== 'union' &&
            (o.kind === 'any' || (isScalar(node) && scalarMatches(o.kind, node.value))),
    );
    if (fits) this.visit(node, fits, holder, label);
    else this.typeMismatch(node, { kind: 'union', options }, label);
  }

  private visitObject(map: YAMLMap, schema: ObjectSchema, holder: Pair | undefined): void {
    let present: Set<string> | undefined;
    let merged = false;
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      // The YAML 1.1 merge key parses to a symbol (`Symbol(<<)`), not the string `<<`.
      const key: unknown = pair.key.value;
      const name = typeof key === 'symbol' ? (key.description ?? '') : String(key);
      if (name === '<<') {
        merged = true;
        continue;
      }
      const field = schema.properties.get(name);
      if (!field) {
        if (schema.preservesUnknownFields) continue;
        if (!(this.partial && PATCH_DIRECTIVE.test(name))) this.unknownField(pair, name, schema);
        continue;
      }
      if (!isPlainNull(pair.value)) (present ??= new Set()).add(name);
      this.path.push(name);
      this.visit(pair.value, field.type, pair, name);
      this.path.pop();
    }
    if (this.partial || merged || this.path[0] === 'status' || schema.required.length === 0) return;
    for (const name of schema.required) {
      if (!present?.has(name)) this.missingField(map, schema, name, holder);
    }
  }

  private visitMapValues(map: YAMLMap, values: SchemaNode): void {
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      this.path.push(name);
      this.visit(pair.value, values, pair, name);
      this.path.pop();
    }
  }

  private visitItems(items: readonly unknown[], schema: SchemaNode, label: string): void {
    for (let i = 0; i < items.length; i++) {
      this.path.push(i);
      this.visit(items[i], schema, undefined, `${label}[${i}]`);
      this.path.pop();
    }
  }

  private unknownField(pair: Pair, name: string, schema: ObjectSchema): void {
    // A field an older supported release has: no-field-removed-in-target judges it against the target release.
    if (fieldRemovedIn(schema.id, name)) return;
    const range = this.doc.rangeOfPair(pair, 'key');
    const otherVersions = this.versionsWithField(name);
    if (otherVersions.length > 0) {
      const { apiVersion, kind } = this.entry;
      const message = `${apiVersion} ${kind} has no field \`${name}\` (at \`${pathToString([...this.path, name])}\`); use apiVersion ${otherVersions.join(' or ')}, which has it.`;
      this.report(SCHEMA_CODES.apiVersion, range, message, { apiVersions: otherVersions });
      return;
    }
    const suggestion = closestMatch(name, schema.properties.keys());
    const advice = suggestion ? `did you mean \`${suggestion}\`?` : 'remove it or correct its name.';
    this.report(SCHEMA_CODES.unknownField, range, `Unknown field \`${name}\` in ${schema.name}; ${advice}`, {
      field: name,
      ...(suggestion ? { suggestion, fixes: [this.replaceFix(range, suggestion)] } : {}),
    });
  }

  /** Other apiVersions of this kind whose schema has the field at the current path. */
  private versionsWithField(name: string): string[] {
    // A custom resource may reuse a built-in kind name (Knative's Service): built-in versions are no advice for it.
    if (!this.store.isKubernetesApiVersion(this.entry.apiVersion)) return [];
    const versions = this.store.apiVersionsOf(this.entry.kind);
    if (versions.length < 2) return [];
    const path = [...this.path, name];
    return versions.filter((v) => {
      const other = v === this.entry.apiVersion ? undefined : this.store.lookup(v, this.entry.kind);
      return other !== undefined && fieldAt(other.schema, path) !== undefined;
    });
  }

  private missingField(map: YAMLMap, schema: ObjectSchema, name: string, holder: Pair | undefined): void {
    const firstKey = map.items.find((p) => isPair(p) && isScalar(p.key))?.key as Node | undefined;
    let range: Range;
    if (this.path.length === 0) range = this.doc.headRange();
    else if (holder) range = this.doc.rangeOfPair(holder, 'key');
    else range = firstKey ? this.doc.rangeOfNode(firstKey) : this.doc.rangeOfNode(map);
    const where = this.path.length === 0 ? '' : ` at \`${pathToString(this.path)}\``;
    const message = `Missing required field \`${name}\` in ${schema.name}${where}; add \`${name}:\`.`;
    this.report(SCHEMA_CODES.required, range, message, { field: name, typeName: schema.name });
  }

  private typeMismatch(node: Node, expected: SchemaNode, label: string): void {
    const value = isScalar(node) ? node.value : undefined;
    const actual = isMap(node) ? 'a map' : isSeq(node) ? 'a list' : describeActual(value);
    const source = isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    const message = `\`${label}\` must be ${describeExpected(expected)}, got ${actual}${typeHint(expected, value, source)}.`;
    this.report(SCHEMA_CODES.type, this.doc.rangeOfNode(node), message, {});
  }

  /** A CRD bound (`minimum`, `maxItems`, …) the value breaks: the API server refuses the object. */
  /** `minProperties`/`maxProperties`; not on a patch (it holds part of an object) nor with a merge key (`<<`). */
  private checkFieldCount(map: YAMLMap, bounds: ValueBounds, label: string): void {
    if (this.partial || map.items.some((pair) => isScalar(pair.key) && typeof pair.key.value === 'symbol')) return;
    this.checkBound(map, propertiesBoundProblem(bounds, map.items.length), label);
  }

  /** `x-kubernetes-list-type: set`/`map`: an item that repeats an earlier one is refused ("Duplicate value"). */
  private checkUnique(seq: YAMLSeq, unique: NonNullable<ValueBounds['unique']>, label: string): void {
    const plain = this.plainAtPath();
    if (this.partial || !Array.isArray(plain)) return;
    const duplicate = duplicateItem(unique, plain);
    const item = duplicate && seq.items[duplicate.index];
    if (duplicate && item)
      this.checkBound(
        item as Node,
        `repeats an earlier item (${duplicate.what}): the list is \`x-kubernetes-list-type: ${unique.type}\``,
        `${label}[${duplicate.index}]`,
      );
  }

  private checkBound(node: Node, problem: string | undefined, label: string): void {
    if (problem) this.report(SCHEMA_CODES.type, this.doc.rangeOfNode(node), `\`${label}\` ${problem}.`, {});
  }

  private formatMismatch(node: Node, format: string, label: string): void {
    const message = `\`${label}\` must be ${describeFormat(format)} (format \`${format}\`), got ${describeActual((node as Node & { value: unknown }).value)}.`;
    this.report(SCHEMA_CODES.type, this.doc.rangeOfNode(node), message, { format });
  }

  private checkEnum(node: Node & { value: unknown }, allowed: readonly string[], label: string): void {
    const value = node.value as string;
    if (allowed.includes(value)) return;
    const suggestion = closestMatch(value, allowed);
    const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '.';
    const shown = allowed.map((a) => (a === '' ? '""' : a)).join(', ');
    const message = `\`${label}\` must be one of ${shown}; got ${JSON.stringify(value)}${hint}`;
    const range = this.doc.rangeOfNode(node);
    this.report(SCHEMA_CODES.enum, range, message, {
      allowed: [...allowed],
      ...(suggestion ? { suggestion, fixes: [this.replaceFix(range, suggestion)] } : {}),
    });
  }

  /** "Change to `x`" for a did-you-mean guess: one at a time (unsafe), since the guess may be wrong. */
  private replaceFix(range: Range, suggestion: string): FindingFix {
    return { title: `Change to ${suggestion}`, safety: 'unsafe', edits: [{ uri: this.doc.uri, edits: [{ range, newText: suggestion }] }] };
  }

  private report(code: string, range: Range, message: string, data: Record<string, unknown>): void {
    this.findings.push({
      code,
      severity: this.severity,
      message,
      uri: this.doc.uri,
      range,
      data: { ruleId: code, path: [...this.path], ...data },
    });
  }
}
