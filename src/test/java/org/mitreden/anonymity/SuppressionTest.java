package org.mitreden.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The suppression rules, checked on many random tables rather than a few hand-picked ones. */
class SuppressionTest {

    private static final int K = 5;

    @Test
    void oneDimensionalTableHidesAPartnerForASingleSmallCell() {
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(37, "A"), cell(3, "B"), cell(20, "C"), cell(25, "D")));
        boolean totalSuppressed = Suppression.apply(cells, 1, K);
        assertThat(totalSuppressed).isFalse();
        assertThat(cells).filteredOn(c -> c.suppressed()).extracting(c -> c.key().get(0)).containsExactlyInAnyOrder("B", "C");
    }

    @Test
    void cellsAreOrderedByTheirCoordinatesDimensionByDimension() {
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(9, "b", "a"), cell(8, "a", "z"), cell(7, "a", "b"),
                cell(6, "", "c")));
        cells.sort(Suppression.BY_KEY);
        assertThat(cells).extracting(c -> String.join("/", c.key())).containsExactly("/c", "a/b", "a/z", "b/a");
    }

    @Test
    void ofEqualCountsTheFirstByCoordinatesIsHiddenAsPartner() {
        // B (3) must be hidden; its partner is the smallest visible cell, and of the two 20s the first by key.
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(20, "D"), cell(3, "B"), cell(20, "C"), cell(25, "A")));
        Suppression.apply(cells, 1, K);
        assertThat(cells).filteredOn(c -> c.suppressed()).extracting(c -> c.key().get(0)).containsExactlyInAnyOrder("B", "C");
    }

    @Test
    void hiddenCellsThatMustAllBeOnesHideTheTotal() {
        // Nine cells of one wish each: a total of nine would tell that every hidden cell holds exactly one.
        List<Suppression.Cell> cells = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            cells.add(cell(1, "t" + i, "l" + i));
        }
        assertThat(Suppression.apply(cells, 2, K)).isTrue();
        assertThat(cells).allMatch(c -> c.suppressed());
    }

    @Test
    void aPartnerIsHiddenUntilTheHiddenCellsLeaveRoomForK() {
        // 1 + 1 + 1 + 2 hidden sum to 5 with four cells: each holds at most 2, so all are known small.
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(1, "A"), cell(1, "B"), cell(1, "C"), cell(2, "D"),
                cell(7, "E"), cell(9, "F")));
        assertThat(Suppression.apply(cells, 1, K)).isFalse();
        assertThat(cells).filteredOn(c -> c.suppressed()).extracting(c -> c.key().get(0))
                .containsExactlyInAnyOrder("A", "B", "C", "D", "E");
    }

    @Test
    void tableWithoutSmallCellsHidesNothing() {
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(5, "A"), cell(6, "B")));
        Suppression.apply(cells, 1, K);
        assertThat(cells).noneMatch(c -> c.suppressed());
    }

    @Test
    void anEmptyTableHidesNothing() {
        List<Suppression.Cell> cells = new ArrayList<>();
        assertThat(Suppression.apply(cells, 2, K)).as("total of an empty table").isFalse();
    }

    @Test
    void aTotalOfExactlyKIsShown() {
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(K, "A")));
        assertThat(Suppression.apply(cells, 1, K)).isFalse();
        assertThat(cells.get(0).suppressed()).isFalse();
        assertThat(cells.get(0).count()).isEqualTo(K);
    }

    @Test
    void aTotalBelowKHidesEveryCellAndTheTotal() {
        // Cells of 1 and 3 in a total of 4: even the 3 alone would tell that the other holds 1.
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(1, "A"), cell(3, "B")));
        assertThat(Suppression.apply(cells, 1, K)).isTrue();
        assertThat(cells).allMatch(Suppression.Cell::suppressed);
    }

    @Test
    void aCellOfExactlyKIsShown() {
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(K, "A"), cell(K, "B"), cell(K + 1, "C")));
        assertThat(Suppression.apply(cells, 1, K)).isFalse();
        assertThat(cells).noneMatch(Suppression.Cell::suppressed);
    }

    @Test
    void equalPartnersAreChosenByTheirKeyNotByTheirPlaceInTheList() {
        // The partner hidden with A is the smallest visible cell; between equal counts the first key, so two
        // answers with the same cells in another order hide the same cells.
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(1, "A"), cell(9, "C"), cell(9, "B"), cell(30, "D")));
        Suppression.apply(cells, 1, K);
        assertThat(cells).filteredOn(Suppression.Cell::suppressed).extracting(c -> c.key().get(0))
                .containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void twoHiddenCellsAreSafeExactlyWhenTheyLeaveRoomForK() {
        // Hidden 3 and 3: each may hold up to 6 - 1 = 5 = k. Hidden 3 and 2: each holds at most 4.
        assertThat(Suppression.isSafe(hidden(3, 3), K)).isTrue();
        assertThat(Suppression.isSafe(hidden(3, 2), K)).isFalse();
        assertThat(Suppression.isSafe(hidden(40), K)).as("one hidden cell is known from the rest").isFalse();
        assertThat(Suppression.isSafe(List.of(cell(1, "A")), K)).as("nothing hidden").isTrue();
    }

    @Test
    void rowsAndColumnsOfATwoDimensionalTableAreProtected() {
        // Row r1 holds one small cell; the whole table is large, so only the row can protect it.
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(2, "r1", "c1"), cell(50, "r1", "c2"),
                cell(60, "r2", "c1"), cell(70, "r2", "c2")));
        Suppression.apply(cells, 2, K);
        assertThat(cells).filteredOn(Suppression.Cell::suppressed).extracting(Suppression.Cell::key).containsExactlyInAnyOrder(
                List.of("r1", "c1"), List.of("r1", "c2"), List.of("r2", "c1"), List.of("r2", "c2"));
    }

    @RepeatedTest(200)
    void everyLineIsSafeInRandomTables(RepetitionInfo repetition) {
        // Seeded per repetition, so a failure names a table that can be rebuilt.
        Random random = new Random(repetition.getCurrentRepetition());
        int dimensions = 1 + random.nextInt(3);
        List<Suppression.Cell> cells = new ArrayList<>();
        Map<List<String>, Boolean> seen = new HashMap<>();
        int wanted = 1 + random.nextInt(30);
        for (int i = 0; i < wanted; i++) {
            List<String> key = new ArrayList<>();
            for (int d = 0; d < dimensions; d++) {
                key.add("v" + random.nextInt(4));
            }
            if (seen.putIfAbsent(key, true) == null) {
                // Many small counts, some large, as real data from a small jobcenter looks.
                long count = random.nextInt(3) == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(6);
                cells.add(new Suppression.Cell(key, count));
            }
        }
        long total = cells.stream().mapToLong(c -> c.count()).sum();
        boolean totalSuppressed = Suppression.apply(cells, dimensions, K);

        long allHiddenCount = cells.stream().filter(c -> c.suppressed()).count();
        long allHiddenSum = cells.stream().filter(c -> c.suppressed()).mapToLong(c -> c.count()).sum();
        // Every listed cell holds at least one wish, so the total must leave room for k in each hidden cell.
        boolean totalLeavesRoom = allHiddenCount == 0 || (allHiddenCount >= 2 && allHiddenSum - (allHiddenCount - 1) >= K);
        assertThat(totalSuppressed).isEqualTo(total < K || !totalLeavesRoom);
        for (Suppression.Cell cell : cells) {
            if (!cell.suppressed()) {
                assertThat(cell.count()).as("visible count").isGreaterThanOrEqualTo(K);
            }
        }
        for (List<Suppression.Cell> line : lines(cells, dimensions)) {
            long hidden = line.stream().filter(c -> c.suppressed()).count();
            long hiddenSum = line.stream().filter(c -> c.suppressed()).mapToLong(c -> c.count()).sum();
            boolean allHidden = hidden == line.size();
            // Each hidden cell may hold up to hiddenSum - (hidden - 1): that must reach k, or all are known small.
            assertThat(hidden == 0 || allHidden || (hidden >= 2 && hiddenSum - (hidden - 1) >= K))
                    .as("line %s: %d hidden with sum %d", keys(line), hidden, hiddenSum).isTrue();
        }
    }

    private static List<List<Suppression.Cell>> lines(List<Suppression.Cell> cells, int dimensions) {
        List<List<Suppression.Cell>> lines = new ArrayList<>();
        lines.add(cells);
        for (int free = 0; free < dimensions && dimensions > 1; free++) {
            Map<List<String>, List<Suppression.Cell>> groups = new HashMap<>();
            for (Suppression.Cell cell : cells) {
                List<String> others = new ArrayList<>(cell.key());
                others.remove(free);
                groups.computeIfAbsent(others, k -> new ArrayList<>()).add(cell);
            }
            lines.addAll(groups.values());
        }
        return lines;
    }

    private static List<List<String>> keys(List<Suppression.Cell> line) {
        return line.stream().map(c -> c.key()).toList();
    }

    private static List<Suppression.Cell> hidden(long... counts) {
        List<Suppression.Cell> cells = new ArrayList<>();
        for (long count : counts) {
            Suppression.Cell cell = cell(count, "h" + cells.size());
            cell.suppressed = true;
            cells.add(cell);
        }
        return cells;
    }

    private static Suppression.Cell cell(long count, String... key) {
        return new Suppression.Cell(List.of(key), count);
    }
}
