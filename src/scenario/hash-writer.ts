/**
 * Text fed straight into SHA-256 as UTF-8, a buffer at a time: the hash of a long text without
 * the text itself (no string built, flattened and encoded whole). Strings are written as
 * `JSON.stringify` writes them (the same escapes, lone surrogates as `\udxxx`).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const BUFFER_BYTES = 16 * 1024;
/** Room kept at the end of the buffer for one character's bytes or escape (at most 6). */
const ROOM = 8;
const HEX = '0123456789abcdef';

export class HashWriter {
  private readonly hasher = sha256.create();
  private readonly buffer = new Uint8Array(BUFFER_BYTES);
  private used = 0;

  private flushIfFull(): void {
    if (this.used <= BUFFER_BYTES - ROOM) return;
    this.hasher.update(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /** One UTF-16 code unit below 0x80, or a whole code point, as UTF-8. */
  private codePoint(c: number): void {
    this.flushIfFull();
    const b = this.buffer;
    let at = this.used;
    if (c < 0x80) b[at++] = c;
    else if (c < 0x800) {
      b[at++] = 0xc0 | (c >> 6);
      b[at++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      b[at++] = 0xe0 | (c >> 12);
      b[at++] = 0x80 | ((c >> 6) & 63);
      b[at++] = 0x80 | (c & 63);
    } else {
      b[at++] = 0xf0 | (c >> 18);
      b[at++] = 0x80 | ((c >> 12) & 63);
      b[at++] = 0x80 | ((c >> 6) & 63);
      b[at++] = 0x80 | (c & 63);
    }
    this.used = at;
  }

  private escapeUnit(c: number): void {
    this.codePoint(0x5c);
    this.codePoint(0x75);
    for (let shift = 12; shift >= 0; shift -= 4) this.codePoint(HEX.charCodeAt((c >> shift) & 15));
  }

  /** Text known to need no escaping (punctuation, JSON literals, numbers). */
  raw(text: string): void {
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.codePoint(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
          i += 1;
          continue;
        }
      }
      this.codePoint(c);
    }
  }

  /** A string as a JSON string literal, quotes included. */
  jsonString(text: string): void {
    this.codePoint(0x22);
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 0x22 || c === 0x5c) {
        this.codePoint(0x5c);
        this.codePoint(c);
      } else if (c < 0x20) {
        const short = c === 8 ? 0x62 : c === 9 ? 0x74 : c === 10 ? 0x6e : c === 12 ? 0x66 : c === 13 ? 0x72 : 0;
        if (short === 0) this.escapeUnit(c);
        else {
          this.codePoint(0x5c);
          this.codePoint(short);
        }
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          this.codePoint(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
          i += 1;
        } else {
          this.escapeUnit(c); // a lone surrogate
        }
      } else {
        this.codePoint(c);
      }
    }
    this.codePoint(0x22);
  }

  /** The SHA-256 of everything written, as hex. */
  hex(): string {
    this.hasher.update(this.buffer.subarray(0, this.used));
    this.used = 0;
    return bytesToHex(this.hasher.digest());
  }
}
