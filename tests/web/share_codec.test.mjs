// The share link's code= format (web/editor/share.js) under node, which has the same
// CompressionStream('deflate-raw'): round trips, no padding, and a clear error for each kind of
// damage.
import test from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

import { encodeProgram, decodeProgram, toBase64Url, fromBase64Url } from '../../web/editor/share.js';

test('a program survives the round trip, non-ASCII included', async () => {
  const program = 'import asyncio\n\nasync def main():\n    print("héllo · 世界 🐍")\n\nasyncio.run(main())\n';
  const code = await encodeProgram(program);
  assert.match(code, /^[A-Za-z0-9_-]+$/);
  assert.equal(await decodeProgram(code), program);
});

test('code= is base64url without padding of raw DEFLATE (what any zlib makes reads back)', async () => {
  const program = 'print(1)\n';
  const code = toBase64Url(deflateRawSync(Buffer.from(program)));
  assert.ok(!code.includes('='));
  assert.equal(await decodeProgram(code), program);
  // And what we make, zlib reads.
  assert.equal(inflateRawSync(fromBase64Url(await encodeProgram(program))).toString('utf8'), program);
});

test('every kind of damage is a clear message', async () => {
  const good = await encodeProgram('print("a fairly long program, long enough to cut")\n'.repeat(4));
  await assert.rejects(decodeProgram(''), /empty/);
  await assert.rejects(decodeProgram('abc$'), /characters/);
  await assert.rejects(decodeProgram('abcde'), /cut short/);
  await assert.rejects(decodeProgram(good.slice(0, 12)), /raw DEFLATE/);
  await assert.rejects(decodeProgram('AAAA'), /raw DEFLATE|UTF-8/);
  await assert.rejects(decodeProgram(toBase64Url(deflateRawSync(Buffer.from([0xff, 0xfe, 0x80])))), /UTF-8/);
});

test('a tiny link cannot unpack to gigabytes', async () => {
  const bomb = toBase64Url(deflateRawSync(Buffer.alloc(4 << 20, 0x20)));
  assert.ok(bomb.length < 8000);
  await assert.rejects(decodeProgram(bomb), /more than 1024 KB/);
});
