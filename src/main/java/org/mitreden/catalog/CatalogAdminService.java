package org.mitreden.catalog;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mitreden.core.ApiProblem;
import org.mitreden.core.ProblemKind;

/**
 * Lets admins add, relabel and deactivate target groups and topics. Nothing is ever deleted. An editor of the
 * national catalogue (the operator, or the admin of a single-jobcenter installation) works on every entry; a
 * jobcenter's admin adds entries of its own and changes those alone: the national catalogue is read-only for
 * it, and another jobcenter's entries are not there at all (404).
 */
@ApplicationScoped
public class CatalogAdminService {

    @Inject
    CatalogService catalog;

    @Inject
    Event<CatalogChanged> changed;

    /** @param owner the jobcenter whose own entry this is; null for the national catalogue */
    @Transactional
    public CatalogEntry create(CatalogKind kind, CatalogDefinition definition, String language, String owner) {
        String code = definition.code().orElseThrow();
        // Codes are one namespace: a wish's code names one entry wherever it is counted.
        if (CatalogService.row(kind, code).isPresent()) {
            throw ApiProblem.of(ProblemKind.CONFLICT, "problem.catalog-exists.detail");
        }
        List<? extends CatalogRow> siblings = kind == CatalogKind.TARGET_GROUP ? TargetGroup.listInOrder() : Topic.listInOrder();
        CatalogRow row = kind == CatalogKind.TARGET_GROUP ? new TargetGroup() : new Topic();
        row.code = code;
        row.active = definition.active().orElse(true);
        row.position = siblings.stream().mapToInt(sibling -> sibling.position).max().orElse(0) + 10;
        row.jobcenter = owner;
        row.persist();
        writeLabels(kind, code, definition.labels(), definition.descriptions());
        changed.fire(new CatalogChanged());
        return catalog.entry(kind, code, language, owner).orElseThrow();
    }

    /** @param owner the jobcenter whose own entries the caller edits; null for an editor of the national catalogue */
    @Transactional
    public CatalogEntry update(CatalogKind kind, String code, CatalogDefinition definition, String language, String owner) {
        if (definition.code().isPresent() && !definition.code().get().equals(code)) {
            throw ApiProblem.invalid("code", "violation.code-not-path");
        }
        CatalogRow row = CatalogService.row(kind, code)
                .filter(found -> owner == null || found.visibleTo(owner))
                .orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND));
        if (owner != null && row.jobcenter == null) {
            throw ApiProblem.of(ProblemKind.FORBIDDEN, "problem.catalog-national.detail");
        }
        definition.active().ifPresent(active -> row.active = active);
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
        return catalog.entry(kind, code, language, row.jobcenter).orElseThrow();
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
