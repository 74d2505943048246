package org.mitreden.audit;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.mitreden.core.Roles;
import org.mitreden.jobcenter.CallerJobcenter;

/**
 * Records the answers of {@link Audited} resource methods, once they are made. Recorded: every answer to
 * an authenticated caller, successes and refusals alike (403 for a missing role, 404 for a wish that
 * does not exist, 400 for invalid filters), because an attempt to look is as telling as a look. Not
 * recorded: answers without a token or with an invalid one (401): they name nobody, and anyone on the
 * network could fill the table with them. Recording only queues the event (see {@link AuditLog}).
 */
public class AuditRecorder {

    /** Values of one parameter beyond this are cut: no filter of the API takes more. */
    private static final int MAX_VALUES = 20;
    private static final int MAX_VALUE_LENGTH = 200;
    private static final int MAX_SUBJECT_LENGTH = 255;
    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();
    private static final Map<Method, Boolean> NATIONAL_ENDPOINTS = new ConcurrentHashMap<>();
    private static final ClassValue<Optional<Method>> LISTS = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if ((component.getName().equals("items") || component.getName().equals("cells"))
                        && Collection.class.isAssignableFrom(component.getType())) {
                    return Optional.of(component.getAccessor());
                }
            }
            return Optional.empty();
        }
    };

    @Inject
    AuditLog log;

    @Inject
    CallerJobcenter jobcenter;

    @Inject
    AuditedJobcenter audited;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        int status = response.getStatus();
        if (audited == null || status == 401) {
            return;
        }
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal == null || principal.getName() == null) {
            return;
        }
        boolean success = status >= 200 && status < 300;
        AuditAction action = exportsCsv(request, response, success) ? AuditAction.EXPORT_CSV : audited.value();
        log.record(new AuditEntry(Instant.now().truncatedTo(ChronoUnit.MILLIS), cut(principal.getName(), MAX_SUBJECT_LENGTH),
                actingFor(method),
                action, request.getMethod() + " " + TEMPLATES.computeIfAbsent(method, AuditRecorder::template), status,
                parameters(request, response), success ? rows(audited.value(), response) : Long.valueOf(0)));
    }

    /**
     * The jobcenter the request acted for, whose admins may read the event: the one its resource named, if it
     * did (see {@link AuditedJobcenter}); else none for a refused claim, or for a national caller at an endpoint
     * that admits a national role (national statistics, jobcenters, the national catalogue), whose parameters
     * and rows speak of other jobcenters. Decided by the endpoint, not the token alone: a token with a national
     * role beside staff that reads a jobcenter's wishes is recorded under it.
     */
    private String actingFor(Method method) {
        Optional<String> named = audited.get();
        if (named.isPresent()) {
            return named.get();
        }
        if (jobcenter.isNational() && NATIONAL_ENDPOINTS.computeIfAbsent(method, AuditRecorder::admitsNationalRole)) {
            return null;
        }
        try {
            return jobcenter.code();
        } catch (RuntimeException refused) {
            return null;
        }
    }

    private static boolean admitsNationalRole(Method method) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        return allowed != null
                && Arrays.stream(allowed.value()).anyMatch(role -> role.equals(Roles.ANALYST) || role.equals(Roles.OPERATOR));
    }

    /** A table answered as CSV, or asked for as CSV and refused. */
    private static boolean exportsCsv(ContainerRequestContext request, ContainerResponseContext response, boolean success) {
        if (success) {
            return response.getMediaType() != null && CSV.isCompatible(response.getMediaType());
        }
        List<MediaType> acceptable = request.getAcceptableMediaTypes();
        return !acceptable.isEmpty() && !acceptable.get(0).isWildcardType() && CSV.isCompatible(acceptable.get(0));
    }

    /** Path parameters, then query parameters, as given; a repeated one as a list. */
    private static Map<String, Object> parameters(ContainerRequestContext request, ContainerResponseContext response) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        add(parameters, request.getUriInfo().getPathParameters());
        add(parameters, request.getUriInfo().getQueryParameters());
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        if (response.getStatus() == 201 && location != null) {
            // What a POST created (a catalogue code) is in no parameter; its address names it.
            parameters.put("created", cut(pathOf(location), MAX_VALUE_LENGTH));
        }
        return parameters;
    }

    private static String pathOf(String location) {
        try {
            String path = URI.create(location).getPath();
            return path == null ? location : path;
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    private static void add(Map<String, Object> parameters, MultivaluedMap<String, String> values) {
        values.forEach((name, given) -> {
            List<String> kept = given.stream().limit(MAX_VALUES).map(v -> cut(v, MAX_VALUE_LENGTH)).toList();
            parameters.put(cut(name, MAX_VALUE_LENGTH), kept.size() == 1 ? kept.get(0) : kept);
        });
    }

    private static Long rows(AuditAction action, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof AuditedRows counted) {
            return counted.auditedRows();
        }
        if (entity instanceof Collection<?> collection) {
            return (long) collection.size();
        }
        if (entity != null) {
            Optional<Method> list = LISTS.get(entity.getClass());
            if (list.isPresent()) {
                try {
                    return (long) ((Collection<?>) list.get().invoke(entity)).size();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return action.oneRow() ? Long.valueOf(1) : null;
    }

    /** "/api/v1/wishes/{id}": the path templates of the class and the method. */
    private static String template(Method method) {
        String parent = pathOf(method.getDeclaringClass().getAnnotation(Path.class));
        String child = pathOf(method.getAnnotation(Path.class));
        String left = parent.endsWith("/") ? parent.substring(0, parent.length() - 1) : parent;
        String right = child.isEmpty() || child.startsWith("/") ? child : "/" + child;
        return left.isEmpty() && right.isEmpty() ? "/" : left + right;
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }

    private static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }
}
