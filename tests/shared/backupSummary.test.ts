import { describe, expect, it } from "vitest";
import { backupFileName, backupSummaryFileName, parseBackupFileName, parseBackupSummaryFileName } from "../../shared/backups";
import { decodeBackupSummary, describeBackupSummary, encodeBackupSummary, nameList, summarizeSnapshot } from "../../shared/backupSummary";
import { buildSnapshot } from "./projectFileBuilders";

describe("backup summaries", () => {
  it("count documents and live spans and name their annotators", async () => {
    const snapshot = await buildSnapshot({
      name: "Moscow visits",
      documents: [
        { id: "a", text: "Lavrov met Haniyeh in Moscow." },
        { id: "b", text: "No spans here." },
      ],
      spans: [
        { id: "s1", docId: "a", at: "Lavrov", annotator: "Ana" },
        { id: "s2", docId: "a", at: "Haniyeh", annotator: "Óscar" },
        { id: "s3", docId: "a", at: "Moscow", annotator: "Bea" },
        { id: "s4", docId: "a", at: "met", annotator: "Zed", deleted: true },
      ],
    });
    const summary = summarizeSnapshot(snapshot);
    expect(summary).toEqual({ projectName: "Moscow visits", documents: 2, spans: 3, annotators: ["Ana", "Bea", "Óscar"] });
    expect(describeBackupSummary(summary)).toBe("2 documents, 3 spans by Ana, Bea and Óscar");
  });

  it("read back what they wrote, and refuse what is not a summary", () => {
    const summary = { projectName: "تصريحات 🇵🇸", documents: 1, spans: 1200, annotators: ["ليلى"] };
    expect(decodeBackupSummary(encodeBackupSummary(summary))).toEqual(summary);
    const bytes = (text: string) => new TextEncoder().encode(text);
    for (const bad of ["", "[]", "{", '{"projectName":"x","documents":-1,"spans":0,"annotators":[]}', '{"projectName":"x","documents":1,"spans":0,"annotators":[3]}', '{"__proto__":{},"projectName":"x","documents":1,"spans":0,"annotators":[]}']) {
      expect(decodeBackupSummary(bytes(bad))).toBeNull();
    }
    expect(decodeBackupSummary(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });

  it("say it plainly for one, none and many", () => {
    expect(describeBackupSummary({ projectName: "p", documents: 1, spans: 0, annotators: [] })).toBe("1 document, no spans");
    expect(describeBackupSummary({ projectName: "p", documents: 0, spans: 1, annotators: ["Ana"] })).toBe("0 documents, 1 span by Ana");
    expect(describeBackupSummary({ projectName: "p", documents: 12, spans: 10500, annotators: ["A", "B", "C", "D", "E", "F"] })).toBe("12 documents, 10,500 spans by A, B, C and 3 others");
    expect(nameList(["A", "B", "C", "D"])).toBe("A, B, C and D");
  });

  it("are named beside their backup, and never taken for a backup", () => {
    const backup = backupFileName("p/1", 1_700_000_000_000);
    const summary = backupSummaryFileName(backup);
    expect(summary).toBe(backup.replace(/\.spanwise$/, ".summary.json"));
    expect(parseBackupFileName(summary)).toBeNull();
    expect(parseBackupSummaryFileName(summary)).toEqual(parseBackupFileName(backup));
    expect(parseBackupSummaryFileName(backup)).toBeNull();
    expect(parseBackupSummaryFileName("notes.summary.json")).toBeNull();
  });
});
