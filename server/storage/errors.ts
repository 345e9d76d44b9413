/** A stored file that cannot be read or does not pass validation. Names the file. */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'CorruptFileError';
  }
}

/** A write that did not reach the disk; the change it carried was rolled back. */
export class StorageWriteError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`Could not write ${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StorageWriteError';
  }
}
