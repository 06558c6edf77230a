/**
 * Documents in the store, over a real Dexie on fake-indexeddb: import titles
 * them by their headline and keeps the file name; a rename, a status or a
 * publication date is written only over the version the user saw, like
 * spans, links and actors; and what a merge changes moves the revision on.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "../../shared/model";
import { db } from "../../renderer/store/db";
import { importTextFiles, renameDocument, setDocumentStatus, setPublicationDate } from "../../renderer/store/documents";
import { mergeIntoProject, readSnapshot } from "../../renderer/store/projectFiles";
import { freshStore } from "./storeHelpers";

const now = 1_700_000_000_000;
const encode = (text: string) => new TextEncoder().encode(text);
const BEIRUT = "Skip to main content\nCeasefire talks stall in Beirut\n\nBEIRUT, March 3 — Envoys met on Friday.";

beforeEach(async () => {
  await freshStore();
  await db.projects.put({ id: "p", name: "T", labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: now, updatedAt: now });
});

async function importBeirut() {
  const { added } = await importTextFiles("p", [{ name: "collection/000_bc1e5b86ce48cb8e.txt", bytes: encode(BEIRUT) }]);
  return added[0]!;
}

describe("import", () => {
  it("titles a document by its headline, keeps the file name as its source, and dates it by its dateline", async () => {
    const doc = await importBeirut();
    expect(doc).toMatchObject({ title: "Ceasefire talks stall in Beirut", source: "000_bc1e5b86ce48cb8e.txt", publishedAt: "--03-03" });
    expect(doc.status).toBeUndefined();
  });

  it("keeps the file name as the title when the text has no headline", async () => {
    const { added } = await importTextFiles("p", [{ name: "002.txt", bytes: encode("The committee met again without agreeing on a budget.") }]);
    expect(added[0]).toMatchObject({ title: "002", source: "002.txt" });
  });

  it("names the file when its text is already in the project", async () => {
    await importBeirut();
    const { problems } = await importTextFiles("p", [{ name: "copy.txt", bytes: encode(BEIRUT) }]);
    expect(problems).toEqual(['"copy.txt" was not imported: the same text is already in this project as "Ceasefire talks stall in Beirut".']);
  });
});

describe("document edits", () => {
  it("rename, set a status and complete a publication date, each from the version just written", async () => {
    const doc = await importBeirut();
    const renamed = await renameDocument(doc, "  Beirut   talks ");
    expect(renamed.title).toBe("Beirut talks");
    const done = await setDocumentStatus(renamed, "done");
    const dated = await setPublicationDate(done, "2023-03-03");
    expect(await db.documents.get(doc.id)).toMatchObject({ title: "Beirut talks", status: "done", publishedAt: "2023-03-03" });
    expect(dated.updatedAt).toBeGreaterThan(0);
    // Back to new: the field goes, absent means new.
    expect((await setDocumentStatus(dated, "new")).status).toBeUndefined();
  });

  it("refuses an edit made from a version another window has changed since, and writes nothing", async () => {
    const doc = await importBeirut();
    await renameDocument(doc, "Renamed in the other window");
    await expect(setDocumentStatus(doc, "done")).rejects.toThrow(
      "“Renamed in the other window” was changed in another window or by a merge since; the change was not saved.",
    );
    await expect(renameDocument(doc, "Mine")).rejects.toThrow("changed in another window or by a merge since");
    expect(await db.documents.get(doc.id)).toMatchObject({ title: "Renamed in the other window" });
    expect((await db.documents.get(doc.id))?.status).toBeUndefined();
  });

  it("refuses an empty title", async () => {
    const doc = await importBeirut();
    await expect(renameDocument(doc, " \n ")).rejects.toThrow("A document needs a title; the name was not changed.");
    expect((await db.documents.get(doc.id))?.title).toBe("Ceasefire talks stall in Beirut");
  });

  it("refuses an edit of a document a merge has changed since", async () => {
    const doc = await importBeirut();
    const incoming = await readSnapshot("p");
    incoming.documents[0]!.doc = { ...incoming.documents[0]!.doc, title: "A colleague's title", updatedAt: Date.now() + 60_000 };
    const report = await mergeIntoProject("p", incoming);
    expect(report.documentsUpdated).toBe(1);
    expect((await db.documents.get(doc.id))?.title).toBe("A colleague's title");
    await expect(renameDocument(doc, "Mine")).rejects.toThrow("changed in another window or by a merge since");
  });

  it("never puts the store's revision into a project file", async () => {
    await setDocumentStatus(await importBeirut(), "in-progress");
    const { doc } = (await readSnapshot("p")).documents[0]!;
    expect(doc.rev).toBeUndefined();
    expect(doc.status).toBe("in-progress");
  });
});
