/** The Decode Secret view, its save and the value at the cursor, over the engine's secrets module. */
import type { Connection } from 'vscode-languageserver/node';
import {
  SecretSaveRequest,
  SecretValueRequest,
  SecretViewRequest,
  type SecretSaveParams,
  SecretSaveResult,
  SecretValueParams,
  SecretValueResult,
  SecretViewParams,
  SecretViewResult,
} from '../protocol';
import { decodedDocument, decodeEntries, parseDecodedDocument } from '../engine/secrets/decodedText';
import { secretAt, secretsOf } from '../engine/secrets/secretEntries';
import { secretEdits } from '../engine/secrets/secretSave';
import { valueAt } from '../engine/secrets/valueAt';

export function secretView(params: SecretViewParams): SecretViewResult {
  const where = {
    ...(params.line !== undefined ? { line: params.line } : {}),
    ...(params.name !== undefined ? { name: params.name } : {}),
    ...(params.namespace !== undefined ? { namespace: params.namespace } : {}),
  };
  const secret = secretAt(secretsOf(params.uri, params.text), where);
  if (!secret) return { status: 'no-secret' };
  const decoded = decodeEntries(secret);
  if (!decoded.ok) return { status: 'invalid-base64', key: decoded.key, position: decoded.position, message: decoded.message };
  return {
    status: 'decoded',
    name: secret.name,
    namespace: secret.namespace,
    keys: decoded.values.map((v) => v.key),
    content: decodedDocument(secret, decoded.values, params.sourceLabel),
  };
}

export function secretSave(params: SecretSaveParams): SecretSaveResult {
  const secret = secretAt(secretsOf(params.uri, params.text), { name: params.name, namespace: params.namespace });
  if (!secret) return { ok: false, message: `Secret ${params.name} is no longer in the file` };
  const original = decodeEntries(secret);
  if (!original.ok) return { ok: false, message: original.message };
  const parsed = parseDecodedDocument(params.content);
  if (!parsed.ok) return { ok: false, message: `not saved: ${parsed.message}` };
  const result = secretEdits(secret, original.values, parsed.values);
  return result.ok ? result : { ok: false, message: `not saved: ${result.message}` };
}

export function secretValue(params: SecretValueParams): SecretValueResult {
  const found = valueAt(params.uri, params.text, params.line);
  return found ? { key: found.key ?? null, value: found.value, encodeEdit: found.encodeEdit ?? null } : null;
}

/** Pure handlers: each request carries the text it reads, so nothing here depends on the index. */
export function registerSecretRequests(connection: Connection): void {
  connection.onRequest(SecretViewRequest, secretView);
  connection.onRequest(SecretSaveRequest, secretSave);
  connection.onRequest(SecretValueRequest, secretValue);
}
