package org.mitreden.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * Reads the catalogue, labelled in one language with German filling any gap. A jobcenter sees the national
 * catalogue and its own entries; a reader naming none sees the national catalogue alone.
 */
@ApplicationScoped
public class CatalogService {

    /** @param jobcenter whose own entries to add to the national ones; null for none */
    public List<CatalogEntry> targetGroups(String language, String jobcenter) {
        return entries(CatalogKind.TARGET_GROUP, TargetGroup.listInOrder(), language, jobcenter);
    }

    /** @param jobcenter whose own entries to add to the national ones; null for none */
    public List<CatalogEntry> topics(String language, String jobcenter) {
        return entries(CatalogKind.TOPIC, Topic.listInOrder(), language, jobcenter);
    }

    /**
     * Empty for a code that does not exist or is another jobcenter's, and without asking the database for
     * one that cannot exist.
     *
     * @param jobcenter whose own entries may be found besides the national ones; null for none
     */
    public Optional<CatalogEntry> entry(CatalogKind kind, String code, String language, String jobcenter) {
        return row(kind, code).filter(row -> row.visibleTo(jobcenter)).map(row -> entry(row, labels(kind, language)));
    }

    /** The entry behind a code, whoever it belongs to; empty for a code that cannot exist. */
    static Optional<CatalogRow> row(CatalogKind kind, String code) {
        if (!CatalogDefinition.isWellFormed(code)) {
            return Optional.empty();
        }
        return kind == CatalogKind.TARGET_GROUP ? TargetGroup.findByIdOptional(code) : Topic.findByIdOptional(code);
    }

    private static List<CatalogEntry> entries(CatalogKind kind, List<? extends CatalogRow> rows, String language,
            String jobcenter) {
        Map<String, CatalogLabel> labels = labels(kind, language);
        return rows.stream().filter(row -> row.visibleTo(jobcenter)).map(row -> entry(row, labels)).toList();
    }

    public List<LanguageEntry> languages() {
        return WishLanguage.listActive().stream()
                .map(language -> new LanguageEntry(language.code, language.label, language.direction))
                .toList();
    }

    /** Per code, the label in the wanted language, or the German one when that is missing. */
    private static Map<String, CatalogLabel> labels(CatalogKind kind, String language) {
        Map<String, CatalogLabel> byCode = new HashMap<>();
        for (CatalogLabel label : CatalogLabel.forKind(kind, language)) {
            if (label.lang.equals(language) || !byCode.containsKey(label.code)) {
                byCode.put(label.code, label);
            }
        }
        return byCode;
    }

    private static CatalogEntry entry(CatalogRow row, Map<String, CatalogLabel> labels) {
        CatalogLabel label = labels.get(row.code);
        if (label == null) {
            return new CatalogEntry(row.code, row.code, null, row.active, row.jobcenter, null);
        }
        return new CatalogEntry(row.code, label.label, label.description, row.active, row.jobcenter, label.lang);
    }

}
