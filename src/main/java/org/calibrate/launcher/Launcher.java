package org.calibrate.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code calibrate.jar}: turns the documented environment settings into Payara Micro
 * options, then hands over to Payara Micro.
 *
 * <p>Payara Micro on its own binds HTTP to every interface and starts Hazelcast with multicast
 * discovery on the first network card. A school server must not do that by accident, so the safe
 * defaults (loopback HTTP, loopback-only data grid, no phone-home) live here, where nobody can
 * forget them; listening publicly and clustering are explicit settings (docs/configuration.md).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        LauncherSettings settings = LauncherSettings.from(System.getenv());
        settings.systemProperties().forEach(System::setProperty);
        List<String> payaraArgs = new ArrayList<>(settings.payaraArguments(
                writeTemp("calibrate-preboot", ".txt", settings.prebootCommands()),
                copyResource("logging.properties")));
        payaraArgs.addAll(Arrays.asList(args));
        Class<?> payara = Class.forName("fish.payara.micro.PayaraMicro");
        Method main = payara.getMethod("main", String[].class);
        main.invoke(null, (Object) payaraArgs.toArray(String[]::new));
    }

    private static Path writeTemp(String prefix, String suffix, String content) throws IOException {
        Path file = Files.createTempFile(prefix, suffix);
        file.toFile().deleteOnExit();
        return Files.writeString(file, content);
    }

    private static Path copyResource(String name) throws IOException {
        Path file = Files.createTempFile("calibrate-", "-" + name);
        file.toFile().deleteOnExit();
        try (InputStream in = Launcher.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("launcher resource missing: " + name);
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
