import Dexie, { type Table } from "dexie";
import type { DocumentRecord, DocumentText, Project, SpanRecord } from "../../shared/model";

export interface Setting {
  key: string;
  value: unknown;
}

/**
 * The local store. Schema versions are only ever appended, each with its
 * upgrade, so a database written by any earlier version still opens.
 */
export class SpanwiseDB extends Dexie {
  projects!: Table<Project, string>;
  documents!: Table<DocumentRecord, string>;
  texts!: Table<DocumentText, string>;
  spans!: Table<SpanRecord, string>;
  settings!: Table<Setting, string>;

  constructor(name = "spanwise") {
    // Strict durability: a transaction reports success only after the data
    // is flushed to disk, so "Saved" survives a killed process or a power cut
    // (Chromium's default is relaxed, which can lose the last seconds).
    super(name, { chromeTransactionDurability: "strict" });
    this.version(1).stores({
      projects: "id",
      documents: "id, projectId, [projectId+textHash], [projectId+title]",
      texts: "docId",
      spans: "id, docId, projectId",
      settings: "key",
    });
  }
}

export const db = new SpanwiseDB();
