package org.mitreden.stats;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * One cell of a statistics answer: a member for each dimension grouped by, in the order asked, then count
 * and suppressed (documented as {@link StatsAnswer.StatsCellDoc}). Written member by member: a national
 * answer has hundreds of cells, and as maps they took a tenth of such a request's time to write.
 *
 * @param count null when suppressed
 */
@JsonSerialize(using = StatsCell.Writer.class)
public record StatsCell(List<Dimension> groupBy, List<String> key, Long count, boolean suppressed) {

    /** The cell's value in the {@code index}th dimension; a wish without a language has null there. */
    String value(int index) {
        String value = key.get(index);
        return groupBy.get(index) == Dimension.LANGUAGE && value.isEmpty() ? null : value;
    }

    static final class Writer extends StdSerializer<StatsCell> {

        Writer() {
            super(StatsCell.class);
        }

        @Override
        public void serialize(StatsCell cell, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < cell.groupBy.size(); i++) {
                json.writeStringField(cell.groupBy.get(i).parameter(), cell.value(i));
            }
            if (cell.count == null) {
                json.writeNullField("count");
            } else {
                json.writeNumberField("count", cell.count);
            }
            json.writeBooleanField("suppressed", cell.suppressed);
            json.writeEndObject();
        }
    }
}
