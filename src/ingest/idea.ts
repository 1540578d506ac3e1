/** One raw idea as it was read, with the place it came from. */
export interface Idea {
  /** The input's name as the user gave it ("-" is shown as "stdin"). */
  file: string;
  /** 1-based data row in its file; the header row is not counted. */
  row: number;
  /** The value of an `id` column when there is one, else the row number. */
  id: string;
  /** The idea's text exactly as read, without surrounding white space. */
  text: string;
  /** The value of the grouping column, or "all". */
  group: string;
  /** The value of a `question` column, when the input has one. */
  question?: string;
  /** The human grouping of this idea, when a --truth column was asked for. */
  truth?: string;
  /** The event the idea was collected at, from an `event` column (or --event). */
  event?: string;
}

/** A row that was read but holds no idea, and why. */
export interface SkippedRow {
  file: string;
  row: number;
  reason: string;
}

/** Something the user should know about how the input was read; stderr, one line each. */
export interface IngestNotice {
  level: 'note' | 'warning';
  file: string;
  line?: number;
  message: string;
}

/** What ingest found: the ideas, the rows it skipped and the columns it used. */
export interface NotesTable {
  ideas: Idea[];
  skipped: SkippedRow[];
  /** Guesses made and rows read in an unusual way, for the user to check. */
  notices?: IngestNotice[];
  columns: {
    text: string;
    by?: string;
    question?: string;
    id?: string;
    /** The column of the human grouping, when --truth asked for one. */
    truth?: string;
    event?: string;
  };
}
