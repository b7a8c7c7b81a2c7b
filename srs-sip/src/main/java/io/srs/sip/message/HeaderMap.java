package io.srs.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's headers as the domain receives them: names lower case with compact forms expanded
 * (RFC 3261 §7.3.3), values in order, within named bounds so a peer cannot make us keep more than a
 * few hundred KiB per call. Vendor headers ({@code X-Genesys-…}) carry ids the metadata lacks, so
 * every header is kept up to the bounds; what lies beyond is dropped and counted.
 *
 * @param headers name → values, in arrival order
 * @param droppedNames header names past {@link #MAX_NAMES}, dropped with all their values
 * @param droppedValues values past {@link #MAX_VALUES_PER_NAME} of one name, dropped
 * @param truncatedValues values longer than {@link #MAX_VALUE_LENGTH}, cut to it
 */
public record HeaderMap(
    Map<String, List<String>> headers, int droppedNames, int droppedValues, int truncatedValues) {

  /** Distinct header names kept; a SIPREC INVITE carries 15-40. */
  public static final int MAX_NAMES = 128;

  /** Values kept per name (Via and Record-Route repeat; nothing else does much). */
  public static final int MAX_VALUES_PER_NAME = 64;

  /** Characters kept per value; ids and URIs are far shorter. */
  public static final int MAX_VALUE_LENGTH = 1024;

  public HeaderMap {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static HeaderMap of(SipHeaders source) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    int droppedNames = 0;
    int droppedValues = 0;
    int truncated = 0;
    for (String name : source.names()) {
      List<String> values = source.all(name);
      if (kept.size() == MAX_NAMES) {
        droppedNames++;
        continue;
      }
      List<String> copy = new ArrayList<>(Math.min(values.size(), MAX_VALUES_PER_NAME));
      for (String value : values) {
        if (copy.size() == MAX_VALUES_PER_NAME) {
          droppedValues++;
          continue;
        }
        if (value.length() > MAX_VALUE_LENGTH) {
          truncated++;
          copy.add(value.substring(0, MAX_VALUE_LENGTH));
        } else {
          copy.add(value);
        }
      }
      kept.put(name, List.copyOf(copy));
    }
    return new HeaderMap(kept, droppedNames, droppedValues, truncated);
  }

  /** True when something was dropped or cut. */
  public boolean clipped() {
    return droppedNames > 0 || droppedValues > 0 || truncatedValues > 0;
  }
}
