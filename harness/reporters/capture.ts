import { Writable } from "node:stream";

/** A writable stream that keeps what was written, for tests of printing reporters. */
export class Capture extends Writable {
  text = "";

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}
