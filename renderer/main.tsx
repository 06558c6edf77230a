// The page's app script. The app itself (boot.tsx: React, ProseMirror, the
// store) is loaded at once (index.html preloads it) but evaluated only once
// the first paint (renderer/firstPaint) is on screen: its evaluation is one
// long task that would otherwise keep the picture from being drawn.
import { firstPaintSettled } from "./firstPaint/gate";
import { endFirstPaint } from "./firstPaint/handover";
import "./styles.css";

await firstPaintSettled();
try {
  await import("./boot");
} catch (error) {
  // The app's own script did not load (a server stopped mid-update, a damaged install): say so in one line.
  endFirstPaint();
  const message = document.createElement("main");
  message.className = "sw-loading";
  message.setAttribute("role", "alert");
  message.textContent = `Spanwise could not load its program (${error instanceof Error ? error.message : String(error)}). Reload the page; if this happens again, reinstall or restart the server.`;
  document.getElementById("root")!.replaceChildren(message);
}
