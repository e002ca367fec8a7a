// Bounds on what l1vh reads from an API server.

/** One response body above this is refused (a runaway or hostile server). */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
export const MAX_BYTES_TEXT = '64 MiB';
/** Items per page, as kubectl's --chunk-size default. */
export const PAGE_SIZE = 500;
/** Pages per list: 200 × 500 objects is far beyond any cluster l1vh is meant for. */
export const MAX_PAGES = 200;
