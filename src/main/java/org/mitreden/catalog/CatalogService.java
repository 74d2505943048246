package org.mitreden.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;


/** Reads the catalogue, labelled in one language with German filling any gap. */
@ApplicationScoped
public class CatalogService {

    public List<CatalogEntry> targetGroups(String language) {
        Map<String, CatalogLabel> labels = labels(CatalogKind.TARGET_GROUP, language);
        return TargetGroup.listInOrder().stream()
                .map(group -> entry(group.code, group.active, labels))
                .toList();
    }

    public List<CatalogEntry> topics(String language) {
        Map<String, CatalogLabel> labels = labels(CatalogKind.TOPIC, language);
        return Topic.listInOrder().stream()
                .map(topic -> entry(topic.code, topic.active, labels))
                .toList();
    }

    /** Empty for a code that does not exist, and without asking the database for one that cannot. */
    public Optional<CatalogEntry> entry(CatalogKind kind, String code, String language) {
        if (!CatalogDefinition.isWellFormed(code)) {
            return Optional.empty();
        }
        Map<String, CatalogLabel> labels = labels(kind, language);
        if (kind == CatalogKind.TARGET_GROUP) {
            return TargetGroup.<TargetGroup> findByIdOptional(code).map(group -> entry(group.code, group.active, labels));
        }
        return Topic.<Topic> findByIdOptional(code).map(topic -> entry(topic.code, topic.active, labels));
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

    private static CatalogEntry entry(String code, boolean active, Map<String, CatalogLabel> labels) {
        CatalogLabel label = labels.get(code);
        if (label == null) {
            return new CatalogEntry(code, code, null, active, null);
        }
        return new CatalogEntry(code, label.label, label.description, active, label.lang);
    }

}
