/** The strict base64 helpers shared by the Secret rules, hovers and the Decode/Encode commands. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeBase64,
  decodedLength,
  encodeBase64,
  hexPreview,
  isUrlSafeBase64,
  looksBinary,
  repairPadding,
  urlSafeToStandard,
  utf8Text,
  validateBase64,
} from '../../server/src/engine/secrets/base64';

describe('validateBase64', () => {
  it('accepts padded standard base64, ignoring line breaks as the API server does', () => {
    assert.deepEqual(validateBase64('c3VwZXJzZWNyZXQ='), { ok: true });
    assert.deepEqual(validateBase64('cG9zdGdyZXM6Ly91c2VyOnBh\nc3NAaG9zdC9kYg==\r\n'), { ok: true });
    assert.deepEqual(validateBase64(''), { ok: true });
  });

  it('points at the first character outside the alphabet', () => {
    assert.deepEqual(validateBase64('postgres://user'), { ok: false, problem: 'character', index: 8 });
    assert.deepEqual(validateBase64('abcd efgh'), { ok: false, problem: 'character', index: 4 });
  });

  it('recognizes the URL-safe alphabet', () => {
    assert.deepEqual(validateBase64('3q2-7w_'), { ok: false, problem: 'url-safe', index: 3 });
    assert.equal(isUrlSafeBase64('3q2-7w_'), true);
    assert.equal(urlSafeToStandard('3q2-7w_'), '3q2+7w/=');
  });

  it('reports missing padding at the end, and misplaced padding where it is', () => {
    assert.deepEqual(validateBase64('supersecret'), { ok: false, problem: 'length', index: 11 });
    assert.deepEqual(validateBase64('ab=cd==='), { ok: false, problem: 'padding', index: 2 });
    assert.deepEqual(validateBase64('a==='), { ok: false, problem: 'padding', index: 3 });
  });
});

describe('decode and encode', () => {
  it('round-trips text and bytes', () => {
    assert.equal(utf8Text(decodeBase64('c3VwZXJzZWNyZXQ=')!), 'supersecret');
    assert.equal(encodeBase64('postgres://user:pass@host/db'), 'cG9zdGdyZXM6Ly91c2VyOnBhc3NAaG9zdC9kYg==');
    assert.deepEqual([...decodeBase64(encodeBase64(new Uint8Array([0, 255, 16])))!], [0, 255, 16]);
    assert.equal(decodeBase64('not base64!'), undefined);
  });

  it('computes the decoded length without decoding', () => {
    assert.equal(decodedLength('c3VwZXJzZWNyZXQ='), 11);
    assert.equal(decodedLength('YWJj\nZGVm'), 6);
  });

  it('tells binary from text and previews bytes in hex', () => {
    assert.equal(looksBinary(new TextEncoder().encode('line one\nline two\n')), false);
    assert.equal(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), true);
    assert.equal(hexPreview(new Uint8Array([0xde, 0xad, 0xbe, 0xef])), 'de ad be ef');
    assert.equal(hexPreview(new Uint8Array(40), 2), '00 00 …');
  });
});

describe('repairPadding', () => {
  const repaired = (text: string) => {
    const r = repairPadding(text);
    return r && { text: r.text, decoded: Buffer.from(r.bytes).toString('utf8'), parts: r.parts };
  };

  it('adds missing padding, keeping the characters (and dropping line breaks)', () => {
    assert.deepEqual(repaired('YWRtaW4'), { text: 'YWRtaW4=', decoded: 'admin', parts: 1 });
    assert.deepEqual(repaired('YWJjZA'), { text: 'YWJjZA==', decoded: 'abcd', parts: 1 });
    assert.deepEqual(repaired('YWJj\nZA='), { text: 'YWJjZA==', decoded: 'abcd', parts: 1 });
    assert.deepEqual(repaired('YWJj==='), { text: 'YWJj', decoded: 'abc', parts: 1 });
  });

  it('joins base64 strings glued together, and a data run split by a stray `=`', () => {
    assert.deepEqual(repaired('dXNlcg==OnBhc3M='), { text: 'dXNlcjpwYXNz', decoded: 'user:pass', parts: 2 });
    assert.deepEqual(repaired('c3Vw=ZXJzZWNyZXQ='), { text: 'c3VwZXJzZWNyZXQ=', decoded: 'supersecret', parts: 2 });
    // The result is valid base64 for the joined bytes.
    assert.equal(validateBase64(repairPadding('YQ==Yg==Yw==')!.text).ok, true);
    assert.equal(repaired('YQ==Yg==Yw==')?.decoded, 'abc');
  });

  it('refuses what no padding can repair: a run of 1 mod 4 characters, or a character outside the alphabet', () => {
    assert.equal(repairPadding('hello'), undefined);
    assert.equal(repairPadding('YWJj=Z'), undefined);
    assert.equal(repairPadding('not base64!'), undefined);
    assert.equal(repairPadding('3q2-7w'), undefined);
    assert.equal(repairPadding('=='), undefined);
  });
});
