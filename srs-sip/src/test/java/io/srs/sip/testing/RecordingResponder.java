package io.srs.sip.testing;

import io.srs.sip.handler.Responder;
import io.srs.sip.message.Reply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A responder that keeps what it was asked to send. */
public final class RecordingResponder implements Responder {
  public final List<Reply> sent = new CopyOnWriteArrayList<>();

  @Override
  public void send(Reply reply) {
    sent.add(reply);
  }

  public Reply last() {
    return sent.get(sent.size() - 1);
  }

  public List<Integer> statuses() {
    return sent.stream().map(Reply::status).toList();
  }
}
