package io.srs.storage.wav;

import java.nio.file.Path;

/**
 * A finished track file.
 *
 * @param file where it lies
 * @param fileBytes the file's size: header, samples and pad byte
 * @param samples sample frames stored
 * @param dataBytes the data chunk's size
 */
public record WrittenTrack(Path file, long fileBytes, long samples, long dataBytes) {}
