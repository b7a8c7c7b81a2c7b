package io.srs.sip.multipart;

import io.srs.sip.message.Excerpt;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Content-Type value (RFC 3261 §20.15, RFC 2045 §5.1): type and subtype compared
 * case-insensitively ({@code application/SDP} is {@code application/sdp}), parameter names
 * case-insensitive, parameter values as sent with quoted-string quoting removed (a boundary is
 * case-sensitive, RFC 2046 §5.1.1).
 */
public record ContentType(String type, String subtype, Map<String, String> parameters) {

  /** More parameters than any real Content-Type carries. */
  static final int MAX_PARAMETERS = 16;

  public ContentType {
    type = type.toLowerCase(Locale.ROOT);
    subtype = subtype.toLowerCase(Locale.ROOT);
    parameters = Map.copyOf(parameters);
  }

  /** {@code type/subtype}, lower case. */
  public String mediaType() {
    return type + "/" + subtype;
  }

  public boolean is(String mediaType) {
    return mediaType().equals(mediaType.toLowerCase(Locale.ROOT));
  }

  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Parses {@code type/subtype *(; name=value)}; values may be tokens or quoted strings.
   *
   * @throws MultipartException when the value is not of that shape
   */
  public static ContentType parse(String value) throws MultipartException {
    if (value == null || value.isBlank()) {
      throw new MultipartException("Content-Type is empty; expected type/subtype");
    }
    int semi = value.indexOf(';');
    String mediaType = (semi < 0 ? value : value.substring(0, semi)).trim();
    int slash = mediaType.indexOf('/');
    if (slash <= 0
        || slash == mediaType.length() - 1
        || !isToken(mediaType.substring(0, slash))
        || !isToken(mediaType.substring(slash + 1))) {
      throw new MultipartException(
          "Content-Type \"" + Excerpt.of(mediaType) + "\" is not type/subtype");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (semi >= 0) {
      parseParameters(value, semi, parameters);
    }
    return new ContentType(
        mediaType.substring(0, slash), mediaType.substring(slash + 1), parameters);
  }

  private static void parseParameters(String value, int start, Map<String, String> out)
      throws MultipartException {
    int i = start;
    int n = value.length();
    while (i < n) {
      // at a ';'
      i++;
      while (i < n && isSpace(value.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return; // a trailing ';' is harmless
      }
      int nameStart = i;
      while (i < n && value.charAt(i) != '=' && value.charAt(i) != ';') {
        i++;
      }
      String name = value.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
      if (!isToken(name)) {
        throw new MultipartException(
            "Content-Type parameter \"" + Excerpt.of(name) + "\" is not a token");
      }
      String paramValue = "";
      if (i < n && value.charAt(i) == '=') {
        i++;
        while (i < n && isSpace(value.charAt(i))) {
          i++;
        }
        if (i < n && value.charAt(i) == '"') {
          StringBuilder quoted = new StringBuilder();
          i++;
          boolean closed = false;
          while (i < n) {
            char c = value.charAt(i++);
            if (c == '\\' && i < n) {
              quoted.append(value.charAt(i++));
            } else if (c == '"') {
              closed = true;
              break;
            } else {
              quoted.append(c);
            }
          }
          if (!closed) {
            throw new MultipartException(
                "Content-Type parameter " + name + " has an unterminated quoted string");
          }
          paramValue = quoted.toString();
          while (i < n && value.charAt(i) != ';') {
            if (!isSpace(value.charAt(i))) {
              throw new MultipartException(
                  "Content-Type parameter " + name + " has text after its quoted value");
            }
            i++;
          }
        } else {
          int valueStart = i;
          while (i < n && value.charAt(i) != ';') {
            i++;
          }
          paramValue = value.substring(valueStart, i).trim();
        }
      }
      if (out.size() >= MAX_PARAMETERS) {
        throw new MultipartException(
            "Content-Type has more than " + MAX_PARAMETERS + " parameters");
      }
      out.putIfAbsent(name, paramValue);
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  /** RFC 2045 §5.1 token: printable ASCII except SPACE and tspecials. */
  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return mediaType() + (parameters.isEmpty() ? "" : parameters.toString());
  }
}
