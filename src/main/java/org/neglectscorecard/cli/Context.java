package org.neglectscorecard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.neglectscorecard.ScorecardApplication;
import org.neglectscorecard.store.DatabaseSetup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context a command needs, on the chosen database folder. */
final class Context {

    private Context() {
    }

    /** The database folder of the command running, once chosen: where its log is, for a message. */
    private static volatile Path started;

    /** This command's log file, or where it would be by default. */
    static Path logFile() {
        Path data = started;
        return (data == null ? Path.of("data") : data).resolve("logs").resolve("scorecard.log");
    }

    static ConfigurableApplicationContext start(Path dataDir, Map<String, Object> extra) {
        Path data = prepare(dataDir);
        started = data;
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("scorecard.data-dir", data.toString());
        // Passed as arguments: unlike default properties, they override application.properties.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try {
            return new SpringApplicationBuilder(ScorecardApplication.class).logStartupInfo(false).run(args);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DatabaseSetup.SchemaOutOfDateException) {
                    throw new CliException(t.getMessage().replace("the database folder", "the database folder " + data));
                }
            }
            throw e;
        }
    }

    /** The database folder, made if need be, readable by its owner only; as an absolute path. */
    static Path prepare(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(data);
            // Child-level data lives here: readable by its owner only.
            if (data.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new CliException("The database folder " + data + " could not be created: " + e.getMessage());
        }
        return data;
    }
}
