export type FileErrorCode =
  | 'too_large'
  | 'too_many_rows'
  | 'zip_bomb'
  | 'not_xlsx'
  | 'not_csv'
  | 'unsupported_type'
  | 'empty'
  | 'no_header';

/**
 * A file the user uploaded cannot be read as a table. The message is a complete English sentence naming the file,
 * fit to show as is; `code` and `params` let a caller translate it instead.
 */
export class FileFormatError extends Error {
  override readonly name = 'FileFormatError';

  constructor(
    readonly code: FileErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

const KB = 1024;
const MB = 1024 * 1024;

/** Human size for messages: "512 bytes", "3.5 KB", "31.2 MB", "20 MB". */
export function formatSize(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  const [value, unit] = bytes < MB ? [bytes / KB, 'KB'] : [bytes / MB, 'MB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}
