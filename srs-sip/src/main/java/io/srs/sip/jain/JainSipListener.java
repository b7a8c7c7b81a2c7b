package io.srs.sip.jain;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.SipListenerExt;
import io.srs.sip.SipTransport;
import io.srs.sip.handler.Replies;
import io.srs.sip.handler.RequestDispatcher;
import io.srs.sip.handler.Responder;
import io.srs.sip.message.DialogKey;
import io.srs.sip.message.InboundRequest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.random.RandomGenerator;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JAIN-SIP listener: turns each event into a call on the {@link RequestDispatcher}. Holds
 * no call state; everything stateful lives in the handlers.
 */
final class JainSipListener implements SipListenerExt {
  private static final Logger log = LoggerFactory.getLogger(JainSipListener.class);

  private final RequestDispatcher dispatcher;
  private final Map<SipProvider, SipTransport> transports;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final Header server;
  private final Clock clock;
  private final RandomGenerator random;
  private final JainByes byes;

  JainSipListener(
      RequestDispatcher dispatcher,
      Map<SipProvider, SipTransport> transports,
      MessageFactory messages,
      HeaderFactory headers,
      Header server,
      Clock clock,
      RandomGenerator random,
      JainByes byes) {
    this.dispatcher = dispatcher;
    this.transports = transports;
    this.messages = messages;
    this.headers = headers;
    this.server = server;
    this.clock = clock;
    this.random = random;
    this.byes = byes;
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    SipProvider provider = (SipProvider) event.getSource();
    try {
      InboundRequest inbound = convert(event, provider);
      if (Request.ACK.equals(request.getMethod())) {
        dispatcher.dispatch(inbound, Responder.NONE);
        return;
      }
      ServerTransaction transaction = event.getServerTransaction();
      if (transaction == null) {
        transaction = provider.getNewServerTransaction(request);
      }
      dispatcher.dispatch(
          inbound, new JainResponder(transaction, request, messages, headers, server, random));
    } catch (TransactionAlreadyExistsException e) {
      log.debug("retransmission absorbed: {}", request.getMethod());
    } catch (TransactionUnavailableException e) {
      // The RI refuses a transaction for a request missing a mandatory header: say so.
      rejectStatelessly(provider, request, e.getMessage());
    } catch (Exception e) {
      // Never let an exception escape into the stack's thread; the peer will retransmit.
      log.warn("could not handle {}: {}", request.getMethod(), e.toString(), e);
    }
  }

  private void rejectStatelessly(SipProvider provider, Request request, String why) {
    log.info("refused {} statelessly: {}", request.getMethod(), why);
    try {
      Response response = messages.createResponse(Response.BAD_REQUEST, request);
      String detail = why == null ? "malformed request" : why.replaceAll("[\\x00-\\x1f]+", " ");
      response.setReasonPhrase(Replies.phrase(400) + " - " + detail);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (to != null && to.getTag() == null) {
        to.setTag(HexFormat.of().toHexDigits(random.nextLong()));
      }
      response.setHeader(server);
      provider.sendResponse(response);
    } catch (Exception e) {
      log.debug("could not refuse {}: {}", request.getMethod(), e.toString());
    }
  }

  private InboundRequest convert(RequestEvent event, SipProvider provider) {
    String ip = null;
    int port = 0;
    if (event instanceof RequestEventExt ext) {
      ip = ext.getRemoteIpAddress();
      port = ext.getRemotePort();
    }
    SipTransport transport = transports.getOrDefault(provider, SipTransport.UDP);
    return JainRequests.convert(event.getRequest(), transport, ip, port, clock.instant());
  }

  @Override
  public void processDialogTimeout(DialogTimeoutEvent event) {
    Dialog dialog = event.getDialog();
    if (event.getReason() != DialogTimeoutEvent.Reason.AckNotReceived || dialog == null) {
      log.debug("dialog timeout {} ignored", event.getReason());
      return;
    }
    // RFC 3261 §13.3.1.4: the session SHOULD be terminated with a BYE; the AckTimeout sends it,
    // unless its own timer already has.
    dispatcher.ackTimedOut(keyOf(dialog));
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    Dialog dialog = event.getDialog();
    if (dialog != null && dialog.getLocalTag() != null) {
      dispatcher.dialogTerminated(keyOf(dialog));
    }
  }

  private static DialogKey keyOf(Dialog dialog) {
    return new DialogKey(
        dialog.getCallId().getCallId(), dialog.getRemoteTag(), dialog.getLocalTag());
  }

  @Override
  public void processResponse(ResponseEvent event) {
    // Only answers to the BYEs we send arrive here: we send no other request.
    byes.responded(event);
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    log.debug("transaction timeout: {}", event.getTimeout());
    byes.timedOut(event);
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    log.warn(
        "SIP I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // PendingInvites keeps finished INVITEs for 64*T1 by itself.
  }
}
