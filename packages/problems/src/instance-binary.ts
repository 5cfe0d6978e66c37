// The binary form in which the harness hands a training instance to a worker process: the instance's scalar fields in a
// JSON header, then each typed array's bytes, 8-byte aligned, so that the reader makes views on one buffer and copies
// nothing. It carries what the plugin may see and nothing else (no spec, seed, teacher or test set).
//
//   bytes 0–3   "DBI1"
//   bytes 4–7   header length H (uint32, little-endian)
//   bytes 8…    header: JSON { "fields": { kind, problem, n, … }, "arrays": [{ "name", "type", "offset", "length" }] }
//   then        each array at its offset (from the start of the file, a multiple of 8), in host byte order
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import type { AnyInstance } from '@densebench/core';

const MAGIC = 'DBI1';
const ALIGN = 8;

const ARRAY_TYPES = {
  Int8Array,
  Uint8Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type AnyTypedArray = InstanceType<(typeof ARRAY_TYPES)[ArrayTypeName]>;

interface ArrayEntry {
  name: string;
  type: ArrayTypeName;
  offset: number;
  length: number;
}

interface Header {
  fields: Record<string, string | number | boolean>;
  arrays: ArrayEntry[];
}

function typeNameOf(value: unknown): ArrayTypeName | undefined {
  for (const [name, type] of Object.entries(ARRAY_TYPES)) if (value instanceof type) return name as ArrayTypeName;
  return undefined;
}

const alignUp = (x: number): number => Math.ceil(x / ALIGN) * ALIGN;

/**
 * The binary form of `instance` as a list of parts to write one after the other (the header with its padding, then each
 * typed array's bytes as a view on the instance, and zero padding): nothing is copied.
 */
export function encodeInstanceBinary(instance: AnyInstance): Uint8Array[] {
  const fields: Header['fields'] = {};
  const arrays: { entry: ArrayEntry; data: AnyTypedArray }[] = [];
  for (const [name, value] of Object.entries(instance)) {
    const type = typeNameOf(value);
    if (type) arrays.push({ entry: { name, type, offset: 0, length: (value as AnyTypedArray).length }, data: value as AnyTypedArray });
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[name] = value;
    else throw new Error(`encodeInstanceBinary: field "${name}" of a ${instance.kind} instance is neither a scalar nor a typed array`);
  }
  // The header's length depends on the offsets it lists: offsets are computed for a header padded to a bound, grown
  // until the text fits.
  let headerBytes = 0;
  let text = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    let offset = alignUp(8 + headerBytes);
    for (const { entry, data } of arrays) {
      entry.offset = offset;
      offset = alignUp(offset + data.byteLength);
    }
    text = JSON.stringify({ fields, arrays: arrays.map((a) => a.entry) } satisfies Header);
    const length = Buffer.byteLength(text);
    if (length <= headerBytes) break;
    headerBytes = alignUp(length + 16);
  }
  const head = Buffer.alloc(alignUp(8 + headerBytes), 0x20);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(headerBytes, 4);
  head.write(text, 8, 'utf8');
  const parts: Uint8Array[] = [head];
  let position = head.length;
  for (const { entry, data } of arrays) {
    if (entry.offset > position) parts.push(new Uint8Array(entry.offset - position));
    parts.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    position = entry.offset + data.byteLength;
  }
  return parts;
}

/** Writes `instance` to `path` in the binary form above. */
export function writeInstanceBinary(path: string, instance: AnyInstance): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    for (const part of encodeInstanceBinary(instance)) {
      let written = 0;
      while (written < part.byteLength) written += writeSync(fd, part, written, Math.min(part.byteLength - written, 1 << 30));
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads an instance written by writeInstanceBinary; every array is a view on one freshly allocated buffer. */
export function readInstanceBinary(path: string): AnyInstance {
  const fd = openSync(path, 'r');
  let bytes: Uint8Array;
  try {
    const size = fstatSync(fd).size;
    bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const got = readSync(fd, bytes, read, Math.min(size - read, 1 << 30), read);
      if (got === 0) throw new Error(`${path}: ended after ${read} of ${size} bytes`);
      read += got;
    }
  } finally {
    closeSync(fd);
  }
  return decodeInstanceBinary(bytes, path);
}

/** Decodes the binary form; `bytes` must start at offset 0 of its buffer (so that the arrays are aligned). */
export function decodeInstanceBinary(bytes: Uint8Array, source = 'instance'): AnyInstance {
  const fail = (what: string): never => {
    throw new Error(`${source}: not a densebench binary instance (${what})`);
  };
  if (bytes.byteOffset !== 0) fail('buffer not aligned');
  if (bytes.length < 8 || Buffer.from(bytes.buffer, 0, 4).toString('latin1') !== MAGIC) fail('bad magic');
  const view = new DataView(bytes.buffer, 0, bytes.length);
  const headerBytes = view.getUint32(4, true);
  if (8 + headerBytes > bytes.length) fail('header runs past the end');
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, 8, headerBytes).toString('utf8')) as Header;
  } catch {
    return fail('header is not JSON');
  }
  const instance: Record<string, unknown> = { ...header.fields };
  for (const entry of header.arrays) {
    const type = ARRAY_TYPES[entry.type];
    if (!type) fail(`unknown array type ${String(entry.type)}`);
    if (!Number.isSafeInteger(entry.offset) || entry.offset % ALIGN !== 0 || !Number.isSafeInteger(entry.length) || entry.length < 0) fail(`bad extent of "${entry.name}"`);
    if (entry.offset + entry.length * type.BYTES_PER_ELEMENT > bytes.length) fail(`"${entry.name}" runs past the end`);
    instance[entry.name] = new type(bytes.buffer as ArrayBuffer, entry.offset, entry.length);
  }
  return instance as unknown as AnyInstance;
}
