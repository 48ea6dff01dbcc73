// Share links carry the program: `?code=` is the UTF-8 source compressed as raw DEFLATE (the
// browser's own CompressionStream('deflate-raw'): no library), written in base64url without
// padding. Decoding checks every step and says which one failed, so a damaged link gets a clear
// message instead of a wrong program.

// A link's program may not unpack to more than this (a tiny link must not expand to gigabytes).
export const maxProgramBytes = 1 << 20;
// Links longer than this get a warning: some chat apps and browsers cut them.
export const longLinkBytes = 8 * 1024;

export function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it has characters that base64url does not use');
  if (text.length % 4 === 1) throw new Error('it is cut short (its base64url length is impossible)');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function readAll(stream, limit) {
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('it unpacks to more than ' + (limit >> 10) + ' KB');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

// The source text -> the code= value.
export async function encodeProgram(text) {
  const raw = new TextEncoder().encode(text);
  const packed = new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(await readAll(packed, Infinity));
}

// The code= value -> the source text; throws an Error whose message says what is wrong.
export async function decodeProgram(code) {
  if (!code) throw new Error('it is empty');
  const bytes = fromBase64Url(code);
  let raw;
  try {
    raw = await readAll(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')), maxProgramBytes);
  } catch (e) {
    if (/unpacks to more/.test(e.message)) throw e;
    throw new Error('it is not raw DEFLATE data (damaged or cut short)');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch (e) {
    throw new Error('it does not unpack to UTF-8 text');
  }
}
