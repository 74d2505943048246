package org.mitreden.review;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the wish list. (As CSV, the list is every matching wish, streamed: see ReviewResource.) */
@Schema(name = "WishPage")
public record WishPage(
        @Schema(maxItems = 200) List<WishView> items,
        @Schema(minimum = "0", maximum = "10737418") int page,
        @Schema(minimum = "1", maximum = "200") int size,
        @Schema(minimum = "0", maximum = "9223372036854775807") long totalItems,
        @Schema(minimum = "0", maximum = "2147483647") int totalPages,
        @Schema(description = "false when a text search (q) matched more wishes than were counted (1000 by default): totalItems and totalPages are then a lower bound; narrow the search to see all of them") boolean totalItemsExact) {
}
