/*
 * What each kind of upload may be and weigh, checked in the browser by the very table the server
 * enforces (server/platform/files/kinds.ts), so a phone does not send a file only to have it refused
 * and the two can never disagree.
 */
import { FILE_KINDS, type FileKindName, sizeInWords } from '../../../server/platform/files/kinds.ts';

export { FILE_KINDS, type FileKindName };

/** A kind's largest file in words ("10 MB"), for hints and refusals. */
export function maxSize(kind: FileKindName): string {
  return sizeInWords(FILE_KINDS[kind].maxBytes);
}
