package io.tenantry.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Folders tests make for the programs they start, removed afterwards. */
final class TestFolders {

    private TestFolders() {
    }

    /** Deletes {@code folder} and everything in it; a symbolic link inside is removed, not followed. */
    static void delete(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
