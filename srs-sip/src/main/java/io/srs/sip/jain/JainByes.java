package io.srs.sip.jain;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPDialog;
import io.srs.sip.message.DialogKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BYEs we send ourselves (RFC 3261 §15.1.1), each in the RI's dialog for the call and in its
 * own client transaction. They go out from one thread of their own: callers are media, timer and
 * shutdown threads, and a TCP send may have to connect first. Their outcome is only logged: the
 * recording is already final, and a 481 or a timeout means the SRC has forgotten the call anyway;
 * the RI's dialog is deleted then, since no 2xx will terminate it.
 */
final class JainByes {
  private static final Logger log = LoggerFactory.getLogger(JainByes.class);

  /**
   * How long {@link #close} waits for the answers to BYEs in flight. An SRC answers within
   * milliseconds; one that is gone must not hold the shutdown for Timer F (64*T1 = 32 s).
   */
  static final Duration ANSWER_WAIT = Duration.ofSeconds(2);

  private final SipStackImpl stack;
  private final HeaderFactory headers;
  private final Header userAgent;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "srs-sip-bye");
            thread.setDaemon(true);
            return thread;
          });

  /** Guarded by {@code this}; bounded by the dialogs in progress, one BYE each. */
  private final Set<ClientTransaction> inFlight = new HashSet<>();

  JainByes(SipStackImpl stack, HeaderFactory headers, Header userAgent) {
    this.stack = stack;
    this.headers = headers;
    this.userAgent = userAgent;
  }

  /** Queues a BYE in {@code key}'s dialog with {@code reason} as its Reason header value. */
  void send(DialogKey key, String reason) {
    try {
      sender.execute(() -> sendNow(key, reason));
    } catch (RejectedExecutionException stopping) {
      log.debug("BYE in {} not sent: SIP is stopping", key);
    }
  }

  private void sendNow(DialogKey key, String reason) {
    SIPDialog dialog = stack.getDialog(dialogId(key));
    if (dialog == null) {
      log.debug("BYE in {} not sent: the stack has no such dialog", key);
      return;
    }
    ClientTransaction transaction = null;
    try {
      Request bye = dialog.createRequest(Request.BYE);
      bye.addHeader(headers.createHeader("Reason", reason));
      bye.setHeader(userAgent);
      transaction = dialog.getSipProvider().getNewClientTransaction(bye);
      track(transaction);
      dialog.sendRequest(transaction);
    } catch (Exception e) {
      // SipException, ParseException: the dialog cannot carry a BYE (already ending).
      if (transaction != null) {
        settle(transaction);
      }
      log.debug("BYE in {} not sent: {}", key, e.toString());
      dialog.delete();
    }
  }

  /** A response from the stack; handled when it is the final answer to one of our BYEs. */
  void responded(ResponseEvent event) {
    Response response = event.getResponse();
    ClientTransaction transaction = event.getClientTransaction();
    if (transaction == null || response.getStatusCode() < 200 || !isBye(response)) {
      return;
    }
    if (!settle(transaction)) {
      return;
    }
    if (response.getStatusCode() >= 300) {
      log.debug(
          "BYE answered {} {}; dialog forgotten",
          response.getStatusCode(),
          response.getReasonPhrase());
      deleteDialog(transaction.getDialog());
    }
  }

  /** A client transaction timed out; handled when it is one of our BYEs (Timer F). */
  void timedOut(TimeoutEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    if (event.isServerTransaction() || transaction == null || !settle(transaction)) {
      return;
    }
    log.debug("BYE unanswered (timeout); dialog forgotten");
    deleteDialog(transaction.getDialog());
  }

  /**
   * Sends the BYEs still queued, then waits, within {@code wait} in all, until every BYE sent has
   * its answer: called before the stack stops, so a drain's BYEs reach the SRCs and are answered.
   */
  void close(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    sender.shutdown();
    sender.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    synchronized (this) {
      while (!inFlight.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log.info("stopping with {} BYE(s) unanswered", inFlight.size());
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }

  private synchronized void track(ClientTransaction transaction) {
    inFlight.add(transaction);
  }

  /** Forgets a BYE transaction; false when it was not (or no longer) one of ours. */
  private synchronized boolean settle(ClientTransaction transaction) {
    boolean ours = inFlight.remove(transaction);
    if (inFlight.isEmpty()) {
      notifyAll();
    }
    return ours;
  }

  private static boolean isBye(Response response) {
    CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
    return cseq != null && Request.BYE.equals(cseq.getMethod());
  }

  private static void deleteDialog(Dialog dialog) {
    if (dialog != null) {
      dialog.delete();
    }
  }

  /**
   * The RI's id for a dialog in which we are the UAS: Call-ID, our (To) tag, the remote (From) tag,
   * lower-cased as the RI does ({@code SIPMessage.getDialogId(true)}).
   */
  static String dialogId(DialogKey key) {
    StringBuilder id = new StringBuilder(key.callId());
    if (key.localTag() != null) {
      id.append(':').append(key.localTag());
    }
    if (!key.remoteTag().isEmpty()) {
      id.append(':').append(key.remoteTag());
    }
    return id.toString().toLowerCase();
  }
}
