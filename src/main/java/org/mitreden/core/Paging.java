package org.mitreden.core;

import java.util.List;

/** A page of a list as the contract pages them: {@code page} from 0, {@code size} from 1 to 200 (default 50). */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;

    /** The highest page number, so that page × size stays within an int. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    /** The paging asked for, or a violation per malformed value (the result is then not to be used). */
    public static Paging parse(String page, String size, List<Violation> violations) {
        return new Paging(integer(page, 0, MAX_PAGE, "page", "violation.page", violations),
                integer(size, 1, MAX_SIZE, "size", "violation.size", violations));
    }

    private static int integer(String value, int min, int max, String field, String message, List<Violation> violations) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation(field, message));
        return min;
    }
}
