package io.srs.daemon.http;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer: status, content type and body, built in full before anything is written.
 *
 * @param status the HTTP status code
 * @param contentType the Content-Type header value
 * @param body the body bytes
 */
public record HttpReply(int status, String contentType, byte[] body) {
  public static final String JSON = "application/json; charset=utf-8";
  public static final String TEXT = "text/plain; charset=utf-8";

  public static HttpReply json(int status, String json) {
    return new HttpReply(status, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpReply text(int status, String text) {
    return new HttpReply(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
  }
}
