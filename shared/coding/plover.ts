/**
 * PLOVER's event categories and their modes: the default code list of the
 * event label's `type` and `mode` attributes (editable per project).
 *
 * The sixteen categories are those of PLOVER as used for POLECAT (REQUEST
 * where the 2021 manual draft has DEMAND). Modes follow the PLOVER manual
 * (Open Event Data Alliance, draft 0.8); REQUEST takes the modes the manual
 * gives DEMAND. Categories without modes in the manual have none here.
 */
import type { ChoiceOption } from "./codebook";

export interface PloverCategory {
  code: string;
  /** One line saying what the category covers, for a code-list tooltip. */
  description: string;
  /** PLOVER's quad category. */
  quad: "verbal cooperation" | "material cooperation" | "verbal conflict" | "material conflict";
  modes: readonly string[];
}

export const PLOVER_CATEGORIES: readonly PloverCategory[] = [
  { code: "AGREE", quad: "verbal cooperation", description: "Agree to, offer or promise to cooperate", modes: [] },
  { code: "CONSULT", quad: "verbal cooperation", description: "Meet, visit, host, talk or negotiate", modes: ["visit", "third-party", "multilateral", "phone"] },
  { code: "SUPPORT", quad: "verbal cooperation", description: "Express support, praise, recognize, sign an agreement", modes: [] },
  { code: "CONCEDE", quad: "verbal cooperation", description: "Verbal concessions: ease restrictions, declare a ceasefire, apologize", modes: [] },
  { code: "COOPERATE", quad: "material cooperation", description: "Mutual material cooperation or exchange", modes: [] },
  { code: "AID", quad: "material cooperation", description: "Material aid that mainly benefits the recipient", modes: [] },
  {
    code: "RETREAT",
    quad: "material cooperation",
    description: "Withdraw, release captives, return property, disarm, observe a ceasefire, resign",
    modes: ["withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"],
  },
  { code: "REQUEST", quad: "verbal conflict", description: "Requests, demands and orders", modes: ["assist", "change", "yield", "meet"] },
  { code: "ACCUSE", quad: "verbal conflict", description: "Disapprove, condemn, accuse, sue or investigate", modes: ["disapprove", "investigate", "allege"] },
  { code: "REJECT", quad: "verbal conflict", description: "Rejections and refusals", modes: ["assist", "change", "yield", "meet"] },
  {
    code: "THREATEN",
    quad: "verbal conflict",
    description: "Threats and coercive warnings (the mode is what is threatened)",
    modes: ["restrict", "ban", "arrest", "relations", "expel", "territory", "violence"],
  },
  {
    code: "PROTEST",
    quad: "material conflict",
    description: "Demonstrations, riots, strikes, boycotts against the recipient",
    modes: ["demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"],
  },
  { code: "SANCTION", quad: "material conflict", description: "Reduce or end relations, expel, convict", modes: ["convict", "expel", "withdraw", "discontinue"] },
  { code: "MOBILIZE", quad: "material conflict", description: "Military or police moves short of the use of force", modes: ["troops", "weapons", "police", "militia"] },
  {
    code: "COERCE",
    quad: "material conflict",
    description: "Repression and restrictions on rights",
    modes: ["confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"],
  },
  {
    code: "ASSAULT",
    quad: "material conflict",
    description: "Deliberate actions that can cause substantial physical harm",
    modes: [
      "abduct",
      "beat",
      "torture",
      "execute",
      "sexual",
      "assassinate",
      "destroy",
      "primitive",
      "firearms",
      "explosives",
      "suicide-attack",
      "heavy-weapons",
      "cleansing",
      "massacre",
      "unconventional",
      "sideAB",
    ],
  },
];

/** The event types as choice options. */
export function ploverEventOptions(): ChoiceOption[] {
  return PLOVER_CATEGORIES.map((c) => ({ value: c.code, label: c.description }));
}

/**
 * The modes as choice options, each allowed only under the event types that
 * have it (`when`). A mode several categories share ("restrict", "withdraw")
 * is one option listing all of them.
 */
export function ploverModeOptions(): ChoiceOption[] {
  const byMode = new Map<string, string[]>();
  for (const category of PLOVER_CATEGORIES) {
    for (const mode of category.modes) {
      const types = byMode.get(mode) ?? [];
      types.push(category.code);
      byMode.set(mode, types);
    }
  }
  return [...byMode].map(([value, when]) => ({ value, when }));
}
