// The page's app script. The app itself (boot.tsx: React, ProseMirror, the
// store) is loaded at once (index.html preloads it) but evaluated only once
// the first paint (renderer/firstPaint) is on screen: its evaluation is one
// long task that would otherwise keep the picture from being drawn.
import { firstPaintSettled } from "./firstPaint/gate";
import "./styles.css";

await firstPaintSettled();
await import("./boot");
