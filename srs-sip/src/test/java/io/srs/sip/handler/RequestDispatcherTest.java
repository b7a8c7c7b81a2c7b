package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.message.Reply;
import io.srs.sip.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestDispatcherTest {
  private final HandlerFixture fixture = new HandlerFixture();

  @ParameterizedTest
  @ValueSource(
      strings = {"REGISTER", "SUBSCRIBE", "NOTIFY", "MESSAGE", "REFER", "PUBLISH", "INFO", "PRACK"})
  void knownButUnimplementedMethodsGet405WithAllow(String method) {
    Reply reply = fixture.send(Requests.of(method).build()).last();

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.reason()).isEqualTo("Method Not Allowed");
    assertThat(reply.header("Allow")).isEqualTo("INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE");
  }

  @Test
  void unknownMethodGets501() {
    Reply reply = fixture.send(Requests.of("FOO").build()).last();

    assertThat(reply.status()).isEqualTo(501);
  }

  @Test
  void methodsAreCaseSensitive() {
    // RFC 3261 §7.1: "invite" is not INVITE.
    assertThat(fixture.send(Requests.of("invite").build()).last().status()).isEqualTo(501);
  }

  @Test
  void unknownRequireOptionTagGets420ListingItInUnsupported() {
    Reply reply =
        fixture
            .send(Requests.siprecInvite().header("Require", "100rel, Precondition").build())
            .last();

    assertThat(reply.status()).isEqualTo(420);
    assertThat(reply.header("Unsupported")).isEqualTo("100rel, precondition");
    assertThat(fixture.service.offers).isEmpty();
  }

  @Test
  void requireSiprecIsSupportedCaseInsensitively() {
    Reply reply = fixture.send(Requests.of("OPTIONS").header("Require", "SIPREC").build()).last();

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void optionsAdvertisesAllowAcceptSupportedAndTheSrsContact() {
    Reply reply = fixture.send(Requests.of("OPTIONS").build()).last();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Allow")).isEqualTo("INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE");
    assertThat(reply.header("Accept"))
        .isEqualTo(
            "application/sdp, multipart/mixed, application/rs-metadata+xml,"
                + " application/rs-metadata");
    assertThat(reply.header("Supported")).isEqualTo("siprec, timer");
    assertThat(reply.header("Contact")).endsWith(";+sip.srs");
  }

  @Test
  void optionsGets503WithRetryAfterWhenNoCallsAreTaken() {
    fixture.service.acceptingCalls = false;

    Reply reply = fixture.send(Requests.of("OPTIONS").build()).last();

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).isEqualTo("5");
    assertThat(reply.header("Allow")).isNotNull();
  }
}
