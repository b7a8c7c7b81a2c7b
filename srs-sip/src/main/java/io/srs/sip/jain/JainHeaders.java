package io.srs.sip.jain;

import gov.nist.javax.sip.header.SIPHeader;
import io.srs.sip.message.SipHeaders;
import java.util.Iterator;
import java.util.ListIterator;
import javax.sip.header.Header;
import javax.sip.message.Message;

/** Copies a JAIN-SIP message's headers into our immutable {@link SipHeaders}. */
final class JainHeaders {
  private JainHeaders() {}

  static SipHeaders of(Message message) {
    SipHeaders.Builder builder = SipHeaders.builder();
    ListIterator<?> names = message.getHeaderNames();
    while (names.hasNext()) {
      String name = (String) names.next();
      Iterator<?> headers = message.getHeaders(name);
      while (headers.hasNext()) {
        Header header = (Header) headers.next();
        builder.add(header.getName(), valueOf(header));
      }
    }
    return builder.build();
  }

  private static String valueOf(Header header) {
    if (header instanceof SIPHeader sip) {
      return sip.getHeaderValue();
    }
    String line = header.toString().trim();
    int colon = line.indexOf(':');
    return colon < 0 ? line : line.substring(colon + 1).trim();
  }
}
