/**
 * Secret insight: hovering a `data` value shows its size and kind with a **Reveal** link (the client command
 * `biomeManifests.revealSecretValue`, which shows the value on request), and the decoded text itself (binary: a hex
 * preview) only when the user turned `biomeManifests.secrets.showDecoded` on. Decoded values are never logged, and
 * the link carries only where the value is, never the value.
 */
import { decodeBase64, hexPreview, looksBinary, utf8Text, validateBase64 } from '../secrets/base64';
import { at } from '../k8s/values';
import { escapeMarkdown, type CursorContext, type InsightHover, type InsightProvider } from './types';

const PROBLEMS: Record<string, string> = {
  character: 'a character outside the base64 alphabet',
  'url-safe': 'the URL-safe alphabet (`-`, `_`), which the API server does not accept',
  padding: 'misplaced `=` padding',
  length: 'a length that is not a multiple of 4 (missing padding)',
};

/** A fenced code block that no backtick run in `text` can close. */
export function codeBlock(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

function bytesText(n: number): string {
  return n === 1 ? '1 byte' : `${n} bytes`;
}

/** Where a hovered value is: the arguments of the Reveal command. */
export interface RevealTarget {
  uri: string;
  line: number;
  character: number;
}

export const REVEAL_COMMAND = 'biomeManifests.revealSecretValue';

function revealLink(target: RevealTarget): string {
  return `[Reveal](command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify([target]))} "Show the decoded value")`;
}

/** The hover text for the value of `data.<key>` (exported for tests). */
export function secretValueMarkdown(key: string, encoded: string, showDecoded: boolean, reveal?: RevealTarget): string {
  const title = `**data.${escapeMarkdown(key)}**`;
  const check = validateBase64(encoded);
  if (!check.ok) return `${title} is not valid base64: ${PROBLEMS[check.problem]} (character ${check.index + 1}).`;
  const bytes = decodeBase64(encoded)!;
  const binary = looksBinary(bytes);
  const text = binary ? undefined : utf8Text(bytes);
  const kind = binary ? 'binary data' : 'text';
  const newline = text?.endsWith('\n') ? ', ending in a newline' : '';
  const head = `${title}: ${bytesText(bytes.length)} of ${kind}${newline}.`;
  if (!showDecoded) {
    const how = reveal ? `${revealLink(reveal)} the decoded value, or turn on` : 'Turn on';
    return `${head}\n\n${how} \`biomeManifests.secrets.showDecoded\` to show decoded values in hovers.`;
  }
  if (text === undefined) return `${head}\n\n${codeBlock(hexPreview(bytes))}`;
  return `${head}\n\n${codeBlock(text.endsWith('\n') ? text.slice(0, -1) : text)}`;
}

function hover(ctx: CursorContext): InsightHover | undefined {
  if (ctx.doc.identity?.kind !== 'Secret') return undefined;
  const path = ctx.at.path;
  if (path.length !== 2 || path[0] !== 'data' || typeof path[1] !== 'string') return undefined;
  const value = at(ctx.doc.plain().value, 'data', path[1]);
  if (typeof value !== 'string') return undefined;
  const node = ctx.doc.nodeAt(path);
  const range = node?.range ? ctx.doc.range(node.range[0], node.range[1]) : undefined;
  const reveal = range ? { uri: ctx.file.uri, line: range.start.line, character: range.start.character } : undefined;
  const markdown = secretValueMarkdown(path[1], value, ctx.settings.showDecodedSecrets, reveal);
  return { markdown, ...(range ? { range } : {}) };
}

export const secretsInsight: InsightProvider = { id: 'secrets', hover };
