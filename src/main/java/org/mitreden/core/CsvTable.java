package org.mitreden.core;

import java.util.List;

/** An answer that can also be written as CSV: a header row and rows of cells. */
public interface CsvTable {

    List<String> csvHeader();

    /** Cells as text; null for an empty cell. */
    List<List<String>> csvRows();

    /** File name offered to the browser, without extension. */
    String csvFileName();
}
