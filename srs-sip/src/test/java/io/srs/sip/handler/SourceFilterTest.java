package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.SipSettings;
import io.srs.sip.SourceAllowlist;
import io.srs.sip.message.Reply;
import io.srs.sip.testing.Requests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sip.allowed-sources: who may make us record (DESIGN.md, the path of one call, step 1). */
class SourceFilterTest {
  private final HandlerFixture srs =
      new HandlerFixture(
          SipSettings.defaults("192.0.2.1", "192.0.2.1")
              .withAllowedSources(
                  SourceAllowlist.parse(List.of("198.51.100.0/24", "2001:db8::/32"))));

  @Test
  void anInviteFromAnotherSourceIsForbiddenBeforeItIsRead() {
    var responder = srs.send(Requests.siprecInvite().callId("a@x").remote("203.0.113.9").build());

    Reply reply = responder.last();
    assertThat(responder.statuses()).containsExactly(403);
    assertThat(reply.reason()).isEqualTo("Source not allowed");
    assertThat(srs.service.offers).isEmpty();
    assertThat(srs.service.refusals).containsExactly("403 source-not-allowed");
  }

  @Test
  void anInviteFromAnAllowedRangeIsRecorded() {
    var responder = srs.send(Requests.siprecInvite().callId("b@x").remote("198.51.100.77").build());

    assertThat(responder.statuses()).containsExactly(100, 200);
    assertThat(srs.service.refusals).isEmpty();
  }

  @Test
  void ipv6SourcesAreMatchedToo() {
    assertThat(
            srs.send(Requests.siprecInvite().callId("c@x").remote("2001:db8:5::1").build())
                .statuses())
        .containsExactly(100, 200);
    assertThat(
            srs.send(Requests.siprecInvite().callId("d@x").remote("2001:db9::1").build())
                .statuses())
        .containsExactly(403);
  }

  @Test
  void withoutAnAllowlistEverySourceIsServed() {
    HandlerFixture open = new HandlerFixture(SipSettings.defaults("192.0.2.1", "192.0.2.1"));
    assertThat(
            open.send(Requests.siprecInvite().callId("e@x").remote("203.0.113.9").build())
                .statuses())
        .containsExactly(100, 200);
  }
}
