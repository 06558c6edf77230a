import { linkTypesFrom } from "../../shared/coding/links";
import type { LinkTypeDef } from "../../shared/coding/model";
import type { Command } from "./command";
import type { LabelDef } from "../../shared/model";
import { readingText, type AppContext } from "./context";
import { tagAndLink } from "./spanActions";

/** One command per link type with a key: starts choosing the target from the selected span. */
export function linkCommands(linkTypes: readonly LinkTypeDef[]): Command<AppContext>[] {
  return linkTypes.map((type) => ({
    id: `link:${type.id}`,
    title: `Link ${type.name.toLowerCase()}`,
    keys: type.key ? [type.key] : [],
    menu: "edit",
    when: (ctx) => readingText(ctx) && ctx.selectedSpan !== null && linkTypesFrom(ctx.linkTypes, ctx.selectedSpan.label).some((t) => t.id === type.id),
    run: (ctx) => ctx.link.start(type),
  }));
}

const linking = (ctx: AppContext) => ctx.link.active;

/** While choosing a link's target: arrows or Tab step, Enter links, Escape cancels. */
export const linkModeCommands: Command<AppContext>[] = [
  { id: "linkMode.next", title: "Next link target", keys: ["ArrowRight", "ArrowDown", "Tab"], when: linking, run: (ctx) => ctx.link.step(1) },
  { id: "linkMode.previous", title: "Previous link target", keys: ["ArrowLeft", "ArrowUp", "Shift+Tab"], when: linking, run: (ctx) => ctx.link.step(-1) },
  { id: "linkMode.accept", title: "Link to the chosen target", keys: ["Enter"], when: linking, run: (ctx) => ctx.link.accept() },
  { id: "linkMode.cancel", title: "Cancel linking", keys: ["Escape"], when: linking, run: (ctx) => ctx.link.cancel() },
];

/**
 * In link mode, a label key tags the text selected since link mode began
 * and links it as the target, in one undoable step ("tag the selection as
 * an actor and link it as the speaker").
 */
export function tagAndLinkCommands(labels: readonly LabelDef[]): Command<AppContext>[] {
  return labels.map((label) => ({
    id: `tagAndLink:${label.id}`,
    title: `Tag the selection as ${label.name} and link it`,
    keys: label.key ? [label.key] : [],
    when: (ctx) => ctx.view === "reader" && ctx.doc !== null && ctx.link.active,
    run: (ctx) => {
      const current = ctx.link.current;
      if (!current) return;
      ctx.report(
        tagAndLink(ctx, label.id, current).then((done) => {
          if (done) ctx.link.cancel();
          else ctx.notify(`Select the words to tag as ${label.name} first; or choose a target with the arrows and Enter.`);
        }),
      );
    },
  }));
}
