import type { DesktopBridge } from "../../shared/bridge";
import { browserPlatform } from "./browser";
import { desktopPlatform } from "./desktop";
import type { Platform } from "./platform";

declare global {
  interface Window {
    /** Present only in the desktop app, put there by the preload script. */
    spanwise?: DesktopBridge;
  }
}

export type { Platform } from "./platform";

/** The host this renderer runs in. */
export const platform: Platform = window.spanwise ? desktopPlatform(window.spanwise) : browserPlatform;
