package org.mitreden.review;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitreden.core.CsvTable;

/** One page of the wish list. */
@Schema(name = "WishPage")
public record WishPage(
        @Schema(maxItems = 200) List<WishView> items,
        @Schema(minimum = "0", maximum = "10737418") int page,
        @Schema(minimum = "1", maximum = "200") int size,
        @Schema(minimum = "0", maximum = "9223372036854775807") long totalItems,
        @Schema(minimum = "0", maximum = "2147483647") int totalPages,
        @Schema(description = "false when a text search (q) matched more wishes than were counted (1000 by default): totalItems and totalPages are then a lower bound; narrow the search to see all of them") boolean totalItemsExact)
        implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("id", "targetGroup", "topic", "language", "text", "status", "submittedOn", "response",
                "respondedOn", "version");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>(items.size());
        for (WishView wish : items) {
            List<String> row = new ArrayList<>(10);
            row.add(wish.id().toString());
            row.add(wish.targetGroup());
            row.add(wish.topic());
            row.add(wish.language());
            row.add(wish.text());
            row.add(wish.status().name());
            row.add(wish.submittedOn().toString());
            row.add(wish.response());
            row.add(wish.respondedOn() == null ? null : wish.respondedOn().toString());
            row.add(Integer.toString(wish.version()));
            rows.add(row);
        }
        return rows;
    }

    @Override
    public String csvFileName() {
        return "mitreden-wishes";
    }
}
