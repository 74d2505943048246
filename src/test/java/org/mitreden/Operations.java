package org.mitreden;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests to the operations endpoints (health, metrics), served on the API port as the contract has them. */
public final class Operations {

    private Operations() {
    }

    public static RequestSpecification operations() {
        return given();
    }

    /** The Prometheus text of the running service. */
    public static String metrics() {
        return operations().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
