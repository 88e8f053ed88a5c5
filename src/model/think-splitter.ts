/**
 * Splits `<think>…</think>` blocks out of streamed content, incrementally: each chunk is scanned
 * once, and a tag split across chunks (`<thi` + `nk>`) is held back until it is complete or
 * proven not to be a tag. Several blocks, anywhere in the text, are all reasoning.
 */

export interface SplitPiece {
  text: string;
  reasoning: string;
}

const OPEN = '<think>';
const CLOSE = '</think>';

export class ThinkTagSplitter {
  private inside = false;
  /** The end of the text so far that may be the beginning of the next tag. */
  private pending = '';

  push(chunk: string): SplitPiece {
    const piece: SplitPiece = { text: '', reasoning: '' };
    let buffer = this.pending + chunk;
    this.pending = '';
    for (;;) {
      const tag = this.inside ? CLOSE : OPEN;
      const at = buffer.indexOf(tag);
      if (at < 0) break;
      this.emit(piece, buffer.slice(0, at));
      buffer = buffer.slice(at + tag.length);
      this.inside = !this.inside;
    }
    const held = tagPrefixAtEnd(buffer, this.inside ? CLOSE : OPEN);
    this.pending = buffer.slice(buffer.length - held);
    this.emit(piece, buffer.slice(0, buffer.length - held));
    return piece;
  }

  /** The end of the stream: text held back as a possible tag start is released. */
  flush(): SplitPiece {
    const piece = this.held();
    this.pending = '';
    return piece;
  }

  /** Text held back so far, on the side it would go to (for partial output after an error). */
  held(): SplitPiece {
    return this.inside ? { text: '', reasoning: this.pending } : { text: this.pending, reasoning: '' };
  }

  private emit(piece: SplitPiece, text: string): void {
    if (this.inside) piece.reasoning += text;
    else piece.text += text;
  }
}

/** Length of the longest end of `text` that is a proper beginning of `tag`. */
function tagPrefixAtEnd(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}
