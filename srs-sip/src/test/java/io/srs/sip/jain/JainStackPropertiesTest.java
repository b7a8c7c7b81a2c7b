package io.srs.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.SipSettings;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** JAIN-SIP ignores misspelt properties silently; this pins the names and values we rely on. */
class JainStackPropertiesTest {

  @Test
  void everyPropertyWeRelyOnIsSet() {
    Properties p =
        JainStackProperties.build(SipSettings.defaults("127.0.0.1", "127.0.0.1"), "srs-test");

    assertThat(p.getProperty("javax.sip.STACK_NAME")).isEqualTo("srs-test");
    assertThat(p.getProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT")).isEqualTo("on");
    assertThat(p.getProperty("gov.nist.javax.sip.REENTRANT_LISTENER")).isEqualTo("true");
    assertThat(p.getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE")).isEqualTo("8");
    assertThat(p.getProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE")).isEqualTo("1048576");
    assertThat(p.getProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE")).isEqualTo("65536");
    assertThat(p.getProperty("gov.nist.javax.sip.TRACE_LEVEL")).isEqualTo("4");
  }
}
