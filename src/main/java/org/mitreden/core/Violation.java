package org.mitreden.core;

/** One problem with one field of a request. */
public record Violation(String field, String message) {
}
