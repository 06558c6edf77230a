/**
 * The two bridge operations behind the native dialogs. Paths come only from
 * the dialogs shown here, never from the renderer. `remember` hears of each
 * file read or written (Open Recent keeps the project files among them).
 */
import { app, dialog, type BrowserWindow } from "electron";
import path from "node:path";
import type { FileFilter, PickedFile, SaveRequest, SaveResult } from "../shared/bridge";
import { writeFileAtomic } from "./atomicWrite";
import { describeSkipped, readPickedFiles } from "./pickedFiles";

type Remember = (filePath: string) => Promise<void>;

export async function openFiles(window: BrowserWindow, filters: FileFilter[], remember: Remember): Promise<PickedFile[]> {
  const choice = await dialog.showOpenDialog(window, {
    title: "Import documents",
    properties: ["openFile", "multiSelections"],
    filters,
  });
  if (choice.canceled || choice.filePaths.length === 0) return [];
  const { files, skipped } = await readPickedFiles(choice.filePaths);
  const notRead = new Set(skipped.map((file) => file.name));
  for (const filePath of choice.filePaths) if (!notRead.has(path.basename(filePath))) await remember(filePath);
  if (skipped.length > 0) {
    await dialog.showMessageBox(window, {
      type: "warning",
      title: "Some files were not imported",
      message: skipped.length === 1 ? "One file was not imported." : `${skipped.length} files were not imported.`,
      detail: describeSkipped(skipped),
    });
  }
  return files;
}

export async function saveFile(window: BrowserWindow, request: SaveRequest, remember: Remember): Promise<SaveResult> {
  const choice = await dialog.showSaveDialog(window, {
    defaultPath: path.join(app.getPath("documents"), request.suggestedName),
    filters: request.filters,
    properties: ["createDirectory", "showOverwriteConfirmation"],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  await writeFileAtomic(choice.filePath, request.data);
  await remember(choice.filePath);
  return { saved: true, fileName: path.basename(choice.filePath) };
}
