package io.tenantry.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Folders tests make for the programs they start, removed afterwards. */
final class TestFolders {

    private TestFolders() {
    }

    /** A new temporary folder, deleted with what it holds when the test JVM ends (for folders shared by a class). */
    static Path temporary(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                delete(folder);
            } catch (IOException | RuntimeException leftBehind) {
                System.err.println("could not delete " + folder + ": " + leftBehind);
            }
        }, "delete-" + folder.getFileName()));
        return folder;
    }

    /**
     * Deletes {@code folder} and everything in it; a symbolic link inside is removed, not followed. What cannot be
     * deleted fails the test, so that a test cannot leave files (or a mount) behind unnoticed.
     */
    static void delete(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
