package io.srs.sip.handler;

import io.srs.sip.message.Reply;

/** Reason phrases of RFC 3261 §21 and the shape of our error replies. */
public final class Replies {
  private Replies() {}

  /** The RFC 3261 §21 reason phrase of a status we send. */
  public static String phrase(int status) {
    return switch (status) {
      case 100 -> "Trying";
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 405 -> "Method Not Allowed";
      case 413 -> "Request Entity Too Large";
      case 415 -> "Unsupported Media Type";
      case 420 -> "Bad Extension";
      case 422 -> "Session Interval Too Small";
      case 481 -> "Call/Transaction Does Not Exist";
      case 482 -> "Loop Detected";
      case 487 -> "Request Terminated";
      case 488 -> "Not Acceptable Here";
      case 500 -> "Server Internal Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }

  public static Reply of(int status) {
    return Reply.of(status, phrase(status));
  }

  /** {@code 400 Bad Request - SDP line 5: m= port "x" is not a number}: the phrase says why. */
  public static Reply error(int status, String detail) {
    return Reply.of(status, phrase(status) + " - " + detail);
  }

  /** A Warning header value (RFC 3261 §20.43): {@code 305 host "text"}, text quoted and escaped. */
  public static String warning(int code, String agent, String text) {
    String escaped =
        text.replaceAll("[\\x00-\\x1f\\x7f]+", " ").replace("\\", "\\\\").replace("\"", "\\\"");
    return code + " " + agent + " \"" + escaped + "\"";
  }
}
