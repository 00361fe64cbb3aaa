/**
 * Code lenses of a large file, near what the editor shows. The workbench makes a view zone for every lens it is
 * given and re-lays them out after each edit: for the 961 lenses of the 1,441-document e2e file (4,000 on the
 * 5,000-document bench file) that was the largest single cost on its UI thread while typing (issue #15 item 10).
 * A file with more than LENS_WINDOW_MIN lenses gets those within LENS_WINDOW_MARGIN lines of its visible ranges;
 * when the user scrolls out of that window the lenses are asked for again. Pure, for unit tests.
 */

/** Up to this many lenses a file gets them all (every file of a usual workspace). */
export const LENS_WINDOW_MIN = 100;
/** Lines kept above and below the visible ranges: a few screens, so scrolling rarely waits for lenses. */
export const LENS_WINDOW_MARGIN = 300;

export interface LineSpan {
  start: number;
  end: number;
}

/** The lines lenses are kept for: the visible spans widened by the margin (the top of the file when none is visible). */
export function lensWindow(visible: readonly LineSpan[], margin = LENS_WINDOW_MARGIN): LineSpan[] {
  if (visible.length === 0) return [{ start: 0, end: 2 * margin }];
  return visible.map((span) => ({ start: Math.max(0, span.start - margin), end: span.end + margin }));
}

/** The lenses on lines inside `window`, or all of them when there are few. */
export function lensesInWindow<L extends { range: { start: { line: number } } }>(lenses: readonly L[], window: readonly LineSpan[]): L[] {
  if (lenses.length <= LENS_WINDOW_MIN) return [...lenses];
  return lenses.filter((lens) => window.some((span) => lens.range.start.line >= span.start && lens.range.start.line <= span.end));
}

/**
 * Whether the visible spans have come close to the edge of the window the lenses were given for (within half
 * the margin, or outside it): then they are asked for again.
 */
export function leavesWindow(visible: readonly LineSpan[], window: readonly LineSpan[], margin = LENS_WINDOW_MARGIN): boolean {
  const inside = (span: LineSpan): boolean => window.some((w) => (span.start >= w.start + margin / 2 || w.start === 0) && span.end <= w.end - margin / 2);
  return !visible.every(inside);
}
