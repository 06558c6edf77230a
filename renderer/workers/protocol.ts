/** Messages between the app and its project worker. */
export type WorkerRequest = { id: number; kind: "projectFile"; projectId: string } | { id: number; kind: "exportJsonl"; projectId: string };

export type WorkerReply =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: true; parts: Blob[]; documents: number }
  | { id: number; ok: false; message: string };
