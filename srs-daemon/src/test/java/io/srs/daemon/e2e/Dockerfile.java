package io.srs.daemon.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Dockerfile read the way {@code docker build} reads it, as far as the tests need: comments and
 * blank lines dropped, {@code \} continuations joined, instructions grouped into stages at each
 * {@code FROM}. Only what the image's tests look at is interpreted (exec-form JSON arrays, {@code
 * COPY} flags, {@code ENV} pairs); nothing here runs a build.
 */
final class Dockerfile {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One instruction: its keyword in upper case and the rest of its (joined) line. */
  record Instruction(String keyword, String arguments) {}

  /** A {@code COPY}: the stage it copies from (null for the build context), sources, target. */
  record Copy(String from, List<String> sources, String target) {}

  /** One build stage: {@code FROM image [AS name]} and the instructions after it. */
  record Stage(String image, String name, List<Instruction> instructions) {
    List<String> all(String keyword) {
      return instructions.stream()
          .filter(i -> i.keyword().equals(keyword))
          .map(Instruction::arguments)
          .toList();
    }

    /** The last instruction of {@code keyword}: the one in effect (USER, WORKDIR, CMD, ...). */
    Optional<String> last(String keyword) {
      List<String> all = all(keyword);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The exec form ({@code ["a", "b"]}) of the last {@code keyword}. The shell form is refused: it
     * runs under {@code /bin/sh -c}, which does not pass {@code docker stop}'s SIGTERM to java.
     */
    List<String> execForm(String keyword) throws IOException {
      String arguments =
          last(keyword).orElseThrow(() -> new AssertionError("no " + keyword + " in " + image));
      if (!arguments.startsWith("[")) {
        throw new AssertionError(
            keyword + " is in shell form (" + arguments + "); the exec form keeps java PID 1");
      }
      return JSON.readValue(arguments, new TypeReference<List<String>>() {});
    }

    List<Copy> copies() {
      List<Copy> copies = new ArrayList<>();
      for (String arguments : all("COPY")) {
        List<String> words = new ArrayList<>(Arrays.asList(arguments.trim().split("\\s+")));
        String from = null;
        while (words.get(0).startsWith("--")) {
          String flag = words.remove(0);
          if (flag.startsWith("--from=")) {
            from = flag.substring("--from=".length());
          }
        }
        String target = words.remove(words.size() - 1);
        copies.add(new Copy(from, List.copyOf(words), target));
      }
      return copies;
    }

    /** {@code ENV KEY=VALUE ...} and {@code ENV KEY VALUE}, unquoted. */
    Map<String, String> environment() {
      Map<String, String> environment = new LinkedHashMap<>();
      for (String arguments : all("ENV")) {
        String[] words = arguments.trim().split("\\s+");
        if (!words[0].contains("=")) {
          environment.put(words[0], arguments.trim().substring(words[0].length()).trim());
          continue;
        }
        for (String word : words) {
          int equals = word.indexOf('=');
          environment.put(word.substring(0, equals), word.substring(equals + 1));
        }
      }
      return environment;
    }
  }

  private final List<Stage> stages;

  private Dockerfile(List<Stage> stages) {
    this.stages = stages;
  }

  static Dockerfile read(Path file) throws IOException {
    List<Stage> stages = new ArrayList<>();
    List<Instruction> current = null;
    for (String line : logicalLines(Files.readAllLines(file))) {
      String[] split = line.split("\\s+", 2);
      String keyword = split[0].toUpperCase(Locale.ROOT);
      String arguments = split.length > 1 ? split[1].trim() : "";
      if (keyword.equals("FROM")) {
        String[] from = arguments.split("\\s+");
        String name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null;
        current = new ArrayList<>();
        stages.add(new Stage(from[0], name, current));
      } else if (current == null) {
        if (!keyword.equals("ARG")) {
          throw new AssertionError(keyword + " before the first FROM");
        }
      } else {
        current.add(new Instruction(keyword, arguments));
      }
    }
    return new Dockerfile(
        stages.stream()
            .map(s -> new Stage(s.image(), s.name(), List.copyOf(s.instructions())))
            .toList());
  }

  /** Drops comments and blank lines and joins lines ending in {@code \}. */
  private static List<String> logicalLines(List<String> physical) {
    List<String> lines = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : physical) {
      String trimmed = line.trim();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      lines.add(pending.toString().trim());
      pending.setLength(0);
    }
    if (pending.length() > 0) {
      lines.add(pending.toString().trim());
    }
    return lines;
  }

  List<Stage> stages() {
    return stages;
  }

  /** The stage the image is made of: the last one. */
  Stage finalStage() {
    return stages.get(stages.size() - 1);
  }

  Optional<Stage> stage(String name) {
    return stages.stream().filter(s -> name.equals(s.name())).findFirst();
  }
}
