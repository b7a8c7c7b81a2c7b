package io.srs.core.fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The built-in SRC profiles, shipped as resource files beside this class. */
public final class Profiles {
  /** The resource folder, relative to this class. */
  static final String FOLDER = "profiles/";

  /** Lists the profile files in the order they are tried: most specific first, generic last. */
  static final String INDEX = FOLDER + "profiles.list";

  /** The name of the catch-all profile. */
  public static final String GENERIC = "generic";

  private Profiles() {}

  /**
   * The built-in profiles in the order they are tried (the order of {@code profiles.list}).
   *
   * @throws IllegalStateException when a built-in file is missing or malformed: a build defect
   */
  public static List<Profile> builtIn() {
    List<Profile> profiles = new ArrayList<>();
    for (String line : read(INDEX).split("\r?\n")) {
      String file = line.strip();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      try {
        profiles.add(ProfileParser.parse(file, read(FOLDER + file)));
      } catch (ProfileSyntaxException e) {
        throw new IllegalStateException("built-in profile is malformed: " + e.getMessage(), e);
      }
    }
    return List.copyOf(profiles);
  }

  private static String read(String resource) {
    try (InputStream in = Profiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in profile resource missing: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in profile " + resource, e);
    }
  }
}
