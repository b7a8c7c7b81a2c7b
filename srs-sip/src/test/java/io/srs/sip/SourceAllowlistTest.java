package io.srs.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceAllowlistTest {
  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void anEmptyListAllowsEverySourceEvenAnUnknownOne() throws Exception {
    SourceAllowlist all = SourceAllowlist.parse(List.of());
    assertThat(all.allowsAll()).isTrue();
    assertThat(all.allows(ip("203.0.113.9"))).isTrue();
    assertThat(all.allows(null)).isTrue();
  }

  @Test
  void cidrRangesAndSingleAddressesMatchByPrefix() throws Exception {
    SourceAllowlist list =
        SourceAllowlist.parse(List.of("10.0.0.0/8", "192.0.2.7", "172.16.0.0/12", "0.0.0.0/0"));
    assertThat(SourceAllowlist.parse(List.of("10.0.0.0/8")).allows(ip("10.255.1.2"))).isTrue();
    assertThat(SourceAllowlist.parse(List.of("10.0.0.0/8")).allows(ip("11.0.0.1"))).isFalse();
    assertThat(SourceAllowlist.parse(List.of("192.0.2.7")).allows(ip("192.0.2.7"))).isTrue();
    assertThat(SourceAllowlist.parse(List.of("192.0.2.7")).allows(ip("192.0.2.8"))).isFalse();
    assertThat(SourceAllowlist.parse(List.of("172.16.0.0/12")).allows(ip("172.31.255.255")))
        .isTrue();
    assertThat(SourceAllowlist.parse(List.of("172.16.0.0/12")).allows(ip("172.32.0.0"))).isFalse();
    assertThat(list.allows(ip("8.8.8.8"))).as("0.0.0.0/0 is every IPv4 source").isTrue();
    assertThat(list.allows(ip("2001:db8::1"))).as("but no IPv6 one").isFalse();
  }

  @Test
  void ipv6RangesMatchAndIpv4MappedAddressesMatchAsIpv4() throws Exception {
    SourceAllowlist list = SourceAllowlist.parse(List.of("2001:db8::/32", "192.0.2.0/24"));
    assertThat(list.allows(ip("2001:db8:ffff::1"))).isTrue();
    assertThat(list.allows(ip("2001:db9::1"))).isFalse();
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = (byte) 192;
    mapped[14] = 2;
    mapped[15] = 9;
    assertThat(list.allows(java.net.Inet6Address.getByAddress(null, mapped, -1))).isTrue();
  }

  @Test
  void anUnknownSourceIsRefusedWhenThereIsAList() {
    assertThat(SourceAllowlist.parse(List.of("192.0.2.0/24")).allows(null)).isFalse();
  }

  @Test
  void eachBadEntryIsNamedByIndex() {
    assertThatThrownBy(() -> SourceAllowlist.parse(List.of("10.0.0.0/8", "sbc.example.com")))
        .hasMessage(
            "sip.allowed-sources[1]: 'sbc.example.com' is not an IP address or CIDR range"
                + " (e.g. 203.0.113.0/24)");
    assertThatThrownBy(() -> SourceAllowlist.parse(List.of("10.0.0.0/33")))
        .hasMessage("sip.allowed-sources[0]: '10.0.0.0/33': the prefix length must be 0..32");
    assertThatThrownBy(() -> SourceAllowlist.parse(List.of("10.1.2.3/8")))
        .hasMessage(
            "sip.allowed-sources[0]: '10.1.2.3/8' has host bits set; did you mean 10.0.0.0/8?");
    assertThatThrownBy(() -> SourceAllowlist.parse(List.of("2001:db8::/129")))
        .hasMessageContaining("0..128");
    assertThatThrownBy(() -> SourceAllowlist.parse(List.of(" ")))
        .hasMessage("sip.allowed-sources[0]: empty entry");
  }
}
