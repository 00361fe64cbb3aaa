/** The quick fixes for a Secret `data` value that is not valid base64 (no-invalid-secret-base64). */
import type { ObjectRuleContext } from '../../engine/lint/rule';
import type { RenderedObject } from '../../engine/render/render';
import type { FindingFix } from '../../engine/types';
import { encodeBase64, looksBinary, repairPadding, urlSafeToStandard, type Base64Problem } from '../../engine/secrets/base64';
import { fix } from './edits';
import { moveToStringData } from './stringDataFix';
import { replaceScalar } from './scalarSource';

/** Plain text (not garbled base64): printable, no control characters. */
function looksLikePlainText(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return value.length > 0 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);
}

/** Random-looking like encoded key material: upper- and lower-case letters and digits all appear. */
function hasBase64Texture(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

/**
 * For a value whose only fault is its `=` padding, the fix that repairs the padding — when the value
 * looks already encoded (it decodes to text, or reads like key material). A plain word such as
 * `supersecret` also decodes once padded, but to garbage: encoding it is what its author wants.
 */
function paddingFix(context: ObjectRuleContext, key: string, value: string, problem: Base64Problem): FindingFix[] {
  if (problem !== 'padding' && problem !== 'length') return [];
  const repaired = repairPadding(value);
  if (!repaired || (looksBinary(repaired.bytes) && !hasBase64Texture(value))) return [];
  const title =
    repaired.parts > 1
      ? `Join the ${repaired.parts} base64 parts of ${key} into one value`
      : value.includes('=')
        ? `Fix the \`=\` padding of ${key}`
        : `Add the missing \`=\` padding to ${key}`;
  const origin = context.locate(['data', key]);
  return fix(title, 'unsafe', origin.doc, [replaceScalar(origin.doc, origin.path, repaired.text)]);
}

/** The fixes for `data.<key>` with `problem`, the likeliest meaning first (see `paddingFix`). */
export function base64Fixes(context: ObjectRuleContext, object: RenderedObject, key: string, value: string, problem: Base64Problem): FindingFix[] {
  const origin = context.locate(['data', key]);
  if (problem === 'url-safe') {
    return fix('Convert to the standard base64 alphabet', 'safe', origin.doc, [replaceScalar(origin.doc, origin.path, urlSafeToStandard(value))]);
  }
  // Already-encoded data first: encoding it again would store the base64 text, not the bytes it stands for.
  const out: FindingFix[] = [...paddingFix(context, key, value, problem)];
  if (looksLikePlainText(value))
    out.push(...fix(`Encode ${key} as base64`, 'unsafe', origin.doc, [replaceScalar(origin.doc, origin.path, encodeBase64(value))]));
  out.push(...moveToStringData(context, object, key, value));
  return out;
}
