package org.mitreden.anonymity;

/** A stretch of a folded text, start inclusive and end exclusive, that a marker replaces. */
record Span(int start, int end) {
}
