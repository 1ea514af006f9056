package dev.s3inventory.testing;

import java.nio.file.Path;

/**
 * Files of the project outside a module (docs/, examples/) that tests read or regenerate. Maven passes the
 * checkout's root as {@code project.root}; run from an IDE without it, the working directory's parent is
 * taken when the working directory is a module, else the working directory.
 */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    public static Path root() {
        String property = System.getProperty("project.root", "");
        if (!property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return cwd.resolve("docs").toFile().isDirectory() ? cwd : cwd.getParent();
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
