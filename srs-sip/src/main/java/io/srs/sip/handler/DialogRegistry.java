package io.srs.sip.handler;

import io.srs.core.session.RecordingId;
import io.srs.sip.message.DialogKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The dialogs in progress, by key and by recording. Bounded by the recording service's own session
 * limit. The map by key decides: a dialog is ours while it is there, and whoever removes it owns
 * its end; the map by recording only finds it for the domain's hang-up.
 */
public final class DialogRegistry {
  private final Map<DialogKey, Dialog> dialogs = new ConcurrentHashMap<>();
  private final Map<RecordingId, DialogKey> byRecording = new ConcurrentHashMap<>();

  public void register(Dialog dialog) {
    // Indexed first: a removal that follows the registration at once must find the entry to drop.
    byRecording.put(dialog.recordingId(), dialog.key());
    if (dialogs.putIfAbsent(dialog.key(), dialog) != null) {
      byRecording.remove(dialog.recordingId(), dialog.key());
      throw new IllegalStateException("dialog " + dialog.key() + " is already registered");
    }
  }

  /** The dialog that feeds recording {@code id}, while it is registered. */
  public Optional<Dialog> findByRecording(RecordingId id) {
    DialogKey key = byRecording.get(id);
    return key == null ? Optional.empty() : Optional.ofNullable(dialogs.get(key));
  }

  public Optional<Dialog> find(DialogKey key) {
    return key.localTag() == null ? Optional.empty() : Optional.ofNullable(dialogs.get(key));
  }

  /** Removes and returns the dialog; empty when it was not (or no longer) registered. */
  public Optional<Dialog> remove(DialogKey key) {
    return key.localTag() == null ? Optional.empty() : forget(dialogs.remove(key));
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
    return forget(removed[0]);
  }

  public int size() {
    return dialogs.size();
  }

  private Optional<Dialog> forget(Dialog removed) {
    if (removed != null) {
      byRecording.remove(removed.recordingId(), removed.key());
    }
    return Optional.ofNullable(removed);
  }
}
