package org.mitreden.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/**
 * Writes {@link CsvTable} answers as RFC 4180 CSV: UTF-8 without a byte order mark (the contract's
 * first line is the header row, and a mark would make the first column name unreadable to CSV
 * parsers; Excel users import with "Data > From Text/CSV", which detects UTF-8), CRLF line ends, and
 * every field that could start a formula neutralised by a leading apostrophe, so that wish text like
 * {@code =HYPERLINK(...)} stays text when a spreadsheet opens it (CSV injection).
 */
@Provider
@Produces(CsvWriter.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<CsvTable> {

    public static final String TEXT_CSV = "text/csv";

    /** The Content-Type of every CSV answer. */
    public static final String CONTENT_TYPE = TEXT_CSV + "; charset=UTF-8; header=present";

    /** The Content-Disposition that offers a CSV answer as a file. */
    public static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + ".csv\"";
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(type) && mediaType.isCompatible(MediaType.valueOf(TEXT_CSV));
    }

    @Override
    public void writeTo(CsvTable table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream entityStream) throws IOException {
        headers.putSingle("Content-Type", CONTENT_TYPE);
        headers.putSingle("Content-Disposition", attachment(table.csvFileName()));
        Writer out = new OutputStreamWriter(entityStream, StandardCharsets.UTF_8);
        writeRow(out, table.csvHeader());
        for (List<String> row : table.csvRows()) {
            writeRow(out, row);
        }
        out.flush();
    }

    /** One RFC 4180 row, CRLF-terminated; null cells are empty. */
    public static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One field, neutralised against formulas and quoted when RFC 4180 needs it. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsLikeFormula(value) ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf(';') >= 0 || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '＝' || first == '＋' || first == '－' || first == '＠';
    }
}
