package org.mitreden.anonymity;

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
 * whose sum leaves room for k in any one of them, else the smallest visible cell of the line is hidden
 * too; this repeats until every line holds (the hypercube heuristic statistical offices use).
 *
 * <p>"Room for k": a reader knows every listed cell holds at least one wish (empty cells are left out),
 * so of m hidden cells with sum H each holds at most H − (m − 1). That must be at least k, or a reader
 * could tell that all of them are small (nine hidden cells in a total of nine each hold exactly one).
 * Where a whole table is hidden and still leaves no such room, its total is hidden as well.
 */
public final class Suppression {

    private Suppression() {
    }

    /** A cell of the table: its coordinates, one per dimension, and its count (always at least 1). */
    public static final class Cell {
        final List<String> key;
        final long count;
        boolean suppressed;

        public Cell(List<String> key, long count) {
            this.key = key;
            this.count = count;
        }

        public List<String> key() {
            return key;
        }

        public long count() {
            return count;
        }

        public boolean suppressed() {
            return suppressed;
        }
    }

    /**
     * Cells by their coordinates, dimension by dimension: the order answers list them in, and which of two
     * equal counts is hidden first. Compares in place (a national table has hundreds of cells to sort); the
     * cells of one table have as many coordinates each.
     */
    public static final Comparator<Cell> BY_KEY = (a, b) -> {
        for (int i = 0; i < a.key.size(); i++) {
            int order = a.key.get(i).compareTo(b.key.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    /** Marks cells as suppressed in place; returns whether the total must be suppressed too. */
    public static boolean apply(List<Cell> cells, int dimensions, int minGroupSize) {
        long total = cells.stream().mapToLong(c -> c.count).sum();
        if (total < minGroupSize) {
            cells.forEach(c -> c.suppressed = true);
            return total > 0;
        }
        cells.forEach(c -> c.suppressed = c.count < minGroupSize);

        List<List<Cell>> lines = new ArrayList<>();
        lines.add(cells);
        // In a table of one dimension this adds the table once more: harmless, and one rule for all tables.
        for (int free = 0; free < dimensions; free++) {
            Map<List<String>, List<Cell>> byOtherCoordinates = new LinkedHashMap<>();
            for (Cell cell : cells) {
                List<String> others = new ArrayList<>(cell.key);
                others.remove(free);
                byOtherCoordinates.computeIfAbsent(others, k -> new ArrayList<>()).add(cell);
            }
            lines.addAll(byOtherCoordinates.values());
        }

        Comparator<Cell> smallestFirst = Comparator.<Cell> comparingLong(c -> c.count).thenComparing(BY_KEY);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Cell> line : lines) {
                if (isSafe(line, minGroupSize)) {
                    continue;
                }
                Cell next = line.stream().filter(c -> !c.suppressed).min(smallestFirst).orElse(null);
                if (next != null) {
                    next.suppressed = true;
                    changed = true;
                }
            }
        }
        // A line whose cells are all hidden cannot be helped by hiding more. For the whole table the total
        // is in this answer, so it is hidden too.
        return !isSafe(cells, minGroupSize);
    }

    /** No hidden cell, or at least two whose sum leaves room for k in each (see the class comment). */
    static boolean isSafe(List<Cell> line, int minGroupSize) {
        int hidden = 0;
        long hiddenSum = 0;
        for (Cell cell : line) {
            if (cell.suppressed) {
                hidden++;
                hiddenSum += cell.count;
            }
        }
        return hidden == 0 || (hidden >= 2 && hiddenSum - (hidden - 1) >= minGroupSize);
    }
}
