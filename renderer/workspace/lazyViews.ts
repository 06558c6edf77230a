import { lazy } from "react";

// Views and dialogs that the first paint of a document does not need: each is
// its own chunk, fetched when first shown (or when the browser is idle after
// start-up, see preloadLazyViews), so start-up parses only the reading view.
const loaders = {
  events: () => import("../components/EventsView").then((m) => ({ default: m.EventsView })),
  actors: () => import("../components/ActorRegistry").then((m) => ({ default: m.ActorRegistry })),
  labels: () => import("../components/LabelEditor").then((m) => ({ default: m.LabelEditor })),
  backups: () => import("../components/Backups").then((m) => ({ default: m.Backups })),
};

export const EventsView = lazy(loaders.events);
export const ActorRegistry = lazy(loaders.actors);
export const LabelEditor = lazy(loaders.labels);
export const Backups = lazy(loaders.backups);

/** Fetches the lazy chunks once the browser is idle, so opening a view later does not wait for the network or the disk. */
export function preloadLazyViews(): () => void {
  const load = () => void Promise.all(Object.values(loaders).map((l) => l())).catch(() => undefined);
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(load, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(load, 2000);
  return () => clearTimeout(id);
}
