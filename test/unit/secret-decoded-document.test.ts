/** The Decode Secret view: the decoded text, and the edits that carry a saved view back into the source. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { secretAt, secretsOf } from '../../server/src/engine/secrets/secretEntries';
import { BINARY, decodedDocument, decodeEntries, parseDecodedDocument, type DecodedValue, type EditedValue } from '../../server/src/engine/secrets/decodedText';
import { secretEdits } from '../../server/src/engine/secrets/secretSave';
import { valueAt } from '../../server/src/engine/secrets/valueAt';
import { applyEdits } from '../helpers/applyEdits';
import { dataOf } from '../helpers/fixHarness';
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
    assert.match(
      (decoded as { message: string }).message,
      /^Secret app-secrets: data\.JWT_SECRET is not valid base64 — a character outside the base64 alphabet at character 7 \(line 7\)\. Nothing was decoded or changed/,
    );
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
    assert.deepEqual(parseDecodedDocument('# c\nno colon here\n'), {
      ok: false,
      message: 'line 2 is not "key: value" (keys use letters, digits, "-", "_" and ".", or are JSON strings)',
    });
    assert.equal(parseDecodedDocument('A: 1\nA: 2\n').ok, false);
    assert.equal(parseDecodedDocument('A: "unterminated\n').ok, false);
    const parsed = parseDecodedDocument('A: "x\\ny"\nB: <binary: 3 bytes, left unchanged>\nC:\n');
    assert.ok(parsed.ok);
    assert.deepEqual(
      [...parsed.values],
      [
        ['A', 'x\ny'],
        ['B', BINARY],
        ['C', ''],
      ],
    );
  });

  it('refuses to write the binary marker into a text value', () => {
    const secret = secretsOf(URI, source)[0]!;
    const values: DecodedValue[] = [
      { key: 'JWT_SECRET', text: 'supersecret' },
      { key: 'DATABASE_URL', text: 'x' },
    ];
    const result = secretEdits(
      secret,
      values,
      new Map<string, EditedValue>([
        ['JWT_SECRET', BINARY],
        ['DATABASE_URL', 'x'],
      ]),
    );
    assert.equal(result.ok, false);
  });
});

describe('saving the view on every YAML style (issue #16)', () => {
  const secret = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n${data}type: Opaque\n`;
  const dataAfter = (text: string, edit: (view: string) => string): unknown => (dataOf(roundTrip(text, edit).after)[0] as { data: unknown }).data;

  it('removing one key of a flow map keeps the others', () => {
    assert.deepEqual(
      dataAfter(secret('data: {a: YQ==, b: Yg==}\n'), (v) => v.replace(/^a: a\n/m, '')),
      { b: 'Yg==' },
    );
  });
  it('editing a block scalar value does not merge the next key into it', () => {
    const text = secret('data:\n  a: |\n    Zm9v\n  b: Zm9v\n');
    const { after } = roundTrip(text, (v) => v.replace(/^a: .*$/m, 'a: changed'));
    assert.deepEqual((dataOf(after)[0] as { data: unknown }).data, { a: 'Y2hhbmdlZA==', b: 'Zm9v' });
    assert.equal((dataOf(after)[0] as { type: unknown }).type, 'Opaque');
  });
  it('a key added after a block scalar entry lands in data, not after type', () => {
    const text = secret('data:\n  a: |-\n    Zm9v\n\n');
    const { after } = roundTrip(text, (v) => `${v}n: new\n`);
    assert.deepEqual(dataOf(after)[0], { ...(dataOf(text)[0] as object), data: { a: 'Zm9v', n: 'bmV3' } });
  });
  it('setting an empty value writes `a: <base64>` with its space', () => {
    const { after } = roundTrip(secret('data:\n  a:\n  b: Zm9v\n'), (v) => v.replace('a: ""', 'a: now-set'));
    assert.match(after, /\n {2}a: bm93LXNldA==\n/);
  });
  it('a key that looks like a comment is shown quoted and survives a save', () => {
    const text = secret('data:\n  "#k": YQ==\n  b: Yg==\n');
    const { after } = roundTrip(text, (v) => {
      assert.match(v, /^"#k": a$/m);
      return v.replace('b: b', 'b: c');
    });
    assert.deepEqual((dataOf(after)[0] as { data: unknown }).data, { '#k': 'YQ==', b: 'Yw==' });
  });
  it('values that would read back as numbers are quoted', () => {
    const { after } = roundTrip(secret('data: {a: YQ==}\n'), (v) => v.replace('a: a', 'a: ×m')); // base64 of "×m" is w5dt
    assert.deepEqual((dataOf(after)[0] as { data: unknown }).data, { a: 'w5dt' });
    const digits = roundTrip(secret('data:\n  a: YQ==\n'), (v) => v.replace('a: a', `a: ${Buffer.from('1234', 'base64').toString('latin1')}`));
    assert.ok(digits.changed.includes('a'));
  });
});

describe('value at the cursor (Encode/Decode Secret Value)', () => {
  const at = (data: string, line = 5) => valueAt(URI, `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n${data}`, line);
  const encodedBy = (data: string): unknown => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n${data}`;
    const found = valueAt(URI, text, 5);
    assert.ok(found?.encodeEdit);
    return (dataOf(applyEdits(text, [found.encodeEdit]))[0] as { stringData: Record<string, unknown> }).stringData;
  };

  it('reads the YAML value: quotes removed, escapes resolved, # inside quotes kept', () => {
    assert.deepEqual([at("  P: 'it''s'\n")?.value, at('  P: "a\\tb\\u00e9"\n')?.value, at('  P: "abc #def"\n')?.value], ["it's", 'a\tbé', 'abc #def']);
    assert.equal(at('  P: plain # note\n')?.value, 'plain');
    assert.equal(at('  P: |\n    line one\n    line two\n', 6)?.value, 'line one\nline two\n');
    assert.equal(at('  P: x\n', 4), undefined, 'a line with no scalar value');
  });
  it('writes base64 that parses back to the encoded value, keeping comments and the other keys', () => {
    assert.deepEqual(encodedBy("  P: 'it''s'\n  Q: x\n"), { P: Buffer.from("it's").toString('base64'), Q: 'x' });
    assert.deepEqual(encodedBy('  P: "abc #def" # note\n'), { P: Buffer.from('abc #def').toString('base64') });
    assert.deepEqual(encodedBy('  P: |\n    cert\n  Q: x\n'), { P: Buffer.from('cert\n').toString('base64'), Q: 'x' });
    const flow = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {P: "a,b", Q: x}\n';
    const found = valueAt(URI, flow, 3);
    assert.equal(found?.value, 'a,b');
    assert.equal(applyEdits(flow, [found.encodeEdit!]), flow.replace('"a,b"', 'YSxi'));
  });
});
