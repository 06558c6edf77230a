/**
 * Names of the settings (and sessionStorage entries) that say what a window
 * shows: in a module of their own, without the store, so that the first
 * paint (renderer/firstPaint) can read them before the app's script loads.
 */

/** The setting holding the project last opened in any window. */
export const CURRENT_PROJECT_KEY = "currentProjectId";
/** The sessionStorage entry holding this window's open project. */
export const SESSION_PROJECT = "spanwise.openProject";
/** The setting holding the annotator's name. */
export const ANNOTATOR_KEY = "annotator";
/** The setting holding the document last opened in a project, in any window. */
export const docSettingKey = (projectId: string) => `currentDocId:${projectId}`;
/** The sessionStorage entry holding this window's open document in a project. */
export const sessionDocKey = (projectId: string) => `spanwise.openDocument:${projectId}`;
/** The setting that remembers which annotators' layers a project hides. */
export const hiddenLayersKey = (projectId: string) => `hiddenAnnotators:${projectId}`;
