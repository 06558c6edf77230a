import { describe, expect, it } from "vitest";
import { openProjectFile, takeProjectFiles } from "../../../renderer/components/projectFileInbox";

const file = (name: string) => ({ name, bytes: new Uint8Array() });

describe("projectFileInbox", () => {
  it("keeps files until an opener takes them, in order, then hands new ones straight over", () => {
    openProjectFile(file("a.spanwise"));
    openProjectFile(file("b.spanwise"));
    const taken: string[] = [];
    const stop = takeProjectFiles((f) => taken.push(f.name));
    expect(taken).toEqual(["a.spanwise", "b.spanwise"]);
    openProjectFile(file("c.spanwise"));
    expect(taken).toEqual(["a.spanwise", "b.spanwise", "c.spanwise"]);
    stop();
  });

  it("keeps files again while the workspace remounts, for the next opener only", () => {
    const first: string[] = [];
    const stopFirst = takeProjectFiles((f) => first.push(f.name));
    const second: string[] = [];
    const stopSecond = takeProjectFiles((f) => second.push(f.name));
    // The old opener unsubscribing late must not unhook the new one.
    stopFirst();
    openProjectFile(file("d.spanwise"));
    stopSecond();
    openProjectFile(file("e.spanwise"));
    expect([first, second]).toEqual([[], ["d.spanwise"]]);
    const third: string[] = [];
    takeProjectFiles((f) => third.push(f.name))();
    expect(third).toEqual(["e.spanwise"]);
  });
});
