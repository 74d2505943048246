package org.mitreden.core;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** The service verifies bearer tokens through {@link VerifiedTokens}, and a changed token is verified anew. */
@QuarkusTest
class VerifiedTokensWiringTest {

    @Inject
    JWTParser parser;

    @Test
    void theParserTheServiceUsesRemembersAVerifiedToken() throws Exception {
        String token = TestTokens.withRoles("staff");
        assertSame(parser.parse(token), parser.parse(token));
    }

    @Test
    void aTokenWithAChangedSignatureIsRejectedAfterTheGenuineOneWasAccepted() throws Exception {
        String token = TestTokens.withRoles("admin");
        given().auth().oauth2(token).when().get("/api/v1/audit-events").then().statusCode(200);
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThrows(ParseException.class, () -> parser.parse(tampered));
        given().auth().oauth2(tampered).when().get("/api/v1/audit-events").then().statusCode(401);
    }
}
