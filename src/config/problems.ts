import { readFileSync } from "node:fs";

/**
 * Configuration problems, gathered rather than thrown one at a time, so an operator sees every
 * mistake in one start: one line per problem, then a non-zero exit (src/main.ts), never a stack trace.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("; "));
  }
}

export class ConfigProblems {
  private readonly list: string[] = [];

  /** The value `read` returns, or `fallback` after recording the message of what it threw. */
  take<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch (error) {
      this.add(error instanceof ConfigError ? error.problems : [error instanceof Error ? error.message : String(error)]);
      return fallback;
    }
  }

  add(problems: readonly string[]): void {
    this.list.push(...problems);
  }

  /** Throws a ConfigError naming every problem recorded so far. */
  throwIfAny(): void {
    if (this.list.length > 0) throw new ConfigError([...this.list]);
  }
}

/** A file's text, or a problem naming the variable and why the file cannot be read. */
export function readConfigText(path: string, variable: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "it is a directory" : code ?? "unreadable";
    throw new Error(`${variable}: cannot read ${JSON.stringify(path)} (${why})`);
  }
}
