/** The Decode Secret view: the decoded text, and the edits that carry a saved view back into the source. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { secretAt, secretsOf } from '../../client/src/secrets/secretEntries';
import { BINARY, decodedDocument, decodeEntries, parseDecodedDocument, secretEdits, type DecodedValue, type EditedValue } from '../../client/src/secrets/decodedText';
import { valueOnLine } from '../../client/src/secrets/valueAtCursor';
import { applyEdits } from '../helpers/applyEdits';
import { sampleText } from '../helpers/sampleEngine';

const URI = 'file:///w/biome/app-secrets.yaml';
const source = sampleText('biome/app-secrets.yaml');

function roundTrip(text: string, edit: (view: string) => string, name?: string): { after: string; changed: string[] } {
  const secret = secretAt(secretsOf(URI, text), name ? { name } : {})!;
  const decoded = decodeEntries(secret);
  assert.ok(decoded.ok);
  const view = decodedDocument(secret, decoded.values, 'biome/app-secrets.yaml');
  const parsed = parseDecodedDocument(edit(view));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  const result = secretEdits(secret, decoded.values, parsed.values);
  assert.ok(result.ok, JSON.stringify(result));
  return { after: applyEdits(text, result.edits), changed: result.changed };
}

function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'line count');
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

describe('decoded view', () => {
  it('shows the sample Secret as key: value plain text', () => {
    const secret = secretsOf(URI, source)[0]!;
    const decoded = decodeEntries(secret);
    assert.ok(decoded.ok);
    assert.equal(
      decodedDocument(secret, decoded.values, 'biome/app-secrets.yaml').split('\n').slice(2).join('\n'),
      'JWT_SECRET: supersecret\nDATABASE_URL: postgres://user:pass@host/db\n',
    );
  });

  it('marks binary values and JSON-quotes values with line breaks or edge spaces', () => {
    const text = source.replace('type: Opaque', 'type: Opaque').concat('  BIN: AAEC/w==\n  MULTI: YQpi\n  PAD: IGEg\n');
    const secret = secretsOf(URI, text)[0]!;
    const decoded = decodeEntries(secret);
    assert.ok(decoded.ok);
    const view = decodedDocument(secret, decoded.values, 'x').split('\n').slice(4).join('\n');
    assert.equal(view, 'BIN: <binary: 4 bytes, left unchanged>\nMULTI: "a\\nb"\nPAD: " a "\n');
  });

  it('refuses invalid base64, naming key and position', () => {
    const text = source.replace('c3VwZXJzZWNyZXQ=', 'c3VwZX!zZWNyZXQ=');
    const decoded = decodeEntries(secretsOf(URI, text)[0]!);
    assert.equal(decoded.ok, false);
    assert.deepEqual({ key: (decoded as { key: string }).key, position: (decoded as { position: number }).position }, { key: 'JWT_SECRET', position: 7 });
    assert.match((decoded as { message: string }).message, /^Secret app-secrets: data\.JWT_SECRET is not valid base64 — a character outside the base64 alphabet at character 7 \(line 7\)\. Nothing was decoded or changed/);
  });
});

describe('saving the view', () => {
  it('editing one value changes exactly that one line of the source', () => {
    const { after, changed } = roundTrip(source, (v) => v.replace('JWT_SECRET: supersecret', 'JWT_SECRET: rotated'));
    assert.deepEqual(changed, ['JWT_SECRET']);
    assert.deepEqual(changedLines(source, after), [7]);
    assert.match(after, /JWT_SECRET: cm90YXRlZA==\n/);
  });

  it('saving unchanged changes nothing', () => {
    assert.equal(roundTrip(source, (v) => v).after, source);
  });

  it('keeps comments, quotes, order and the other documents of a multi-document file', () => {
    const multi = `# head comment\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: one\ndata:\n  K: "YQ==" # quoted, with a comment\n  L: Yg==\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: two\ndata:\n  K: YQ==\n`;
    const { after } = roundTrip(multi, (v) => v.replace('K: a', 'K: z'), 'one');
    assert.equal(after, multi.replace('K: "YQ==" # quoted', 'K: "eg==" # quoted'));
  });

  it('adds a new key after the last one and removes a deleted key by line', () => {
    const added = roundTrip(source, (v) => `${v}NEW_KEY: hello\n`).after;
    assert.match(added, /DATABASE_URL: cG9zdGdyZXM6Ly91c2VyOnBhc3NAaG9zdC9kYg==\n {2}NEW_KEY: aGVsbG8=\n/);
    const removed = roundTrip(source, (v) => v.replace(/^JWT_SECRET: .*\n/m, '')).after;
    assert.doesNotMatch(removed, /JWT_SECRET/);
    assert.equal(removed.split('\n').length, source.split('\n').length - 1);
  });

  it('leaves binary values alone while the marker stays', () => {
    const text = `${source}  BIN: AAEC/w==\n`;
    const { after, changed } = roundTrip(text, (v) => v.replace('JWT_SECRET: supersecret', 'JWT_SECRET: x'));
    assert.deepEqual(changed, ['JWT_SECRET']);
    assert.match(after, /BIN: AAEC\/w==/);
  });

  it('rejects malformed views with a message naming the line', () => {
    assert.deepEqual(parseDecodedDocument('# c\nno colon here\n'), { ok: false, message: 'line 2 is not "key: value" (keys use letters, digits, "-", "_" and ".")' });
    assert.equal(parseDecodedDocument('A: 1\nA: 2\n').ok, false);
    assert.equal(parseDecodedDocument('A: "unterminated\n').ok, false);
    const parsed = parseDecodedDocument('A: "x\\ny"\nB: <binary: 3 bytes, left unchanged>\nC:\n');
    assert.ok(parsed.ok);
    assert.deepEqual([...parsed.values], [['A', 'x\ny'], ['B', BINARY], ['C', '']]);
  });

  it('refuses to write the binary marker into a text value', () => {
    const secret = secretsOf(URI, source)[0]!;
    const values: DecodedValue[] = [{ key: 'JWT_SECRET', text: 'supersecret' }, { key: 'DATABASE_URL', text: 'x' }];
    const result = secretEdits(secret, values, new Map<string, EditedValue>([['JWT_SECRET', BINARY], ['DATABASE_URL', 'x']]));
    assert.equal(result.ok, false);
  });
});

describe('value at the cursor (Encode/Decode Secret Value)', () => {
  it('finds the value of a key: value line, with its quotes and before a comment', () => {
    assert.deepEqual(valueOnLine('  JWT_SECRET: c3VwZXJzZWNyZXQ=', 6), { line: 6, start: 14, end: 30, value: 'c3VwZXJzZWNyZXQ=', quote: '', key: 'JWT_SECRET' });
    assert.deepEqual(valueOnLine('  K: "abc" # note', 0), { line: 0, start: 5, end: 10, value: 'abc', quote: '"', key: 'K' });
    assert.equal(valueOnLine('data:', 0), undefined);
    assert.equal(valueOnLine('# comment: here', 0), undefined);
  });
});
