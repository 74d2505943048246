package org.mitreden.stats;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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

        // Member names encoded once: written as given, they were encoded and escaped again for every cell.
        private static final Map<Dimension, SerializableString> DIMENSIONS = new EnumMap<>(Dimension.class);
        private static final SerializableString COUNT = new SerializedString("count");
        private static final SerializableString SUPPRESSED = new SerializedString("suppressed");

        static {
            for (Dimension dimension : Dimension.values()) {
                DIMENSIONS.put(dimension, new SerializedString(dimension.parameter()));
            }
        }

        Writer() {
            super(StatsCell.class);
        }

        @Override
        public void serialize(StatsCell cell, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < cell.groupBy.size(); i++) {
                json.writeFieldName(DIMENSIONS.get(cell.groupBy.get(i)));
                json.writeString(cell.value(i));
            }
            json.writeFieldName(COUNT);
            if (cell.count == null) {
                json.writeNull();
            } else {
                json.writeNumber(cell.count);
            }
            json.writeFieldName(SUPPRESSED);
            json.writeBoolean(cell.suppressed);
            json.writeEndObject();
        }
    }
}
