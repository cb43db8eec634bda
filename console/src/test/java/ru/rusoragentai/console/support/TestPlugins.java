package ru.rusoragentai.console.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Plugins for tests: the bundled plugin jars the build put in {@code plugins/dist}, and plugin jars assembled
 * on the fly from test classes (broken ones included).
 */
public final class TestPlugins {

    public static final List<String> BUNDLED = List.of("ai-anthropic", "ai-gemini", "ai-openai", "pay-tribute");
    private static final Path SHARED = copyOfBundled();

    private TestPlugins() {
    }

    /** The plugins directory of the shared test context: a copy of the bundled jars. */
    public static Path sharedDir() {
        return SHARED;
    }

    /** A fresh directory holding copies of the four bundled plugin jars. */
    public static Path copyOfBundled() {
        String dist = System.getProperty("plugins.dist");
        if (dist == null) {
            throw new IllegalStateException("-Dplugins.dist is not set (the console's surefire configuration sets it)");
        }
        try {
            Path dir = Files.createTempDirectory("console-plugins");
            for (String id : BUNDLED) {
                Path jar = Path.of(dist, id + ".jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar + " is missing: build from the repository root (./mvnw -B verify) so "
                            + "the plugin modules are packaged before the console tests run");
                }
                Files.copy(jar, dir.resolve(jar.getFileName()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plugin jar built from test classes and signed by the tests' key, which the test contexts trust
     * ({@link #trustDir()}), so it loads at once on upload.
     *
     * @param pluginClass the Plugin-Class entry, or null for none
     * @param extensions  class names listed in META-INF/extensions.idx (they need not exist)
     * @param classes     classes copied into the jar
     */
    public static byte[] jar(String id, String requires, String pluginClass, List<String> extensions, Class<?>... classes) {
        return TestSigner.sign(unsignedJar(id, requires, pluginClass, extensions, classes));
    }

    /** The certificates the test contexts trust to sign plugins: the tests' own signing key. */
    public static Path trustDir() {
        return TestSigner.trustDir();
    }

    /** As {@link #jar}, but signed by nobody: on upload it waits for a second administrator. */
    public static byte[] unsignedJar(String id, String requires, String pluginClass, List<String> extensions, Class<?>... classes) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Provider", "Tests");
        main.putValue("Plugin-Description", "Test plugin " + id);
        main.putValue("Plugin-Requires", requires);
        if (pluginClass != null) {
            main.putValue("Plugin-Class", pluginClass);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jar.write(String.join("\n", extensions).getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            for (Class<?> type : classes) {
                String name = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(name));
                try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The jar files currently in a plugins directory. */
    public static List<String> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
