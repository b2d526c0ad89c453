package simdae.engine.io;

import simdae.engine.data.Dataset;

/**
 * A whole CSV file read into memory, with what the pass found.
 *
 * @param dataset the rows, labels and class names
 * @param stats   rows accepted and skipped, column names
 */
public record CsvResult(Dataset dataset, CsvStats stats) {}
