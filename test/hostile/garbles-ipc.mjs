// Fixture (hostile): writes a frame of bytes that are not a V8-serialized value straight to its IPC channel's file
// descriptor (a 4-byte big-endian length, then garbage), as Node's "advanced" serialization frames messages; then
// answers.
import { writeSync } from 'node:fs';

export default {
  name: 'hostile-garbles-ipc', version: '0.0.1', description: 'writes garbage to its IPC channel', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  async solve(instance) {
    const body = Buffer.from([0xff, 0x0f, 0x6f, 0x22, 0x04, 0x74, 0x79, 0x70, 0x65, 0x99, 0x99, 0x99]);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(body.length);
    writeSync(process.channel.fd, Buffer.concat([header, body]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
