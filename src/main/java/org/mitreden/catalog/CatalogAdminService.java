package org.mitreden.catalog;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mitreden.core.ApiProblem;
import org.mitreden.core.ProblemKind;

/** Lets admins add, relabel and deactivate target groups and topics. Nothing is ever deleted. */
@ApplicationScoped
public class CatalogAdminService {

    @Inject
    CatalogService catalog;

    @Inject
    Event<CatalogChanged> changed;

    @Transactional
    public CatalogEntry create(CatalogKind kind, CatalogDefinition definition, String language) {
        String code = definition.code().orElseThrow();
        if (exists(kind, code)) {
            throw ApiProblem.of(ProblemKind.CONFLICT, "problem.catalog-exists.detail");
        }
        boolean active = definition.active().orElse(true);
        if (kind == CatalogKind.TARGET_GROUP) {
            TargetGroup group = new TargetGroup();
            group.code = code;
            group.active = active;
            group.position = TargetGroup.listInOrder().stream().mapToInt(g -> g.position).max().orElse(0) + 10;
            group.persist();
        } else {
            Topic topic = new Topic();
            topic.code = code;
            topic.active = active;
            topic.position = Topic.listInOrder().stream().mapToInt(t -> t.position).max().orElse(0) + 10;
            topic.persist();
        }
        writeLabels(kind, code, definition.labels(), definition.descriptions());
        changed.fire(new CatalogChanged());
        return catalog.entry(kind, code, language).orElseThrow();
    }

    @Transactional
    public CatalogEntry update(CatalogKind kind, String code, CatalogDefinition definition, String language) {
        if (definition.code().isPresent() && !definition.code().get().equals(code)) {
            throw ApiProblem.invalid("code", "violation.code-not-path");
        }
        if (!exists(kind, code)) {
            throw ApiProblem.of(ProblemKind.NOT_FOUND);
        }
        Optional<Boolean> active = definition.active();
        if (active.isPresent()) {
            if (kind == CatalogKind.TARGET_GROUP) {
                TargetGroup.<TargetGroup> findById(code).active = active.get();
            } else {
                Topic.<Topic> findById(code).active = active.get();
            }
        }
        if (definition.labelsGiven()) {
            CatalogLabel.deleteForEntry(kind, code);
            CatalogLabel.flush();
            writeLabels(kind, code, definition.labels(), definition.descriptions());
        } else if (!definition.descriptions().isEmpty()) {
            for (CatalogLabel label : CatalogLabel.forEntry(kind, code)) {
                if (definition.descriptions().containsKey(label.lang)) {
                    label.description = definition.descriptions().get(label.lang);
                }
            }
        }
        changed.fire(new CatalogChanged());
        return catalog.entry(kind, code, language).orElseThrow();
    }

    private static boolean exists(CatalogKind kind, String code) {
        if (!CatalogDefinition.isWellFormed(code)) {
            return false;
        }
        return kind == CatalogKind.TARGET_GROUP ? TargetGroup.findById(code) != null : Topic.findById(code) != null;
    }

    private static void writeLabels(CatalogKind kind, String code, Map<String, String> labels,
            Map<String, String> descriptions) {
        labels.forEach((lang, text) -> {
            CatalogLabel label = new CatalogLabel();
            label.kind = kind;
            label.code = code;
            label.lang = lang;
            label.label = text;
            label.description = descriptions.get(lang);
            label.persist();
        });
    }
}
