/**
 * Where a rule finds monitoring content: a monitoring file itself, a `PrometheusRule` object (spec.groups), or a
 * ConfigMap key (or a Secret's `stringData` key) holding a file. Each source reports problems by path inside its content; the source turns the
 * path (and an optional span inside a scalar, e.g. a PromQL error) into a location in the workspace file.
 */
import type { Node } from 'yaml';
import type { MessageData, Report, RuleContext } from '../lint/rule';
import type { NodePart } from '../document/manifestDocument';
import type { FindingFix, Severity, ValuePath } from '../types';
import { embeddedFile, nodeAtPath, plainFileFields, type EmbeddedFile } from './embedded';
import type { MonitoringFormat } from './formats';
import { sourceOffsets } from './scalarOffset';

export interface Problem<MessageId extends string = string> {
  path: ValuePath;
  /** One of the rule's messages, filled with `data` (see engine/lint/rule.ts). */
  messageId: MessageId;
  data?: MessageData;
  part?: NodePart;
  /** A span inside the scalar value at `path` (offsets into its value, e.g. into a PromQL expression). */
  span?: { start: number; end: number };
  severity?: Severity;
  /** Built only for content that is a file itself (edits inside an embedded file are not offered). */
  fixes?: () => FindingFix[];
}

export interface MonitoringSource<MessageId extends string = string> {
  format: MonitoringFormat;
  /** The content's root as plain values. */
  value: unknown;
  /** True when the content is a workspace file itself (fixes can edit it by path). */
  direct: boolean;
  report(problem: Problem<MessageId>): void;
}

/** The monitoring contents of `format` the rule's target holds. */
export function monitoringSources<MessageId extends string>(context: RuleContext<MessageId>, format: MonitoringFormat): MonitoringSource<MessageId>[] {
  const target = context.target;
  if (target.type === 'config') {
    return target.doc.class.type === format ? [directSource(context, format, target.value, [])] : [];
  }
  const object = target.object;
  const value = object.value;
  if (value.kind === 'PrometheusRule') return format === 'prometheus-rules' ? [directSource(context, format, value.spec, ['spec'])] : [];
  const out: MonitoringSource<MessageId>[] = [];
  for (const field of plainFileFields(value.kind)) {
    const data = value[field];
    if (typeof data !== 'object' || data === null) continue;
    for (const { key, text, file } of embeddedFiles(data as Record<string, unknown>)) {
      if (file.format === format) out.push(embeddedSource(context, format, [field, key], text, file));
    }
  }
  return out;
}

const embeddedByData = new WeakMap<object, { key: string; text: string; file: EmbeddedFile }[]>();

/**
 * The monitoring files of a ConfigMap's data, found once per object: every monitoring rule asks, and a ConfigMap
 * may have 150,000 keys (listing them for each of the rules cost 3 s).
 */
function embeddedFiles(data: Record<string, unknown>): { key: string; text: string; file: EmbeddedFile }[] {
  let found = embeddedByData.get(data);
  if (!found) {
    found = [];
    for (const key in data) {
      const text = data[key];
      if (typeof text !== 'string' || !(key.endsWith('.yml') || key.endsWith('.yaml') || key.endsWith('.YML') || key.endsWith('.YAML'))) continue;
      const file = embeddedFile(key, text);
      if (file) found.push({ key, text, file });
    }
    embeddedByData.set(data, found);
  }
  return found;
}

function spanOffsets(node: Node | undefined, text: string, span: { start: number; end: number }): { start: number; end: number } | undefined {
  if (!node?.range || !('value' in node)) return undefined;
  const source = text.slice(node.range[0], node.range[1]);
  const [start, end] = sourceOffsets(source, String(node.value), [span.start, span.end]);
  return { start: start!, end: Math.max(start!, end!) };
}

/**
 * Source offsets, within the scalar at `path` of the rule's target, of `span` in the scalar's value (a PromQL
 * position through quotes, escapes and block indentation): the `offsetInValue` of a report.
 */
export function spanInScalar(
  context: Pick<RuleContext, 'locate'>,
  path: ValuePath,
  span: { start: number; end: number },
): { start: number; end: number } | undefined {
  const origin = context.locate(path);
  return spanOffsets(origin.doc.nodeAt(origin.path), origin.doc.text, span);
}

/** The report of `problem`, before its location is narrowed. */
function reportOf<MessageId extends string>(problem: Problem<MessageId>, path: ValuePath, part: NodePart): Report<MessageId> {
  const report: Report<MessageId> = { path, part, messageId: problem.messageId };
  if (problem.data) report.data = problem.data;
  if (problem.severity) report.severity = problem.severity;
  return report;
}

function directSource<MessageId extends string>(
  context: RuleContext<MessageId>,
  format: MonitoringFormat,
  value: unknown,
  prefix: ValuePath,
): MonitoringSource<MessageId> {
  return {
    format,
    value,
    direct: true,
    report(problem) {
      const path = [...prefix, ...problem.path];
      const report = reportOf(problem, path, problem.part ?? 'key');
      const offsets = problem.span && spanInScalar(context, path, problem.span);
      if (offsets) report.offsetInValue = offsets;
      if (problem.fixes) report.fixes = problem.fixes();
      context.report(report);
    },
  };
}

/** A file inside a ConfigMap (or Secret stringData) value: inner offsets go through the block scalar's indentation. */
function embeddedSource<MessageId extends string>(
  context: RuleContext<MessageId>,
  format: MonitoringFormat,
  path: ['data' | 'stringData', string],
  text: string,
  file: EmbeddedFile,
): MonitoringSource<MessageId> {
  return {
    format,
    value: file.value,
    direct: false,
    report(problem) {
      const node =
        nodeAtPath(file.yaml, problem.path, problem.part === 'value' || problem.span ? 'value' : 'key') ?? (file.yaml.contents as Node | null) ?? undefined;
      let inner = node?.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
      const span = problem.span && spanOffsets(node, text, problem.span);
      if (span && node?.range) inner = { start: node.range[0] + span.start, end: node.range[0] + span.end };
      const origin = context.locate(path);
      const outer = origin.doc.nodeAt(origin.path);
      const report = reportOf(problem, path, 'value');
      if (outer?.range) {
        const [start, end] = sourceOffsets(origin.doc.text.slice(outer.range[0], outer.range[1]), text, [inner.start, inner.end]);
        report.offsetInValue = { start: start!, end: Math.max(start!, end!) };
      }
      context.report(report);
    },
  };
}

/** The kinds a monitoring rule of these formats runs on: the files themselves and the objects that embed them. */
export function kindsFor(...formats: MonitoringFormat[]): string[] {
  return [...formats, ...(formats.includes('prometheus-rules') ? ['PrometheusRule'] : []), 'ConfigMap', 'Secret'];
}
