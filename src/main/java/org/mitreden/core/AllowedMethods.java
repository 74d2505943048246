package org.mitreden.core;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each path of the API answers, for the {@code Allow} header a 405 must carry (RFC 9110,
 * 15.5.6). Quarkus REST answers a wrong method without one, and its automatic OPTIONS names every method
 * of the resource class rather than of the path. Read once from the resource classes' annotations.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    @Inject
    BeanManager beans;

    private volatile Map<Pattern, Set<String>> byPath;

    /** The methods the path answers, HEAD and OPTIONS included; empty for a path no resource has. */
    public Set<String> of(String path) {
        String normalized = normalize(path);
        Set<String> methods = new TreeSet<>();
        routes().forEach((template, allowed) -> {
            if (template.matcher(normalized).matches()) {
                methods.addAll(allowed);
            }
        });
        if (!methods.isEmpty()) {
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
        }
        return methods;
    }

    private Map<Pattern, Set<String>> routes() {
        if (byPath == null) {
            Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path classPath = bean.getBeanClass().getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod != null) {
                        Path methodPath = method.getAnnotation(Path.class);
                        String template = classPath.value() + "/" + (methodPath == null ? "" : methodPath.value());
                        byTemplate.computeIfAbsent(normalize(template), t -> new TreeSet<>()).add(httpMethod);
                    }
                }
            }
            Map<Pattern, Set<String>> compiled = new LinkedHashMap<>();
            byTemplate.forEach((template, methods) -> compiled.put(regex(template), methods));
            byPath = compiled;
        }
        return byPath;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    /** A template such as /api/v1/receipts/{receiptCode} as a pattern of the paths it matches. */
    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).trim() + ")");
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** One leading slash, no doubled or trailing ones: how Quarkus REST matches paths too. */
    private static String normalize(String path) {
        String collapsed = ("/" + path).replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
