/** Collects problems up to a cap and renders them as sentences naming the file. */
export class ProblemList {
  private readonly items: string[] = [];
  private overflow = 0;

  constructor(readonly max: number) {}

  add(problem: string): void {
    if (this.items.length < this.max) this.items.push(problem);
    else this.overflow++;
  }

  /** Adds `other`'s problems after these, keeping the cap. */
  addAll(other: ProblemList): void {
    for (const problem of other.items) this.add(problem);
    this.overflow += other.overflow;
  }

  get count(): number {
    return this.items.length + this.overflow;
  }

  /** Each problem (as `"<file>: <problem>"` when `fileName` is given), then one line for any beyond the cap. */
  render(fileName?: string): string[] {
    const prefix = fileName === undefined ? "" : `${fileName}: `;
    const lines = this.items.map((problem) => prefix + problem);
    if (this.overflow > 0) lines.push(`${prefix}and ${this.overflow} more problem${this.overflow === 1 ? "" : "s"}`);
    return lines;
  }
}

/** A string shortened for a message, with its quotes. */
export function quoteShort(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** Thrown by {@link encodeProjectFile} for a snapshot it will not write. */
export class ProjectFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems[0]} (and ${problems.length - 1} more problems)`);
    this.name = "ProjectFileError";
  }
}
