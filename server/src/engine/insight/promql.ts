/**
 * PromQL in rule expressions: hover on functions, aggregations and recording-rule names; go to definition from a
 * metric name to the `record:` that defines it; references from a `record:` (or a use) to every expression using it;
 * completion of functions, aggregations and the workspace's recording rules inside an `expr`. The same in a rule file
 * held by a ConfigMap key.
 */
import { promqlDoc, promqlNames } from '../monitoring/promqlDocs';
import { promqlTokenAt, type PromqlToken } from '../monitoring/promqlTokens';
import { exprOffsetAt, metricUses, recordRange, ruleAtCursor, workspaceRules, type RuleEntry } from '../monitoring/recordingRules';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { escapeMarkdown, inlineCode, type CursorContext, type InsightCompletion, type InsightHover, type InsightProvider, type Location } from './types';

/** What the cursor is on: a name inside an `expr`, or the name of a `record:`. */
type Target = { kind: 'token'; rule: RuleEntry; token: PromqlToken } | { kind: 'record'; rule: RuleEntry; name: string };

function targetAt(ctx: CursorContext): Target | undefined {
  if (ctx.at.onKey) return undefined;
  const found = ruleAtCursor(ctx.doc, ctx.at.path, ctx.offset);
  if (!found) return undefined;
  if (found.field === 'record' && found.rule.record) return { kind: 'record', rule: found.rule, name: found.rule.record };
  if (found.field !== 'expr' || found.rule.expr === undefined) return undefined;
  const offset = exprOffsetAt(found.rule, ctx.offset);
  const token = offset === undefined ? undefined : promqlTokenAt(found.rule.expr, offset);
  return token ? { kind: 'token', rule: found.rule, token } : undefined;
}

function recordsNamed(index: WorkspaceIndex, name: string): RuleEntry[] {
  return workspaceRules(index).filter((rule) => rule.record === name);
}

function recordLocation(rule: RuleEntry): Location {
  return { uri: rule.doc.uri, range: recordRange(rule) };
}

const fileName = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

function recordHover(index: WorkspaceIndex, name: string): string | undefined {
  const records = recordsNamed(index, name);
  if (records.length === 0) return undefined;
  const lines = records.map((rule) => {
    const where = `${escapeMarkdown(fileName(rule.doc.uri))}, group ${inlineCode(rule.group)}`;
    return `Recording rule ${inlineCode(name)} (${where}):\n\n\`\`\`promql\n${(rule.expr ?? '').replace(/```/g, '`\u200b``').trim()}\n\`\`\``;
  });
  return lines.join('\n\n');
}

function hover(ctx: CursorContext): InsightHover | undefined {
  const target = targetAt(ctx);
  if (!target) return undefined;
  if (target.kind === 'record') {
    const uses = workspaceRules(ctx.index).reduce((n, rule) => n + metricUses(rule, target.name).length, 0);
    return { markdown: `Recording rule ${inlineCode(target.name)}: used by ${uses} ${uses === 1 ? 'expression' : 'expressions'} in this workspace.` };
  }
  const { token } = target;
  if (token.kind === 'metric') {
    const markdown = recordHover(ctx.index, token.name);
    return markdown ? { markdown } : undefined;
  }
  const doc = promqlDoc(token.name);
  if (!doc) return undefined;
  return { markdown: `\`\`\`promql\n${doc.signature}\n\`\`\`\n\n${doc.summary}\n\n[Prometheus documentation](${doc.url})` };
}

function definition(ctx: CursorContext): Location[] {
  const target = targetAt(ctx);
  if (target?.kind !== 'token' || target.token.kind !== 'metric') return [];
  return recordsNamed(ctx.index, target.token.name).map(recordLocation);
}

function references(ctx: CursorContext): Location[] {
  const target = targetAt(ctx);
  const name = target?.kind === 'record' ? target.name : target?.token.kind === 'metric' ? target.token.name : undefined;
  if (name === undefined) return [];
  return workspaceRules(ctx.index).flatMap((rule) => metricUses(rule, name).map((use) => ({ uri: rule.doc.uri, range: use.range })));
}

function completion(ctx: CursorContext): InsightCompletion[] {
  const found = ctx.at.onKey ? undefined : ruleAtCursor(ctx.doc, ctx.at.path, ctx.offset);
  if (found?.field !== 'expr') return [];
  const records = new Set(workspaceRules(ctx.index).flatMap((rule) => (rule.record ? [rule.record] : [])));
  const recordItems = [...records].sort().map((name) => ({ label: name, detail: 'recording rule' }));
  const functionItems = promqlNames().map((name) => {
    const doc = promqlDoc(name)!;
    return { label: name, insertText: `${name}(`, detail: doc.signature, documentation: doc.summary };
  });
  return [...recordItems, ...functionItems];
}

export const promqlInsight: InsightProvider = { id: 'promql', hover, definition, references, completion };
