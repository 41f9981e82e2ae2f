// Typed errors with stable codes: the CLI maps them to exit statuses, the web layer to HTTP statuses.

/** One problem found in a data file, located by file and JSON path. */
export interface ValidationIssue {
  /** The file as the user named it, or "<input>" for data that did not come from a file. */
  file: string;
  /** JSON path such as "$.edges[3].transitDays.min". */
  jsonPath: string;
  /** Stable code such as "invalid_type", "unknown_node", "range_order". */
  code: string;
  /** What is wrong, quoting the bad value. */
  message: string;
  /** "warning" for a problem that does not make the file invalid (printed, exit 0); absent for an error. */
  severity?: 'warning';
}

/** Base class: every error the core throws on purpose has a stable `code`. */
export class CorridorsError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Formats one issue the way every surface prints it: `file $.path: message`. */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.file} ${issue.jsonPath}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

/** A network, emission-factor or scenario file failed validation; `issues` lists every problem. Code INVALID_DATA. */
export class DataValidationError extends CorridorsError {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[], code = 'INVALID_DATA') {
    const first = issues[0];
    const head = first ? formatIssue(first) : 'invalid data';
    super(code, issues.length > 1 ? `${head} (and ${issues.length - 1} more problems)` : head);
    this.issues = issues;
  }
}

/** A file could not be read or is not JSON. Code FILE_ERROR. */
export class FileError extends CorridorsError {
  readonly file: string;
  constructor(file: string, message: string) {
    super('FILE_ERROR', `${file}: ${message}`);
    this.file = file;
  }
}

/** A node, edge, line, corridor or scenario id that the network does not have. Code UNKNOWN_ID. */
export class UnknownIdError extends CorridorsError {
  readonly kind: string;
  readonly id: string;
  /** The closest ids, best first. */
  readonly suggestions: { id: string; name: string }[];
  /** Which input named it, e.g. "--from" or "from". */
  readonly field: string | undefined;
  constructor(kind: string, id: string, suggestions: { id: string; name: string }[], field?: string) {
    const hint = suggestions.length
      ? `; did you mean ${suggestions.map((s) => (s.name && s.name !== s.id ? `${s.id} (${s.name})` : s.id)).join(', ')}?`
      : '';
    super('UNKNOWN_ID', `unknown ${kind} "${id}"${hint}`);
    this.kind = kind;
    this.id = id;
    this.suggestions = suggestions;
    this.field = field;
  }
}

/** A query parameter is out of range or of the wrong kind. Code BAD_QUERY. */
export class QueryError extends CorridorsError {
  /** The parameter, e.g. "objective" or "cargoMtpa". */
  readonly field: string;
  constructor(field: string, message: string) {
    super('BAD_QUERY', message);
    this.field = field;
  }
}
