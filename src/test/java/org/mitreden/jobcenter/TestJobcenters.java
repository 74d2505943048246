package org.mitreden.jobcenter;

import static io.restassured.RestAssured.given;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mitreden.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Jobcenters for tests of an installation serving several, and requests made in one of them. */
public final class TestJobcenters {

    private TestJobcenters() {
    }

    /** A new jobcenter, added by the operator as in production; its code. */
    public static String create() {
        String code = "jc-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        given().auth().oauth2(TestTokens.withRoles("operator")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Jobcenter " + code))
                .when().post("/api/v1/jobcenters")
                .then().statusCode(201).header("Location", "/api/v1/jobcenters/" + code);
        return code;
    }

    /** A kiosk token of the jobcenter with the given subject: subjects are the identity provider's, not unique. */
    public static String kiosk(String jobcenter, String subject) {
        return Jwt.issuer(TestTokens.ISSUER).upn(subject).groups(Set.of("kiosk")).claim("jobcenter", jobcenter).sign();
    }

    /** A submission with an Idempotency-Key, with the token or, when it is null, without one. */
    public static Response submitWithKey(String token, String key, Map<String, Object> body) {
        return (token == null ? given() : given().auth().oauth2(token)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes");
    }

    /** A request with a token of the jobcenter's member of staff, kiosk or system in the given role. */
    public static RequestSpecification in(String jobcenter, String role) {
        return given().auth().oauth2(TestTokens.forJobcenter(jobcenter, role));
    }
}
