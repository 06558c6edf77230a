import { describe, expect, it } from "vitest";
import { decideNavigation, decidePermission, decideWindowOpen, isAllowedSender, isSafeExternalUrl } from "../../electron/security";

describe("isAllowedSender", () => {
  it("accepts only pages on app://spanwise", () => {
    expect(isAllowedSender("app://spanwise/")).toBe(true);
    expect(isAllowedSender("app://spanwise/index.html#/documents/1")).toBe(true);
    for (const url of [undefined, "", "app://spanwise.evil/", "app://evil/", "app://spanwise:8080/", "https://spanwise/", "file:///index.html", "http://127.0.0.1:4173/", "about:blank", "devtools://devtools/"]) {
      expect(isAllowedSender(url), String(url)).toBe(false);
    }
  });
});

describe("decideNavigation", () => {
  it("keeps app pages in the window", () => {
    expect(decideNavigation("app://spanwise/index.html")).toEqual({ action: "allow" });
  });

  it("sends checked https links to the system browser", () => {
    expect(decideNavigation("https://example.org/paper?id=1")).toEqual({ action: "open-external", url: "https://example.org/paper?id=1" });
  });

  it("drops everything else", () => {
    for (const url of ["http://example.org/", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<b>x</b>", "smb://host/share", "ms-settings:", "not a url"]) {
      expect(decideNavigation(url), url).toEqual({ action: "deny" });
    }
  });
});

describe("decideWindowOpen", () => {
  it("never opens a window, even for app pages", () => {
    expect(decideWindowOpen("app://spanwise/index.html")).toEqual({ action: "deny" });
    expect(decideWindowOpen("file:///etc/passwd")).toEqual({ action: "deny" });
    expect(decideWindowOpen("https://example.org/")).toEqual({ action: "open-external", url: "https://example.org/" });
  });
});

describe("decidePermission", () => {
  it("grants only persistent storage, and only to the app", () => {
    expect(decidePermission("persistent-storage", "app://spanwise/index.html")).toBe(true);
    expect(decidePermission("persistent-storage", "app://spanwise")).toBe(true);
    expect(decidePermission("persistent-storage", "https://example.org/")).toBe(false);
    expect(decidePermission("persistent-storage", undefined)).toBe(false);
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal", "fileSystem", "hid", "serial", "usb", "unknown"]) {
      expect(decidePermission(permission, "app://spanwise/"), permission).toBe(false);
    }
  });
});

describe("isSafeExternalUrl", () => {
  it("accepts plain https links", () => {
    expect(isSafeExternalUrl("https://doi.org/10.1000/182")).toBe(true);
  });

  it("refuses other schemes, credentials, control characters and huge URLs", () => {
    for (const url of [
      "http://example.org/",
      "file:///C:/Windows/System32/calc.exe",
      "javascript:alert(1)",
      "vbscript:msgbox",
      "mailto:someone@example.org",
      "https://user:pass@example.org/",
      "https://user@example.org/",
      "https://example.org/\u0000",
      "https://example.org/\n",
      `https://example.org/${"a".repeat(3000)}`,
      "https://",
      "",
    ]) {
      expect(isSafeExternalUrl(url), JSON.stringify(url.slice(0, 60))).toBe(false);
    }
  });
});
