package io.tenantry.adapters.web.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The files the public routes serve from the classpath, read once at startup: a missing one stops the server there. */
final class ClasspathFiles {

    private ClasspathFiles() {
    }

    static byte[] read(String resource) {
        try (InputStream in = ClasspathFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
