/**
 * How a drill-down view shares its lines: header lines, the selectable table, an optional block under it (the
 * wallet's recent activity). Before, the header and the block took their full height whatever the terminal, so
 * at 80×24 the wallet view showed 1 of 112 positions and at 60×20 its lines were drawn over each other (issue
 * 11, defect 9). Now the table keeps a few rows first; the block shrinks, then goes; then header lines go by the
 * information they carry (highest `priority` number first); what is left goes to the table.
 */
import type { Segment } from '../components/Line.tsx';

/** One header line and its information value (1 = kept longest, like a column's priority). */
export interface HeaderLine {
  segments: Segment[];
  priority: number;
}

/** The block under the table: how many rows it could show, how few are still worth showing, its own lines. */
export interface FooterNeed {
  rows: number;
  minRows: number;
  /** Lines besides its rows (a title, a heading). */
  chrome: number;
}

/** The block above the table: the lines it wants and the fewest still worth drawing. */
export interface PanelNeed {
  lines: number;
  minLines: number;
  /** Gives way before the header lines (the wallet's chart); otherwise after them (the market's). */
  beforeHeader?: boolean;
}

/** The lines each part gets. */
export interface DetailLayout {
  header: Segment[][];
  /** Lines of the table: heading, rows, state line. */
  tableHeight: number;
  /** Rows of the footer block; 0 = not shown. */
  footerRows: number;
  /** Lines of the panel above the table; 0 = not shown. */
  panelLines: number;
}

/** Lines a table takes besides its rows (the heading and the state line below). */
export const TABLE_CHROME = 2;
/** Rows the table keeps before anything else gives way (fewer when it has fewer). */
export const MIN_TABLE_ROWS = 5;

/** Shares `height` lines between `header`, a table of `tableRows` rows and `footer` (see the module comment). */
export function layoutDetail(height: number, header: readonly HeaderLine[], tableRows: number, footer: FooterNeed | null, panel: PanelNeed | null = null, minTableRows = MIN_TABLE_ROWS): DetailLayout {
  let kept = [...header];
  let footerRows = footer && footer.rows >= footer.minRows ? footer.rows : 0;
  let panelLines = panel ? panel.lines : 0;
  const tableMin = Math.max(1, Math.min(tableRows, minTableRows)) + TABLE_CHROME;
  const need = (): number => kept.length + panelLines + tableMin + (footerRows > 0 ? footerRows + (footer?.chrome ?? 0) : 0);
  while (need() > height) {
    if (footer && footerRows > footer.minRows) footerRows -= 1;
    else if (footerRows > 0) footerRows = 0;
    else if (panel && panelLines > panel.minLines) panelLines -= 1;
    else if (panel?.beforeHeader && panelLines > 0) panelLines = 0;
    else if (kept.some((l) => l.priority > 1)) {
      const worst = kept.reduce((a, b) => (b.priority >= a.priority ? b : a));
      kept = kept.filter((l) => l !== worst);
    } else if (panelLines > 0) panelLines = 0;
    else break;
  }
  const footerLines = footerRows > 0 ? footerRows + (footer?.chrome ?? 0) : 0;
  return {
    header: kept.map((l) => l.segments),
    tableHeight: Math.max(1 + TABLE_CHROME, height - kept.length - footerLines - panelLines),
    footerRows,
    panelLines,
  };
}
