package io.srs.sip.handler;

import io.srs.sip.message.DialogKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The dialogs in progress, by key. Bounded by the recording service's own session limit. */
public final class DialogRegistry {
  private final Map<DialogKey, Dialog> dialogs = new ConcurrentHashMap<>();

  public void register(Dialog dialog) {
    if (dialogs.putIfAbsent(dialog.key(), dialog) != null) {
      throw new IllegalStateException("dialog " + dialog.key() + " is already registered");
    }
  }

  public Optional<Dialog> find(DialogKey key) {
    return key.localTag() == null ? Optional.empty() : Optional.ofNullable(dialogs.get(key));
  }

  /** Removes and returns the dialog; empty when it was not (or no longer) registered. */
  public Optional<Dialog> remove(DialogKey key) {
    return key.localTag() == null ? Optional.empty() : Optional.ofNullable(dialogs.remove(key));
  }

  /** Removes the dialog only if {@code condition} holds for it, atomically. */
  public Optional<Dialog> removeIf(DialogKey key, Predicate<Dialog> condition) {
    if (key.localTag() == null) {
      return Optional.empty();
    }
    Dialog[] removed = new Dialog[1];
    dialogs.computeIfPresent(
        key,
        (k, dialog) -> {
          if (condition.test(dialog)) {
            removed[0] = dialog;
            return null;
          }
          return dialog;
        });
    return Optional.ofNullable(removed[0]);
  }

  public int size() {
    return dialogs.size();
  }
}
