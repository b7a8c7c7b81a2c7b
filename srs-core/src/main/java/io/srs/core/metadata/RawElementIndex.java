package io.srs.core.metadata;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Where each element of the body begins and ends in its text, in document order, so extension data
 * can be kept exactly as it arrived (RFC 7865 §6.11: the SRS does not understand it, so it must not
 * rewrite it). The JDK parser's own character offsets are not reliable, hence this scan.
 *
 * <p>A lexical scan, not a parser: it is only asked about elements the StAX parser has already
 * read, which are well-formed; on anything odd it stops indexing and answers null, and the caller
 * falls back to a re-serialised fragment. It never throws and touches each character once.
 */
final class RawElementIndex {
  private final String text;
  private int[] starts = new int[16];
  private int[] nameEnds = new int[16];
  private int[] ends = new int[16];
  private int count;

  private RawElementIndex(String text, int maxElements) {
    this.text = text;
    scan(maxElements);
  }

  /**
   * Indexes {@code body} decoded in the encoding the XML parser detected; an index of nothing when
   * that encoding is unknown to the JDK's charsets.
   */
  static RawElementIndex of(byte[] body, String encoding, int maxElements) {
    String text = "";
    try {
      if (encoding != null) {
        text = new String(body, Charset.forName(encoding));
      }
    } catch (IllegalArgumentException unknownCharset) {
      text = "";
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return new RawElementIndex(text, maxElements);
  }

  /**
   * The text of the {@code ordinal}-th element (0 = the root), or null when the scan did not find
   * an element of that qualified name there.
   */
  String element(int ordinal, String qualifiedName) {
    if (ordinal < 0 || ordinal >= count || ends[ordinal] <= starts[ordinal]) {
      return null;
    }
    int start = starts[ordinal];
    boolean sameName =
        nameEnds[ordinal] - start - 1 == qualifiedName.length()
            && text.regionMatches(start + 1, qualifiedName, 0, qualifiedName.length());
    return sameName ? text.substring(start, ends[ordinal]) : null;
  }

  private void scan(int maxElements) {
    int[] open = new int[16];
    int depth = 0;
    int n = text.length();
    int i = text.indexOf('<');
    while (i >= 0 && i < n) {
      int next;
      if (text.startsWith("<!--", i)) {
        next = after(text.indexOf("-->", i + 4), 3);
      } else if (text.startsWith("<![CDATA[", i)) {
        next = after(text.indexOf("]]>", i + 9), 3);
      } else if (text.startsWith("<?", i)) {
        next = after(text.indexOf("?>", i + 2), 2);
      } else if (text.startsWith("<!", i)) {
        return; // a DOCTYPE: the parser refuses the body anyway
      } else if (text.startsWith("</", i)) {
        next = after(text.indexOf('>', i + 2), 1);
        if (next > 0 && depth > 0) {
          ends[open[--depth]] = next;
        }
      } else {
        if (count >= maxElements) {
          return;
        }
        int tagEnd = startTagEnd(i);
        if (tagEnd < 0) {
          return;
        }
        grow();
        starts[count] = i;
        nameEnds[count] = nameEnd(i + 1);
        if (text.charAt(tagEnd - 1) == '/') {
          ends[count] = tagEnd + 1;
        } else {
          if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
          }
          open[depth++] = count;
        }
        count++;
        next = tagEnd + 1;
      }
      if (next <= 0) {
        return;
      }
      i = text.indexOf('<', next);
    }
  }

  /** The index of the {@code >} closing the start tag at {@code from}, quotes respected; or -1. */
  private int startTagEnd(int from) {
    char quote = 0;
    for (int k = from + 1; k < text.length(); k++) {
      char c = text.charAt(k);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return k;
      }
    }
    return -1;
  }

  private int nameEnd(int from) {
    int k = from;
    while (k < text.length()) {
      char c = text.charAt(k);
      if (c == '>' || c == '/' || Character.isWhitespace(c)) {
        break;
      }
      k++;
    }
    return k;
  }

  private static int after(int found, int length) {
    return found < 0 ? -1 : found + length;
  }

  private void grow() {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      nameEnds = Arrays.copyOf(nameEnds, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
  }
}
