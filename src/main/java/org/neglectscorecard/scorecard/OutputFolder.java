package org.neglectscorecard.scorecard;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's output folder, written beside the real one and swapped in only when complete, so a
 * locked workbook or a full disk leaves the previous outputs as they were. The outputs a re-run
 * replaces are kept beside the new ones ({@code 2026-03-31-replaced-2026-12-02T070512}).
 */
public final class OutputFolder {

    private final Path target;
    private final Path staging;

    public OutputFolder(Path target) throws IOException {
        this.target = target;
        Files.createDirectories(target.getParent());
        this.staging = target.resolveSibling("." + target.getFileName() + ".writing-" + ProcessHandle.current().pid());
        deleteTree(staging);
        abandonedStaging();
        Files.createDirectories(staging);
    }

    /**
     * The staging folders of runs of this period that were stopped while writing (Ctrl-C, a power cut):
     * hidden, half-written, and left beside the outputs for good unless taken away here. Only a process
     * no longer running could have left one (two runs of a period never write at once: RunLock).
     */
    private void abandonedStaging() throws IOException {
        String prefix = "." + target.getFileName() + ".writing-";
        try (java.util.stream.Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                String pid = p.getFileName().toString().substring(prefix.length());
                boolean running = pid.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!running) {
                    deleteTree(p);
                }
            }
        }
    }

    /** Where to write: a staging folder, not yet the real one. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Replaces the previous outputs with the new ones; on failure the previous ones stay. */
    public void commit() throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + ".previous-" + ProcessHandle.current().pid());
        deleteTree(old);
        boolean hadPrevious = Files.exists(target);
        try {
            if (hadPrevious) {
                move(target, old);
            }
        } catch (FileSystemException e) {
            deleteTree(staging);
            throw new IOException("The previous outputs in " + target + " could not be replaced: a file in it is open "
                    + "(is the workbook open in Excel?). Close it and run again; the previous outputs are unchanged.", e);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (hadPrevious) {
                move(old, target);
            }
            throw e;
        }
        if (hadPrevious) {
            keep(old);
        }
    }

    /**
     * The outputs a run replaced are kept beside it, named for when they were replaced: a board may
     * have read them, and a scrutineer asks what it read.
     */
    private void keep(Path old) throws IOException {
        String when = java.time.LocalDateTime.now().withNano(0).toString().replace(":", "");
        Path kept = target.resolveSibling(target.getFileName() + "-replaced-" + when);
        try {
            move(old, kept);
        } catch (IOException e) {
            deleteTree(old);   // the new outputs are in place; losing the old copy is not worth failing the run
        }
    }

    /** The earlier outputs kept beside an output folder, oldest first. */
    public static List<Path> replaced(Path target) throws IOException {
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith(target.getFileName() + "-replaced-")).sorted().toList();
        }
    }

    /** Gives up: the staging folder goes, the previous outputs stay. */
    public void abandon() {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            // leaving a hidden staging folder behind is harmless; the next run replaces it
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
