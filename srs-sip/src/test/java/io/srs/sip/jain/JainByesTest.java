package io.srs.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.message.DialogKey;
import org.junit.jupiter.api.Test;

class JainByesTest {

  @Test
  void theRiKeysAUasDialogByCallIdOurTagThenTheirsLowerCased() {
    DialogKey key = new DialogKey("A84b4c76e66710@Pc33.Example.com", "SrcTag-1", "OurTag9");

    assertThat(JainByes.dialogId(key))
        .isEqualTo("a84b4c76e66710@pc33.example.com:ourtag9:srctag-1");
  }

  @Test
  void aPeerWithoutAFromTagIsKeyedWithoutOne() {
    DialogKey key = new DialogKey("c1@src", null, "ours");

    assertThat(JainByes.dialogId(key)).isEqualTo("c1@src:ours");
  }
}
