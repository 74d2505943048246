package org.mitreden.wish;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.mitreden.core.Violation;

/** The filter query parameters the wish list and statistics share, declared once. */
public class WishFilterParams {

    /** More values than this in one filter is not a person's question. */
    public static final int MAX_VALUES = 20;

    @QueryParam("targetGroup")
    @Parameter(description = "Only these target groups (repeatable)",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_VALUES, implementation = CodeText.class))
    public List<String> targetGroup;

    @QueryParam("topic")
    @Parameter(description = "Only these topics (repeatable)",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_VALUES, implementation = CodeText.class))
    public List<String> topic;

    @QueryParam("language")
    @Parameter(description = "Only these languages (repeatable); none for wishes without a language",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_VALUES, implementation = LanguageText.class))
    public List<String> language;

    @QueryParam("status")
    @Parameter(description = "Only these statuses (repeatable)",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_VALUES, implementation = WishStatus.class))
    public List<String> status;

    @QueryParam("from")
    @Parameter(description = "Only wishes whose shown period begins on or after this date (ISO date)",
            schema = @Schema(type = SchemaType.STRING, format = "date", minLength = 10, maxLength = 10))
    public String from;

    @QueryParam("to")
    @Parameter(description = "Only wishes whose shown period ends on or before this date (ISO date)",
            schema = @Schema(type = SchemaType.STRING, format = "date", minLength = 10, maxLength = 10))
    public String to;

    @QueryParam("q")
    @Parameter(description = "Words that must all occur in the text (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = WishFilter.MAX_QUERY_LENGTH))
    public String q;

    /** The filter over the wishes the caller's scope reaches. */
    public WishFilter toFilter(JobcenterScope scope, KnownCodes known, List<Violation> violations) {
        for (List<String> values : List.of(nullToEmpty(targetGroup), nullToEmpty(topic), nullToEmpty(language),
                nullToEmpty(status))) {
            if (values.size() > MAX_VALUES) {
                violations.add(new Violation("filter", "violation.too-many-values"));
                break;
            }
        }
        return WishFilter.parse(scope, targetGroup, topic, language, status, from, to, q, known, violations);
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    @Schema(name = "CodeText", type = SchemaType.STRING, maxLength = 40, examples = "PARENTS")
    public interface CodeText {
    }

    @Schema(name = "LanguageText", type = SchemaType.STRING, minLength = 2, maxLength = 4, examples = "uk")
    interface LanguageText {
    }
}
