import { describe, expect, it } from "vitest";
import { describeStoreError, saveStatus } from "../../renderer/store/saveStatus";

describe("the saved state", () => {
  it("shows saving while a write is in flight and saved only after it committed", async () => {
    let commit!: () => void;
    const write = saveStatus.track(() => new Promise<void>((resolve) => (commit = resolve)));
    expect(saveStatus.get()).toEqual({ kind: "saving" });
    commit();
    await write;
    expect(saveStatus.get()).toEqual({ kind: "saved" });
  });

  it("a write that does not fit (quota exceeded) is never shown as saved, and says what to do", async () => {
    const quota = Object.assign(new Error("QuotaExceededError"), { name: "QuotaExceededError" });
    await expect(saveStatus.track(() => Promise.reject(quota))).rejects.toBe(quota);
    const state = saveStatus.get();
    expect(state.kind).toBe("failed");
    expect(state.kind === "failed" && state.message).toMatch(/not saved: the disk \(or the browser's storage for Spanwise\) is full\. .*Free some disk space/);
    // Dexie wraps the browser's error: the inner name counts too.
    expect(describeStoreError(Object.assign(new Error("Abort"), { name: "AbortError", inner: { name: "QuotaExceededError" } }))).toMatch(/storage for Spanwise\) is full/);
    // The next successful write clears it.
    await saveStatus.track(() => Promise.resolve());
    expect(saveStatus.get()).toEqual({ kind: "saved" });
  });

  it("a failure while another write is in flight stays failed", async () => {
    let commit!: () => void;
    const slow = saveStatus.track(() => new Promise<void>((resolve) => (commit = resolve)));
    await expect(saveStatus.track(() => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    commit();
    await slow;
    expect(saveStatus.get().kind).toBe("failed");
  });
});

describe("the saved state with writes overlapping a failure", () => {
  it("a newer write clears the failure, and the older one still in flight keeps it saving until it ends", async () => {
    await saveStatus.track(() => Promise.resolve());
    let commitOld!: () => void;
    const old = saveStatus.track(() => new Promise<void>((resolve) => (commitOld = resolve)));
    await expect(saveStatus.track(() => Promise.reject(new Error("disk full")))).rejects.toThrow();
    await saveStatus.track(() => Promise.resolve());
    expect(saveStatus.get()).toEqual({ kind: "saving" });
    commitOld();
    await old;
    expect(saveStatus.get()).toEqual({ kind: "saved" });
  });
});

describe("a full disk, in words a user can act on", () => {
  const outOfSpace = [
    ["QuotaExceededError", Object.assign(new Error("The quota has been exceeded."), { name: "QuotaExceededError" })],
    ["Chromium's blob write failure", Object.assign(new Error("Failed to write blobs (IOError)"), { name: "DataError" })],
    ["the same wrapped by Dexie", Object.assign(new Error("Transaction aborted"), { name: "AbortError", inner: { name: "DataError", message: "DataError Failed to write blobs (IOError)" } })],
    ["a LevelDB IO error", Object.assign(new Error("Internal error: IO error: /profile/IndexedDB/leveldb: No space left on device"), { name: "UnknownError" })],
  ] as const;

  it.each(outOfSpace)("%s says what happened, what was lost, what to do and where the data is", (_what, err) => {
    const message = describeStoreError(err);
    expect(message).toContain("The change was not saved: the disk (or the browser's storage for Spanwise) is full.");
    expect(message).toContain("Nothing changed since the last “All changes saved” has been saved.");
    expect(message).toContain("Free some disk space, then make the change again.");
    expect(message).toContain("~/.config/Spanwise");
    expect(message).not.toMatch(/IOError|DataError|leveldb/);
  });

  it("other failures keep the browser's own words", () => {
    expect(describeStoreError(Object.assign(new Error("Database connection is closing."), { name: "InvalidStateError" }))).toBe("The change was not saved: Database connection is closing.");
  });
});
