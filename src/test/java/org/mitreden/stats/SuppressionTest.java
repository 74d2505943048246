package org.mitreden.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The suppression rules, checked on many random tables rather than a few hand-picked ones. */
class SuppressionTest {

    private static final int K = 5;

    @Test
    void oneDimensionalTableHidesAPartnerForASingleSmallCell() {
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(37, "A"), cell(3, "B"), cell(20, "C"), cell(25, "D")));
        boolean totalSuppressed = Suppression.apply(cells, 1, K);
        assertThat(totalSuppressed).isFalse();
        assertThat(cells).filteredOn(c -> c.suppressed).extracting(c -> c.key.get(0)).containsExactlyInAnyOrder("B", "C");
    }

    @Test
    void hiddenCellsThatMustAllBeOnesHideTheTotal() {
        // Nine cells of one wish each: a total of nine would tell that every hidden cell holds exactly one.
        List<Suppression.Cell> cells = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            cells.add(cell(1, "t" + i, "l" + i));
        }
        assertThat(Suppression.apply(cells, 2, K)).isTrue();
        assertThat(cells).allMatch(c -> c.suppressed);
    }

    @Test
    void aPartnerIsHiddenUntilTheHiddenCellsLeaveRoomForK() {
        // 1 + 1 + 1 + 2 hidden sum to 5 with four cells: each holds at most 2, so all are known small.
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(1, "A"), cell(1, "B"), cell(1, "C"), cell(2, "D"),
                cell(7, "E"), cell(9, "F")));
        assertThat(Suppression.apply(cells, 1, K)).isFalse();
        assertThat(cells).filteredOn(c -> c.suppressed).extracting(c -> c.key.get(0))
                .containsExactlyInAnyOrder("A", "B", "C", "D", "E");
    }

    @Test
    void tableWithoutSmallCellsHidesNothing() {
        List<Suppression.Cell> cells = new ArrayList<>(List.of(cell(5, "A"), cell(6, "B")));
        Suppression.apply(cells, 1, K);
        assertThat(cells).noneMatch(c -> c.suppressed);
    }

    @RepeatedTest(200)
    void everyLineIsSafeInRandomTables() {
        Random random = new Random();
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
        long total = cells.stream().mapToLong(c -> c.count).sum();
        boolean totalSuppressed = Suppression.apply(cells, dimensions, K);

        long allHiddenCount = cells.stream().filter(c -> c.suppressed).count();
        long allHiddenSum = cells.stream().filter(c -> c.suppressed).mapToLong(c -> c.count).sum();
        // Every listed cell holds at least one wish, so the total must leave room for k in each hidden cell.
        boolean totalLeavesRoom = allHiddenCount == 0 || (allHiddenCount >= 2 && allHiddenSum - (allHiddenCount - 1) >= K);
        assertThat(totalSuppressed).isEqualTo(total < K || !totalLeavesRoom);
        for (Suppression.Cell cell : cells) {
            if (!cell.suppressed) {
                assertThat(cell.count).as("visible count").isGreaterThanOrEqualTo(K);
            }
        }
        for (List<Suppression.Cell> line : lines(cells, dimensions)) {
            long hidden = line.stream().filter(c -> c.suppressed).count();
            long hiddenSum = line.stream().filter(c -> c.suppressed).mapToLong(c -> c.count).sum();
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
                List<String> others = new ArrayList<>(cell.key);
                others.remove(free);
                groups.computeIfAbsent(others, k -> new ArrayList<>()).add(cell);
            }
            lines.addAll(groups.values());
        }
        return lines;
    }

    private static List<List<String>> keys(List<Suppression.Cell> line) {
        return line.stream().map(c -> c.key).toList();
    }

    private static Suppression.Cell cell(long count, String... key) {
        return new Suppression.Cell(List.of(key), count);
    }
}
