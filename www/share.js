// Share links: the input travels in the URL's fragment (after "#", which
// browsers never send to a server), compressed with the browser's own
// CompressionStream('deflate-raw') and written in base64url, so that a link
// made on a static host needs no server and restores the same page anywhere.
//
// Fragment: t=<text> for a pasted text, or b=<JSON blocks> for a page read
// from HTML; r=YYYY-MM-DD carries a reference date the user set, and
// c=<JSON> the user's corrections (corrections.js), so that a link shows
// the corrected result.

import { countCorrections, readCorrections } from './corrections.js';

/** Bytes -> base64url without padding. */
export function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) -> bytes; throws on characters outside the alphabet. */
export function fromBase64Url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('the link is damaged (unexpected characters)');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** A string, compressed and in base64url. */
export async function pack(text) {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** The string `pack` packed; throws when the data is damaged. */
export async function unpack(s) {
  const bytes = await pipe(fromBase64Url(s), new DecompressionStream('deflate-raw'));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The fragment (without "#") for an input `{kind: 'text', text}` or `{kind: 'blocks', blocks}`, a reference date and corrections. */
export async function makeFragment(source, referenceDate, corrections = null) {
  const parts = [];
  if (source.kind === 'blocks') parts.push('b=' + (await pack(JSON.stringify(source.blocks))));
  else parts.push('t=' + (await pack(source.text)));
  if (referenceDate) parts.push('r=' + referenceDate);
  if (corrections && countCorrections(corrections) > 0) parts.push('c=' + (await pack(JSON.stringify(corrections))));
  return parts.join('&');
}

/**
 * Reads a fragment made by makeFragment (with or without "#"). Resolves to
 * `{source, referenceDate, corrections}`, or null when the fragment holds no
 * shared input; throws with a message when it holds a damaged one.
 */
export async function readFragment(fragment) {
  const params = new URLSearchParams(String(fragment ?? '').replace(/^#/, ''));
  const r = params.get('r');
  const referenceDate = r && /^\d{4}-\d{2}-\d{2}$/.test(r) ? r : null;
  const corrections = readCorrections(params.has('c') ? JSON.parse(await unpack(params.get('c'))) : null);
  if (params.has('t')) return { source: { kind: 'text', text: await unpack(params.get('t')) }, referenceDate, corrections };
  if (params.has('b')) {
    const blocks = JSON.parse(await unpack(params.get('b')));
    if (!Array.isArray(blocks) || !blocks.every((b) => b && typeof b.text === 'string')) throw new Error('the link holds no page');
    const clean = blocks.map((b) => ({
      text: b.text,
      tag: typeof b.tag === 'string' ? b.tag : 'p',
      linkChars: Number.isInteger(b.linkChars) && b.linkChars >= 0 ? b.linkChars : 0,
      ancestors: Array.isArray(b.ancestors) ? b.ancestors.filter((a) => typeof a === 'string') : [],
      // The page's structure the cleaner reads (issue 12 part 2): without it a
      // shared page would be cleaned as a flat list and give another article.
      ids: Array.isArray(b.ids) ? b.ids.filter((i) => Number.isInteger(i) && i >= 0) : [],
      roles: Array.isArray(b.roles) ? b.roles.filter((r) => typeof r === 'string') : [],
    }));
    return { source: { kind: 'blocks', blocks: clean }, referenceDate, corrections };
  }
  return null;
}
