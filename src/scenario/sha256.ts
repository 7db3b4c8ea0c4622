/** SHA-256 of a UTF-8 string, as hex, by @noble/hashes (audited, pure): the same in browser and server. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
