/** Plain-text tables with aligned columns, for terminals. */

export interface TextTableOptions {
  /** Columns to right-align (numbers), by index. */
  readonly alignRight?: readonly number[];
}

/** Rows of cells as aligned columns, the header underlined. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions = {},
): string {
  const right = new Set(options.alignRight ?? []);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
