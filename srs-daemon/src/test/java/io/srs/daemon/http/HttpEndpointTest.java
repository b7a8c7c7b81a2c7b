package io.srs.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private HttpEndpoint endpoint;

  @BeforeEach
  void start() throws Exception {
    Map<String, Supplier<HttpReply>> routes =
        Map.of(
            "/health/live", () -> HttpReply.json(200, "{\"status\":\"live\"}"),
            "/boom",
                () -> {
                  throw new IllegalStateException("secret internals");
                });
    endpoint = new HttpEndpoint("127.0.0.1", 0, routes);
    endpoint.start();
  }

  @AfterEach
  void stop() throws Exception {
    endpoint.stop();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aKnownPathAnswersWithItsReplyAndContentType() throws Exception {
    HttpResponse<String> response = send("GET", "/health/live");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"live\"}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue(HttpReply.JSON);
  }

  @Test
  void anUnknownPathIs404() throws Exception {
    assertThat(send("GET", "/health").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/health/live/x").statusCode()).isEqualTo(404);
  }

  @Test
  void anotherMethodThanGetOrHeadIs405WithAllow() throws Exception {
    HttpResponse<String> response = send("POST", "/health/live");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    HttpResponse<String> response = send("HEAD", "/health/live");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void aFailingRouteIsABare500WithoutAStackTrace() throws Exception {
    HttpResponse<String> response = send("GET", "/boom");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("internal error\n").doesNotContain("secret");
  }

  @Test
  void aPortInUseFailsStartNamingTheAddress() throws Exception {
    HttpEndpoint second = new HttpEndpoint("127.0.0.1", endpoint.port(), Map.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
        .hasMessageContaining("HTTP port 127.0.0.1:" + endpoint.port());
  }
}
