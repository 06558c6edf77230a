import type { BackupSummary } from "../../shared/backupSummary";
import type { Share } from "../store/documents";

/** Messages between the app and its project workers. An export may be split into shares of the documents, one worker each. */
export type WorkerRequest = { id: number; kind: "projectFile"; projectId: string } | { id: number; kind: "exportJsonl"; projectId: string; share: Share };

/** A request before it gets its id. */
export type WorkerJob = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;

export type WorkerReply =
  | { id: number; ok: true; bytes: Uint8Array; summary: BackupSummary }
  | { id: number; ok: true; parts: Blob[]; documents: number }
  | { id: number; ok: false; message: string };
