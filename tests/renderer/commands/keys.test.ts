import { describe, expect, it } from "vitest";
import { ariaChord, chordLabel, matchesChord, menuAccelerator } from "../../../renderer/commands/keys";
import { press } from "./appContext";

describe("matchesChord", () => {
  it("takes a lone character as typed, whatever Shift did to make it", () => {
    expect(matchesChord(press("1"), "1")).toBe(true);
    expect(matchesChord(press("?", { shiftKey: true }), "?")).toBe(true);
    expect(matchesChord(press("A", { shiftKey: true }), "a")).toBe(false);
    expect(matchesChord(press("A", { shiftKey: true }), "A")).toBe(true);
  });

  it("refuses a lone character pressed with Ctrl, ⌘ or Alt", () => {
    expect(matchesChord(press("1", { ctrlKey: true }), "1")).toBe(false);
    expect(matchesChord(press("1", { metaKey: true }), "1")).toBe(false);
    expect(matchesChord(press("1", { altKey: true }), "1")).toBe(false);
  });

  it("reads Mod as Ctrl or ⌘ and needs exactly the chord's Shift", () => {
    expect(matchesChord(press("z", { ctrlKey: true }), "Mod+Z")).toBe(true);
    expect(matchesChord(press("z", { metaKey: true }), "Mod+Z")).toBe(true);
    expect(matchesChord(press("Z", { ctrlKey: true, shiftKey: true }), "Mod+Z")).toBe(false);
    expect(matchesChord(press("Z", { ctrlKey: true, shiftKey: true }), "Mod+Shift+Z")).toBe(true);
    expect(matchesChord(press("z"), "Mod+Z")).toBe(false);
  });

  it("finds Alt chords by the physical key where Alt changes the character (a Mac keyboard)", () => {
    expect(matchesChord(press("¡", { altKey: true, code: "Digit1" }), "Alt+1")).toBe(true);
    expect(matchesChord(press("1", { altKey: true, code: "Digit1" }), "Alt+1")).toBe(true);
    expect(matchesChord(press("™", { altKey: true, code: "Digit2" }), "Alt+1")).toBe(false);
  });

  it("needs Shift on named keys exactly as written", () => {
    expect(matchesChord(press("Tab"), "Tab")).toBe(true);
    expect(matchesChord(press("Tab", { shiftKey: true }), "Tab")).toBe(false);
    expect(matchesChord(press("Tab", { shiftKey: true }), "Shift+Tab")).toBe(true);
    expect(matchesChord(press("Enter", { shiftKey: true }), "Enter")).toBe(false);
  });
});

describe("showing chords", () => {
  it("names them for people on each system", () => {
    expect(chordLabel("Mod+Shift+Z", false)).toBe("Ctrl+Shift+Z");
    expect(chordLabel("Mod+Shift+Z", true)).toBe("⌘⇧Z");
    expect(chordLabel("Alt+PageDown", false)).toBe("Alt+PageDown");
    expect(chordLabel("Escape", false)).toBe("Esc");
    expect(chordLabel("1", false)).toBe("1");
  });

  it("names them for aria-keyshortcuts and the native menu", () => {
    expect(ariaChord("Mod+S", false)).toBe("Control+S");
    expect(ariaChord("Mod+S", true)).toBe("Meta+S");
    expect(menuAccelerator("Mod+Shift+Z")).toBe("Mod+Shift+Z");
    expect(menuAccelerator("Alt+ArrowUp")).toBe("Alt+ArrowUp");
    // A bare key would fire in the app's text fields as a menu accelerator.
    expect(menuAccelerator("1")).toBeUndefined();
    expect(menuAccelerator("Escape")).toBeUndefined();
  });
});
