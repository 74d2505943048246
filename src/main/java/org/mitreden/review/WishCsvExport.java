package org.mitreden.review;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.ws.rs.core.StreamingOutput;

import org.mitreden.audit.AuditedRows;

/**
 * The wish list as CSV, written row by row as the database hands the rows over. It knows its row count
 * beforehand (from the counts, or a count of the search), so that the audit log records how many wishes
 * an export held although the rows are written only after the answer has begun.
 */
record WishCsvExport(long rows, StreamingOutput body) implements StreamingOutput, AuditedRows {

    @Override
    public void write(OutputStream output) throws IOException {
        body.write(output);
    }

    @Override
    public long auditedRows() {
        return rows;
    }
}
