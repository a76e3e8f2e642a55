package io.fdl.runtime.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The dashboard's assets and their security headers (runs without a browser). */
@QuarkusTest
class UiRoutesTest {

    @Test
    void servedWithStrictSecurityHeadersAndRedirect() {
        RestAssured.given().get("/").then().statusCode(200).body("endpoints.ui", equalTo("/ui/"));
        RestAssured.given().redirects().follow(false).get("/ui").then().statusCode(302).header("Location", "/ui/");
        RestAssured.given().get("/ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("style-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                // no inline script or style in the page itself: everything is a same-origin file
                .body(not(containsString("<style")))
                .body(containsString("<script type=\"module\" src=\"js/app.js\"></script>"));
        RestAssured.given().get("/ui/js/app.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"));
        RestAssured.given().get("/ui/app.css").then().statusCode(200).contentType(containsString("text/css"));
        RestAssured.given().get("/ui/nothing-here.js").then().statusCode(404);
    }
}
