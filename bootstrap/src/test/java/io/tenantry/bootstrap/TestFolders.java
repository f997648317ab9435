package io.tenantry.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Folders tests make for the programs they start, removed afterwards. */
final class TestFolders {

    private TestFolders() {
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
