import type { DocumentRecord, DocumentStatus, SpanRecord } from "../../shared/model";
import { baseName, decodeTextFile } from "../../shared/textImport";
import { headlineOf } from "../../shared/headline";
import { sha256Hex } from "../../shared/hash";
import { extractPublicationDate } from "../../shared/coding/publication";
import { db, projectDocuments } from "./db";
import { saveStatus } from "./saveStatus";
import { spansOfDocuments, takeRev } from "./spans";
import { RefusedChange } from "./writes";

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOutcome {
  added: DocumentRecord[];
  /** One sentence per file that did not go in, naming the file and why. */
  problems: string[];
}

/** Files are committed in batches: IndexedDB is fast in big transactions, not in many small ones. */
const BATCH = 500;

/**
 * Imports text files into a project. Each file is checked on its own: a bad
 * file is reported and skipped while the others go in, and nothing already
 * stored is changed. The same text already in the project is not imported twice.
 */
export async function importTextFiles(
  projectId: string,
  files: readonly IncomingFile[],
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const added: DocumentRecord[] = [];
  const problems: string[] = [];
  const seenInBatch = new Map<string, string>();
  let lastCreatedAt = 0;
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const ready: { doc: DocumentRecord; text: string }[] = [];
    const decodedBatch = batch.map((file) => decodeTextFile(file.name, file.bytes));
    // The batch's digests are computed side by side, not one after another.
    const hashes = await Promise.all(decodedBatch.map((d) => (d.ok ? sha256Hex(d.text) : null)));
    for (const [k, file] of batch.entries()) {
      const decoded = decodedBatch[k]!;
      if (!decoded.ok) {
        problems.push(decoded.reason);
        continue;
      }
      const textHash = hashes[k]!;
      const earlier = seenInBatch.get(textHash);
      if (earlier !== undefined) {
        problems.push(`"${file.name}" was not imported: it has the same text as "${earlier}" in this import.`);
        continue;
      }
      seenInBatch.set(textHash, file.name);
      // Strictly increasing, so the list keeps the order the files were given in.
      const now = (lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1));
      ready.push({
        doc: withPublicationDate(
          {
            id: crypto.randomUUID(),
            projectId,
            // The headline names the article as a coder knows it; the file's name is kept as its source.
            title: headlineOf(decoded.text) ?? decoded.title,
            source: baseName(decoded.fileName),
            textHash,
            length: decoded.text.length,
            createdAt: now,
          },
          decoded.text,
        ),
        text: decoded.text,
      });
    }
    const stored = await saveStatus.track(() =>
      db.transaction("rw", db.documents, db.texts, db.projects, async () => {
        const fresh: typeof ready = [];
        // All lookups in flight at once: one round trip per batch rather than per file.
        const existingAll = await Promise.all(ready.map((item) => db.documents.where("[projectId+textHash]").equals([projectId, item.doc.textHash]).first()));
        for (const [k, item] of ready.entries()) {
          const existing = existingAll[k];
          if (existing) problems.push(`"${item.doc.source ?? item.doc.title}" was not imported: the same text is already in this project as "${existing.title}".`);
          else fresh.push(item);
        }
        await db.documents.bulkAdd(fresh.map((f) => f.doc));
        await db.texts.bulkAdd(fresh.map((f) => ({ docId: f.doc.id, text: f.text })));
        if (fresh.length) await db.projects.update(projectId, { updatedAt: Date.now() });
        return fresh.map((f) => f.doc);
      }),
    );
    added.push(...stored);
    onProgress?.(Math.min(i + BATCH, files.length), files.length);
  }
  return { added, problems };
}

/** One of `count` consecutive, nearly equal shares of a project's documents (in list order), so that workers can split a job. */
export interface Share {
  index: number;
  count: number;
}

/** The half-open range of positions that `share` covers in a list of `length`. */
export function shareRange(length: number, { index, count }: Share): [number, number] {
  return [Math.floor((length * index) / count), Math.floor((length * (index + 1)) / count)];
}

/** A batch of reads ends at this many characters of text, or at `batchSize` documents, whichever comes first. */
const BATCH_CHARS = 4_000_000;

/**
 * A project's documents in list order (only `share` of them, when given),
 * each with its text and spans (tombstones included). Texts and spans are
 * read in batches, a few batches ahead of the caller, so the store's reads
 * and the caller's work run side by side; memory holds a few batches, each
 * of at most `batchSize` documents and about 4 million characters of text.
 */
export async function* readProjectDocuments(
  projectId: string,
  { batchSize = 200, ahead = 3, share }: { batchSize?: number; ahead?: number; share?: Share } = {},
): AsyncGenerator<{ doc: DocumentRecord; text: string; spans: SpanRecord[] }> {
  const all = await projectDocuments(db, projectId).toArray();
  const docs = share ? all.slice(...shareRange(all.length, share)) : all;
  const batches: DocumentRecord[][] = [];
  let chars = BATCH_CHARS;
  for (const doc of docs) {
    if (chars >= BATCH_CHARS || batches.at(-1)!.length >= batchSize) {
      batches.push([]);
      chars = 0;
    }
    batches.at(-1)!.push(doc);
    chars += doc.length;
  }
  const read = (batch: DocumentRecord[]) => {
    const ids = batch.map((d) => d.id);
    const texts = Promise.all([db.texts.bulkGet(ids), spansOfDocuments(ids)]);
    // A caller that stops early leaves some unawaited; their failure is not an error then.
    texts.catch(() => undefined);
    return { batch, texts };
  };
  const queue = batches.slice(0, ahead).map(read);
  for (let next = queue.length; queue.length; next++) {
    const { batch, texts: reading } = queue.shift()!;
    if (next < batches.length) queue.push(read(batches[next]!));
    const [texts, spans] = await reading;
    for (let j = 0; j < batch.length; j++) yield { doc: batch[j]!, text: texts[j]?.text ?? "", spans: spans[j]! };
  }
}

/** A new document with the publication date its text gives (a dateline, "Published: …"), when it gives one. */
function withPublicationDate(doc: DocumentRecord, text: string): DocumentRecord {
  const found = extractPublicationDate(text);
  return found ? { ...doc, publishedAt: found.value } : doc;
}

/** Sets or clears the publication date of `doc` (as the user saw it): "YYYY-MM-DD", or "--MM-DD" while the year is unknown. */
export function setPublicationDate(doc: DocumentRecord, publishedAt: string | undefined): Promise<DocumentRecord> {
  return editDocument(doc, (next) => {
    if (publishedAt === undefined) delete next.publishedAt;
    else next.publishedAt = publishedAt;
  });
}

/** Renames `doc` (as the user saw it). An empty title is refused: the list and exports name documents by it. */
export function renameDocument(doc: DocumentRecord, title: string): Promise<DocumentRecord> {
  const trimmed = title.replace(/\s+/gu, " ").trim();
  if (trimmed === "") return Promise.reject(new RefusedChange("A document needs a title; the name was not changed."));
  return editDocument(doc, (next) => {
    next.title = trimmed;
  });
}

/** Sets where the coder is with `doc` (as the user saw it). */
export function setDocumentStatus(doc: DocumentRecord, status: DocumentStatus): Promise<DocumentRecord> {
  return editDocument(doc, (next) => {
    if (status === "new") delete next.status;
    else next.status = status;
  });
}

/**
 * Writes a change to a document's record, only if the store still holds the
 * version `before` the user saw (compare-and-set on `rev`, as spans, links
 * and actors are written in writes.ts); otherwise nothing is written and a
 * {@link RefusedChange} says so. The record gets a new `rev` and `updatedAt`;
 * so does its project (backups look for changed projects by it).
 */
async function editDocument(before: DocumentRecord, change: (next: DocumentRecord) => void): Promise<DocumentRecord> {
  return saveStatus.track(() =>
    db.transaction("rw", db.documents, db.projects, db.counters, async () => {
      const stored = await db.documents.get(before.id);
      if (!stored) throw new RefusedChange("The document was deleted in another window; the change was not saved.");
      if (stored.rev !== before.rev) throw new RefusedChange(`“${stored.title}” was changed in another window or by a merge since; the change was not saved.`);
      const next: DocumentRecord = { ...stored };
      change(next);
      const now = Date.now();
      const written = { ...next, updatedAt: Math.max(now, (stored.updatedAt ?? 0) + 1), rev: await takeRev() };
      await db.documents.put(written);
      await db.projects.update(stored.projectId, { updatedAt: now });
      return written;
    }),
  );
}
