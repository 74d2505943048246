package org.mitreden.core;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Chooses between JSON and CSV for endpoints that answer a table. Done by hand because the generic
 * negotiation picks no writer for {@code Accept: application/*}; here JSON wins every tie, and CSV is
 * chosen only when the client prefers it.
 */
public enum TableFormat {
    JSON(MediaType.APPLICATION_JSON_TYPE),
    CSV(MediaType.valueOf(CsvWriter.TEXT_CSV));

    private final MediaType mediaType;

    TableFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** @param acceptable the Accept header's types, most preferred first (as JAX-RS sorts them) */
    public static TableFormat negotiate(List<MediaType> acceptable) {
        if (acceptable == null || acceptable.isEmpty()) {
            return JSON;
        }
        for (MediaType type : acceptable) {
            if (JSON.mediaType.isCompatible(type)) {
                return JSON;
            }
            if (CSV.mediaType.isCompatible(type)) {
                return CSV;
            }
        }
        throw ApiProblem.of(ProblemKind.NOT_ACCEPTABLE);
    }

    public static Response answer(Object table, HttpHeaders headers) {
        TableFormat format = negotiate(headers.getAcceptableMediaTypes());
        return Response.ok(table, format.mediaType).build();
    }
}
