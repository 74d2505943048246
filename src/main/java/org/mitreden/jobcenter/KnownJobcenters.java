package org.mitreden.jobcenter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Which jobcenter codes exist. A jobcenter is never removed, so a code once found is kept in memory and
 * every later request of its staff costs no look-up; a code not found is asked again each time.
 */
@ApplicationScoped
public class KnownJobcenters {

    /** What a jobcenter code may look like: lower-case letters, digits and hyphens, as in a URL. */
    public static final String CODE_PATTERN = "^[a-z0-9][a-z0-9-]{0,39}$";

    public static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    private final Set<String> found = ConcurrentHashMap.newKeySet();

    public boolean exists(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return false;
        }
        if (found.contains(code)) {
            return true;
        }
        boolean exists = QuarkusTransaction.joiningExisting().call(() -> Jobcenter.findByIdOptional(code).isPresent());
        if (exists) {
            found.add(code);
        }
        return exists;
    }
}
