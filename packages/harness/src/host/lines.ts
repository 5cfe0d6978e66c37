// The lines of a file read a chunk at a time: a runs.jsonl can outgrow the longest string V8 can hold (512 MiB),
// so it is never decoded whole. Each line is decoded on its own; a line longer than the buffer grows the buffer.
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read per chunk when reading a file line by line. */
export const LINE_CHUNK_BYTES = 1 << 20;

export interface FileLine {
  /** The line's text without its newline (UTF-8 decoded). */
  text: string;
  /** 1-based line number. */
  number: number;
  /** False for a last line that does not end in a newline. */
  terminated: boolean;
}

/** The lines of a file, in order, split on the newline byte; `chunkBytes` is the initial read-buffer size. */
export function* fileLines(path: string, chunkBytes: number = LINE_CHUNK_BYTES): Generator<FileLine> {
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.max(1, chunkBytes));
    let start = 0; // where the line being assembled begins in buffer
    let end = 0; // bytes of buffer holding data
    let position = 0; // file offset of the next read
    let number = 0;
    for (;;) {
      if (end === buffer.length) {
        if (start > 0) {
          buffer.copy(buffer, 0, start, end);
          end -= start;
          start = 0;
        } else {
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger, 0, 0, end);
          buffer = larger;
        }
      }
      const read = readSync(fd, buffer, end, buffer.length - end, position);
      if (read === 0) break;
      position += read;
      let searchFrom = end;
      end += read;
      const data = buffer.subarray(0, end);
      for (let newline = data.indexOf(0x0a, searchFrom); newline !== -1; newline = data.indexOf(0x0a, searchFrom)) {
        yield { text: buffer.toString('utf8', start, newline), number: ++number, terminated: true };
        start = searchFrom = newline + 1;
      }
      if (start === end) start = end = 0;
    }
    if (end > start) yield { text: buffer.toString('utf8', start, end), number: number + 1, terminated: false };
  } finally {
    closeSync(fd);
  }
}
