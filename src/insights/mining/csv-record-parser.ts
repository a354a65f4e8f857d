import { InputError } from '../../shared/index.js';
import { MAX_ELEMENT_CHARS } from './element-limit.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;

/** Receives each record: `fields[0..count)` are its values (the array is reused), `line` is where it starts. */
export type CsvRecordHandler = (fields: string[], count: number, line: number) => void;

/**
 * An incremental RFC 4180 parser: feed it text chunks of any size; it calls back once per record.
 * Quoted fields may hold delimiters, line breaks and doubled quotes; CRLF, LF and CR all end a record.
 * A quote in the middle of an unquoted field is kept as text, as most exporters expect.
 */
export class CsvRecordParser {
  private state = FIELD_START;
  private pending = '';
  private readonly fields: string[] = [];
  private count = 0;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private skipLineFeed = false;
  /** Absolute offset of the current chunk's start and of the current line's start, for columns in errors. */
  private chunkOffset = 0;
  private lineOffset = 0;

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly onRecord: CsvRecordHandler,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new InputError(
        `The CSV delimiter ${JSON.stringify(delimiter)} cannot be used; give one character other than a quote or a line break.`,
        {
          field: 'delimiter',
        },
      );
    }
  }

  write(chunk: string): void {
    const delimiter = this.delimiter.charCodeAt(0);
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (c === LF) {
          // The LF of a CRLF: the line was already counted; inside quotes it stays part of the value.
          if (this.state === FIELD_START) start = i + 1;
          this.lineOffset = this.chunkOffset + i + 1;
          continue;
        }
      }
      switch (this.state) {
        case FIELD_START:
        case UNQUOTED:
          if (c === delimiter) {
            this.endField(this.pending + chunk.slice(start, i));
            start = i + 1;
            this.state = FIELD_START;
          } else if (c === LF || c === CR) {
            this.endField(this.pending + chunk.slice(start, i));
            this.endRecord();
            this.newLine(c, i);
            start = i + 1;
          } else if (c === QUOTE && this.state === FIELD_START && this.pending === '') {
            this.state = QUOTED;
            this.quoteLine = this.line;
            start = i + 1;
          } else {
            this.state = UNQUOTED;
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            this.pending += chunk.slice(start, i);
            this.state = AFTER_QUOTE;
          } else if (c === LF || c === CR) {
            this.newLine(c, i);
          }
          break;
        default:
          if (c === QUOTE) {
            this.pending += '"';
            start = i + 1;
            this.state = QUOTED;
          } else if (c === delimiter) {
            this.endField(this.pending);
            start = i + 1;
            this.state = FIELD_START;
          } else if (c === LF || c === CR) {
            this.endField(this.pending);
            this.endRecord();
            this.newLine(c, i);
            start = i + 1;
          } else {
            const column = this.chunkOffset + i - this.lineOffset + 1;
            throw new InputError(
              `${this.file}:${this.line}:${column}: the character ${JSON.stringify(chunk[i])} follows the closing quote of a field; ` +
                'end the field after its closing quote, and write a quote inside a quoted field as two quotes ("").',
              { file: this.file, line: this.line, column },
            );
          }
      }
    }
    if (this.state !== AFTER_QUOTE) this.pending += chunk.slice(start);
    if (this.pending.length > MAX_ELEMENT_CHARS) {
      throw new InputError(
        `${this.file}:${this.recordLine}: a field starting on this line is longer than ${MAX_ELEMENT_CHARS / (1024 * 1024)} MiB; Cello reads CSV fields up to that size. Check for a quote that is never closed, or that the file is the event log you meant.`,
        { file: this.file, line: this.recordLine },
      );
    }
    this.chunkOffset += chunk.length;
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(): void {
    if (this.state === QUOTED) {
      throw new InputError(
        `${this.file}:${this.quoteLine}: a quoted field opened here is never closed; add the closing quote.`,
        { file: this.file, line: this.quoteLine },
      );
    }
    if (this.count > 0 || this.pending !== '' || this.state !== FIELD_START) {
      this.endField(this.pending);
      this.endRecord();
    }
  }

  private endField(value: string): void {
    this.fields[this.count++] = value;
    this.pending = '';
    this.state = FIELD_START;
  }

  private endRecord(): void {
    this.onRecord(this.fields, this.count, this.recordLine);
    this.count = 0;
  }

  private newLine(c: number, i: number): void {
    this.line++;
    this.lineOffset = this.chunkOffset + i + 1;
    if (this.state === FIELD_START) this.recordLine = this.line;
    if (c === CR) this.skipLineFeed = true;
  }
}
