package org.mitreden.stats;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.core.CsvTable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Counts per cell with small cells suppressed. A cell's members are the dimensions asked for
 * ({@link StatsCell}); {@link StatsCellDoc} documents their shape.
 */
@Schema(name = "Statistics")
public record StatsAnswer(
        @Schema(description = "Counts below this are never shown", minimum = "2", maximum = "2147483647") int minGroupSize,
        StatsTotal total,
        @Schema(implementation = StatsCellDoc[].class, maxItems = 1000000) List<StatsCell> cells,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "Only when grouping by a period finer than some wishes' shown period: those wishes, which are in the total but in no cell")
        StatsTotal unplaced,
        @JsonIgnore List<Dimension> groupBy) implements CsvTable {

    @Schema(name = "StatisticsTotal")
    public record StatsTotal(@Schema(nullable = true, minimum = "0", maximum = "9223372036854775807") Long count, boolean suppressed) {
    }

    /** Documentation of a cell: only the dimensions asked for appear, plus count and suppressed. */
    @Schema(name = "StatisticsCell", description = "One cell; only the grouped-by dimensions appear")
    public record StatsCellDoc(
            @Schema(examples = "PARENTS", maxLength = 40) String targetGroup,
            @Schema(examples = "PRAISE", maxLength = 40) String topic,
            @Schema(examples = "uk", nullable = true, description = "null for wishes without a language", maxLength = 2) String language,
            @Schema(examples = "NEW", enumeration = { "NEW", "IN_REVIEW", "PLANNED", "IMPLEMENTED", "DECLINED", "HIDDEN" }) String status,
            @Schema(examples = "2026-11", description = "2026-W48, 2026-11, 2026-Q4 or 2026", maxLength = 8) String period,
            @Schema(nullable = true, description = "null when suppressed", minimum = "0", maximum = "9223372036854775807") Long count,
            boolean suppressed) {
    }

    @Override
    public List<String> csvHeader() {
        List<String> header = new ArrayList<>();
        groupBy.forEach(d -> header.add(d.parameter()));
        header.add("count");
        header.add("suppressed");
        return header;
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        for (StatsCell cell : cells) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < groupBy.size(); i++) {
                row.add(cell.value(i));
            }
            row.add(cell.count() == null ? null : cell.count().toString());
            row.add(Boolean.toString(cell.suppressed()));
            rows.add(row);
        }
        if (unplaced != null) {
            rows.add(summaryRow("UNPLACED", unplaced));
        }
        rows.add(summaryRow("TOTAL", total));
        return rows;
    }

    private List<String> summaryRow(String name, StatsTotal sum) {
        List<String> row = new ArrayList<>();
        row.add(name);
        for (int i = 1; i < groupBy.size(); i++) {
            row.add(null);
        }
        row.add(sum.count() == null ? null : sum.count().toString());
        row.add(Boolean.toString(sum.suppressed()));
        return row;
    }

    @Override
    public String csvFileName() {
        return "mitreden-statistics";
    }
}
