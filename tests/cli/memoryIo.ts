/** An in-memory CliIo for testing commands without touching the disk. */
import { CliError } from "../../cli/errors";
import type { CliIo } from "../../cli/io";

export interface MemoryIo extends CliIo {
  files: Map<string, Uint8Array>;
  stdout: string;
  stderr: string;
  /** Paths written, in order, so tests can check that writes were whole-file. */
  writes: string[];
}

export function memoryIo(files: Record<string, Uint8Array> = {}, options: { tty?: boolean; failWrites?: boolean } = {}): MemoryIo {
  let clock = 0;
  const io: MemoryIo = {
    files: new Map(Object.entries(files)),
    stdout: "",
    stderr: "",
    writes: [],
    stderrIsTTY: options.tty ?? false,
    now: () => (clock += 1000),
    async readFile(path) {
      const bytes = io.files.get(path);
      if (!bytes) throw new CliError(`cannot read "${path}": no such file or folder`);
      return bytes;
    },
    async writeFileAtomic(path, chunks) {
      const parts: Uint8Array[] = [];
      const encoder = new TextEncoder();
      for await (const chunk of chunks) {
        parts.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
        if (options.failWrites) throw new CliError(`cannot write "${path}": the disk is full`);
      }
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const part of parts) {
        out.set(part, at);
        at += part.length;
      }
      io.files.set(path, out);
      io.writes.push(path);
    },
    async writeStdout(text) {
      io.stdout += text;
    },
    writeStderr(text) {
      io.stderr += text;
    },
  };
  return io;
}

export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
