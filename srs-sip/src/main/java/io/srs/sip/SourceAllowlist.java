package io.srs.sip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses allowed to set up recordings ({@code sip.allowed-sources}): CIDR ranges or single
 * addresses, IPv4 or IPv6. Empty allows every source. An INVITE from anywhere else gets 403 before
 * it is read (DESIGN.md, the path of one call, step 1): only the SBCs that fork calls to us should
 * be able to make us record. Immutable; parsed without DNS.
 */
public final class SourceAllowlist {
  /** No entries: every source is allowed. */
  public static final SourceAllowlist ALLOW_ALL = new SourceAllowlist(List.of(), List.of());

  /** An allowlist is a handful of SBC ranges; thousands would be a mistake (and a slow match). */
  public static final int MAX_ENTRIES = 1_000;

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final List<String> entries;
  private final List<Range> ranges;

  private SourceAllowlist(List<String> entries, List<Range> ranges) {
    this.entries = List.copyOf(entries);
    this.ranges = List.copyOf(ranges);
  }

  /** One CIDR range: the network's bytes and how many leading bits must match. */
  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  /**
   * Parses {@code 10.0.0.0/8}, {@code 192.0.2.7} (one address), {@code 2001:db8::/32}.
   *
   * @throws IllegalArgumentException naming the entry, {@code sip.allowed-sources[2]: ...}
   */
  public static SourceAllowlist parse(List<String> entries) {
    if (entries.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "sip.allowed-sources: " + entries.size() + " entries, at most " + MAX_ENTRIES);
    }
    List<Range> ranges = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      String problem = problem(entry);
      if (problem != null) {
        throw new IllegalArgumentException("sip.allowed-sources[" + i + "]: " + problem);
      }
      ranges.add(range(entry.strip()));
    }
    return new SourceAllowlist(entries.stream().map(String::strip).toList(), ranges);
  }

  /** What is wrong with one entry, or null when it is a valid address or CIDR range. */
  public static String problem(String entry) {
    if (entry == null || entry.isBlank()) {
      return "empty entry";
    }
    String text = entry.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes = literal(address);
    if (bytes == null) {
      return "'" + text + "' is not an IP address or CIDR range (e.g. 203.0.113.0/24)";
    }
    int bits = bytes.length * 8;
    if (slash < 0) {
      return null;
    }
    String length = text.substring(slash + 1);
    if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
      return "'" + text + "': the prefix length must be 0.." + bits;
    }
    Range range = new Range(bytes, Integer.parseInt(length));
    Range masked = new Range(mask(bytes, range.prefix()), range.prefix());
    if (!java.util.Arrays.equals(bytes, masked.network())) {
      return "'"
          + text
          + "' has host bits set; did you mean "
          + format(masked.network())
          + "/"
          + range.prefix()
          + "?";
    }
    return null;
  }

  private static Range range(String text) {
    int slash = text.indexOf('/');
    byte[] bytes = literal(slash < 0 ? text : text.substring(0, slash));
    int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
    return new Range(bytes, prefix);
  }

  /** The bytes of an IP literal (4 or 16), or null; never a DNS lookup. */
  private static byte[] literal(String text) {
    boolean v4 = IPV4.matcher(text).matches();
    boolean v6 = !v4 && text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
    if (!v4 && !v6) {
      return null;
    }
    try {
      // A literal is parsed, not looked up.
      InetAddress address = InetAddress.getByName(text);
      return v6 && address instanceof Inet4Address ? null : address.getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int bit = prefix; bit < masked.length * 8; bit++) {
      masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return masked;
  }

  private static String format(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when every source is allowed (no entries). */
  public boolean allowsAll() {
    return ranges.isEmpty();
  }

  /**
   * Whether {@code source} may set up a recording. An unknown source (null) is allowed only when
   * every source is. An IPv4-mapped IPv6 address is matched as the IPv4 address it carries.
   */
  public boolean allows(InetAddress source) {
    if (ranges.isEmpty()) {
      return true;
    }
    if (source == null) {
      return false;
    }
    byte[] bytes = source.getAddress();
    if (source instanceof Inet6Address && isIpv4Mapped(bytes)) {
      bytes = java.util.Arrays.copyOfRange(bytes, 12, 16);
    }
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** RFC 4291 §2.5.5.2: {@code ::ffff:a.b.c.d}. */
  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
  }

  /** The entries as configured. */
  public List<String> entries() {
    return entries;
  }

  @Override
  public String toString() {
    return ranges.isEmpty() ? "any source" : entries.toString();
  }
}
