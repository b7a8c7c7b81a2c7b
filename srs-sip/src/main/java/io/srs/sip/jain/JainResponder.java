package io.srs.sip.jain;

import io.srs.sip.handler.Responder;
import io.srs.sip.message.Reply;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends our {@link Reply} values as JAIN-SIP responses within one server transaction. */
final class JainResponder implements Responder {
  private static final Logger log = LoggerFactory.getLogger(JainResponder.class);

  private final ServerTransaction transaction;
  private final Request request;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final Header server;
  private final RandomGenerator random;

  JainResponder(
      ServerTransaction transaction,
      Request request,
      MessageFactory messages,
      HeaderFactory headers,
      Header server,
      RandomGenerator random) {
    this.transaction = transaction;
    this.request = request;
    this.messages = messages;
    this.headers = headers;
    this.server = server;
    this.random = random;
  }

  @Override
  public void send(Reply reply) {
    try {
      transaction.sendResponse(toResponse(reply));
    } catch (Exception e) {
      // The transaction layer reports lost peers itself; a reply we fail to build is our bug.
      log.warn(
          "could not send {} to {} {}: {}", reply, request.getMethod(), callId(), e.toString());
    }
  }

  private Response toResponse(Reply reply) throws ParseException {
    Response response = messages.createResponse(reply.status(), request);
    response.setReasonPhrase(reply.reason());
    ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
    if (reply.status() > 100 && to.getTag() == null) {
      // RFC 3261 §8.2.6.2: every response but 100 carries a To tag.
      to.setTag(
          reply.toTag() != null ? reply.toTag() : HexFormat.of().toHexDigits(random.nextLong()));
    }
    for (Reply.Header header : reply.headers()) {
      for (Header jain : create(header)) {
        response.addHeader(jain);
      }
    }
    response.setHeader(server);
    if (reply.contentType() != null) {
      ContentTypeHeader type =
          (ContentTypeHeader) headers.createHeader(ContentTypeHeader.NAME, reply.contentType());
      response.setContent(reply.body(), type);
    }
    return response;
  }

  /** One header, or several for list headers (Allow, Accept...) that the RI parses as lists. */
  private List<Header> create(Reply.Header header) throws ParseException {
    try {
      return List.of(headers.createHeader(header.name(), header.value()));
    } catch (ParseException singletonOnly) {
      @SuppressWarnings("unchecked")
      List<Header> list =
          ((gov.nist.javax.sip.header.HeaderFactoryImpl) headers)
              .createHeaders(header.name() + ": " + header.value());
      return list;
    }
  }

  private String callId() {
    Header callId = request.getHeader("Call-ID");
    return callId == null ? "?" : callId.toString().trim();
  }
}
