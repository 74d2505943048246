package org.mitreden.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression for count tables, so no count from 1 to k−1 is shown or can be worked out.
 *
 * <p>Primary suppression hides every cell below k. Secondary suppression then looks at every line of
 * the table whose sum a reader can learn, from this answer's total or from another query with other
 * filters or fewer dimensions: the whole table, and for each dimension every set of cells that differ
 * only in it (rows, columns, periods). In each line the hidden cells must be none, or at least two
 * that together hold at least k, else the smallest visible cell of the line is hidden too; this
 * repeats until every line holds (the hypercube heuristic statistical offices use). A cell's exact
 * count can then never be derived as "line total minus visible cells".
 */
final class Suppression {

    private Suppression() {
    }

    /** A cell of the table: its coordinates, one per dimension, and its count (always at least 1). */
    static final class Cell {
        final List<String> key;
        final long count;
        boolean suppressed;

        Cell(List<String> key, long count) {
            this.key = key;
            this.count = count;
        }
    }

    /** Marks cells as suppressed in place; returns whether the total must be suppressed too. */
    static boolean apply(List<Cell> cells, int dimensions, int minGroupSize) {
        long total = cells.stream().mapToLong(c -> c.count).sum();
        if (total < minGroupSize) {
            cells.forEach(c -> c.suppressed = true);
            return total > 0;
        }
        cells.forEach(c -> c.suppressed = c.count < minGroupSize);

        List<List<Cell>> lines = new ArrayList<>();
        lines.add(cells);
        if (dimensions > 1) {
            for (int free = 0; free < dimensions; free++) {
                Map<List<String>, List<Cell>> byOtherCoordinates = new LinkedHashMap<>();
                for (Cell cell : cells) {
                    List<String> others = new ArrayList<>(cell.key);
                    others.remove(free);
                    byOtherCoordinates.computeIfAbsent(others, k -> new ArrayList<>()).add(cell);
                }
                lines.addAll(byOtherCoordinates.values());
            }
        }

        Comparator<Cell> smallestFirst = Comparator.<Cell> comparingLong(c -> c.count)
                .thenComparing(c -> String.join("\u0000", c.key));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Cell> line : lines) {
                int hidden = 0;
                long hiddenSum = 0;
                for (Cell cell : line) {
                    if (cell.suppressed) {
                        hidden++;
                        hiddenSum += cell.count;
                    }
                }
                if (hidden == 0 || (hidden >= 2 && hiddenSum >= minGroupSize)) {
                    continue;
                }
                Cell next = line.stream().filter(c -> !c.suppressed).min(smallestFirst).orElse(null);
                if (next != null) {
                    next.suppressed = true;
                    changed = true;
                }
            }
        }
        return false;
    }
}
