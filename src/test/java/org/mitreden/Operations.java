package org.mitreden;

import static io.restassured.RestAssured.given;

/** The operations endpoints (metrics), served on the API port as the contract has them. */
public final class Operations {

    private Operations() {
    }

    /** The Prometheus text of the running service. */
    public static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
