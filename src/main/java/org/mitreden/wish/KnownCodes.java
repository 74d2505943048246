package org.mitreden.wish;

import java.util.Set;

/**
 * Every code a filter may name: the catalogue's target groups, topics and languages, active or not, since
 * wishes keep the codes they were submitted with.
 */
public record KnownCodes(Set<String> targetGroups, Set<String> topics, Set<String> languages) {
}
