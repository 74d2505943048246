package org.mitreden.core;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every endpoint shares because they come from one place (the problem mapper, the
 * body limit in {@link HttpConventions}), so that no resource has to repeat them and none can forget them:
 * <ul>
 * <li>503 with Retry-After on every /api/v1 operation: each one reads the database;</li>
 * <li>413 on every operation that takes a body: bodies over 16 KiB are refused;</li>
 * <li>406 on every operation that answers with content: an Accept it cannot produce is refused;</li>
 * <li>500 on every /api/v1 operation: an unexpected failure is answered with a correlation id only;</li>
 * <li>401 on every operation that needs a token: a missing or invalid one is refused;</li>
 * <li>415 on every operation that takes a body: only JSON is read.</li>
 * </ul>
 * An operation that declares one of these itself (with a more specific description) keeps its own.
 * Registered with {@code mp.openapi.filter} in application.properties.
 */
public class SharedResponsesFilter implements OASFilter {

    static final String API_PREFIX = "/api/v1/";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                addSharedResponses(path, entry.getValue());
            }
        });
    }

    private static void addSharedResponses(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (producesContent(responses) && !responses.hasAPIResponse("406")) {
            responses.addAPIResponse("406", problem("Accept names no media type this endpoint answers with", null));
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty() && !responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", problem("Missing or invalid token", null));
        }
        if (operation.getRequestBody() != null && !responses.hasAPIResponse("413")) {
            responses.addAPIResponse("413", problem("Body larger than " + HttpConventions.MAX_BODY_BYTES / 1024 + " KiB", null));
        }
        if (operation.getRequestBody() != null && !responses.hasAPIResponse("415")) {
            responses.addAPIResponse("415", problem("Body is not JSON", null));
        }
        if (path.startsWith(API_PREFIX) && !responses.hasAPIResponse("500")) {
            responses.addAPIResponse("500", problem("Unexpected failure; the answer carries only a correlationId for the operators' log", null));
        }
        if (path.startsWith(API_PREFIX) && !responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", problem("Database unreachable", retryAfter()));
        }
        sortByStatus(responses);
    }

    /** True when a successful answer has a body, so the Accept header decides whether it can be given. */
    private static boolean producesContent(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null
                        && e.getValue().getContent().getMediaTypes() != null
                        && !e.getValue().getContent().getMediaTypes().isEmpty());
    }

    /** A problem+json answer, laid out as the annotations lay theirs out (headers before content). */
    private static APIResponse problem(String description, Header retryAfter) {
        APIResponse response = OASFactory.createAPIResponse().description(description);
        if (retryAfter != null) {
            response.addHeader("Retry-After", retryAfter);
        }
        return response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    /** The same Retry-After the resources declare on their 409, 429 and 503 answers. */
    private static Header retryAfter() {
        return OASFactory.createHeader()
                .description("Seconds to wait")
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .maximum(BigDecimal.valueOf(3600))
                        .minimum(BigDecimal.ONE));
    }

    /** Responses in status order, as the annotations list them, so the document reads the same everywhere. */
    private static void sortByStatus(APIResponses responses) {
        Map<String, APIResponse> sorted = new LinkedHashMap<>();
        responses.getAPIResponses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        responses.setAPIResponses(sorted);
    }
}
