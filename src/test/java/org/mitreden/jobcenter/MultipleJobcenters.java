package org.mitreden.jobcenter;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An installation for several jobcenters, where kiosks without a token may submit too. */
public class MultipleJobcenters implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mitreden.jobcenters.multiple", "true", "mitreden.submission.allow-anonymous", "true");
    }
}
