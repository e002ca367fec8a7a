// Offsets are stored everywhere; 1-based line/column are derived only at the edges.

export interface LinePos {
  line: number;
  col: number;
}

export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const text = this.text;
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
    return starts;
  }

  /** 1-based line and column (UTF-16 units) of an offset. */
  linePos(offset: number): LinePos {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  }

  /** Offset of a 1-based line/column. */
  offsetOf(line: number, col: number): number {
    const starts = this.lineStarts();
    const l = Math.min(Math.max(line, 1), starts.length);
    return starts[l - 1]! + Math.max(col, 1) - 1;
  }
}
