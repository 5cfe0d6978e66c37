// The private channel between the harness and a worker process: a socket pair on the worker's fd 3 (a socket, so no
// other process can open it through /proc), carrying length-prefixed frames. A frame is a message (v8-serialized) or
// raw bytes (the training instance). The harness reads what a worker sends defensively: a malformed frame is an error
// for that worker, never an exception that could stop the pool.
import { deserialize, serialize } from 'node:v8';
import type { Socket } from 'node:net';

/** File descriptor of the channel in the worker process. */
export const CHANNEL_FD = 3;

/**
 * Written by a worker to its stdout and stderr when a run ends, before its result: once the harness has seen it on both,
 * it has all the output of the run (the streams and the channel are separate sockets, read in any order).
 */
export function outputMarker(id: number): string {
  return `\n\u0000densebench:end:${id}\u0000\n`;
}

const MESSAGE = 0;
const BYTES = 1;
const HEADER = 9;

export type Frame = { kind: 'message'; value: unknown } | { kind: 'bytes'; bytes: Uint8Array };

function header(kind: number, length: number): Buffer {
  const head = Buffer.alloc(HEADER);
  head.writeUInt8(kind, 0);
  head.writeBigUInt64LE(BigInt(length), 1);
  return head;
}

/** Writes a message frame. */
export function sendMessage(socket: Socket, value: unknown, callback?: () => void): void {
  const payload = serialize(value);
  socket.write(header(MESSAGE, payload.length));
  socket.write(payload, callback);
}

/** Writes a bytes frame made of `parts`, without copying them. */
export function sendBytes(socket: Socket, parts: readonly Uint8Array[]): void {
  const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
  socket.write(header(BYTES, length));
  for (const part of parts) if (part.byteLength > 0) socket.write(part);
}

/**
 * Splits a byte stream into frames. A bytes frame arrives in a Uint8Array of its own (offset 0 of a fresh buffer, so
 * that typed arrays can be viewed on it at any alignment); a message is deserialized. Anything malformed — an unknown
 * kind, a frame longer than `maxBytes`, a payload that does not deserialize — calls `onError` once, after which the
 * reader ignores its input.
 */
export class FrameReader {
  private head = Buffer.alloc(HEADER);
  private headFilled = 0;
  /** The frame being read: its kind and length, and what has arrived of it. */
  private frame: { kind: number; length: number; parts: Buffer[]; body: Uint8Array | null; filled: number } | null = null;
  private failed = false;

  /**
   * `trusted`: the sender is the harness, so a frame's memory is taken when its header arrives and its bytes are copied
   * once (the worker side); otherwise memory is taken only as bytes arrive (the harness reading a worker).
   */
  constructor(
    private readonly maxBytes: number,
    private readonly onFrame: (frame: Frame) => void,
    private readonly onError: (message: string) => void,
    private readonly trusted = false,
  ) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (!this.failed && (at < chunk.length || (this.frame !== null && this.frame.filled === this.frame.length))) {
      if (this.frame === null) {
        const take = Math.min(HEADER - this.headFilled, chunk.length - at);
        chunk.copy(this.head, this.headFilled, at, at + take);
        this.headFilled += take;
        at += take;
        if (this.headFilled < HEADER) return;
        this.headFilled = 0;
        const kind = this.head.readUInt8(0);
        const length = this.head.readBigUInt64LE(1);
        if (kind !== MESSAGE && kind !== BYTES) return this.fail(`a frame of unknown kind ${kind}`);
        if (length > BigInt(this.maxBytes)) return this.fail(`a frame of ${length} bytes (at most ${this.maxBytes})`);
        this.frame = { kind, length: Number(length), parts: [], body: this.trusted ? new Uint8Array(Number(length)) : null, filled: 0 };
      }
      const frame = this.frame;
      // From an untrusted sender, memory is taken as bytes arrive, not when a header announces them.
      const take = Math.min(frame.length - frame.filled, chunk.length - at);
      if (take > 0) {
        if (frame.body) frame.body.set(chunk.subarray(at, at + take), frame.filled);
        else frame.parts.push(Buffer.from(chunk.subarray(at, at + take)));
      }
      frame.filled += take;
      at += take;
      if (frame.filled < frame.length) return;
      this.frame = null;
      // One fresh buffer at offset 0, so that typed arrays can be viewed on it at any alignment.
      let body = frame.body;
      if (!body) {
        body = new Uint8Array(frame.length);
        let offset = 0;
        for (const part of frame.parts) {
          body.set(part, offset);
          offset += part.length;
        }
      }
      if (frame.kind === BYTES) {
        this.onFrame({ kind: 'bytes', bytes: body });
        continue;
      }
      let value: unknown;
      try {
        value = deserialize(body);
      } catch (error) {
        return this.fail(`a message that does not deserialize (${(error as Error).message})`);
      }
      this.onFrame({ kind: 'message', value });
    }
  }

  private fail(what: string): void {
    this.failed = true;
    this.onError(`the worker process sent ${what}`);
  }
}
