package org.mitreden.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the scripts in src/test/browser with node against a test's service: each drives the pages in Debian's
 * headless Chromium through playwright-core and fails with its output when a check fails.
 */
final class BrowserScripts {

    private static final Path SCRIPTS = Path.of("src", "test", "browser");
    private static final Path LOGS = Path.of("target", "browser-tests");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(8);

    private BrowserScripts() {
    }

    /** Where node, Chromium or the npm packages are missing, the test is skipped, or fails when CI is set. */
    static void requireBrowser() {
        List<String> missing = new ArrayList<>();
        if (!succeeds("node", "-e", "process.exit(Number(process.versions.node.split('.')[0]) >= 20 ? 0 : 1)")) {
            missing.add("node 20 or newer");
        }
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            missing.add("Chromium at " + chromium + " (Debian: apt-get install chromium)");
        }
        if (missing.isEmpty() && !Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))
                && succeeds("npm", "--version")) {
            // The pinned packages of package-lock.json; playwright-core brings no browser of its own.
            succeeds("npm", "ci", "--prefix", SCRIPTS.toString(), "--ignore-scripts", "--no-audit", "--no-fund");
        }
        if (missing.isEmpty() && !Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
            missing.add("the npm packages of src/test/browser (npm ci there)");
        }
        if (!missing.isEmpty()) {
            String message = "Browser tests need " + String.join(", ", missing) + "; bash .ci/run installs them";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Runs one script with the service's address, a kiosk token to set kiosks up with (or null), and its variables. */
    static void run(URL base, String kioskToken, String script, Map<String, String> variables)
            throws IOException, InterruptedException {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(script.replace(".mjs", ".log"));
        ProcessBuilder builder = new ProcessBuilder("node", script)
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("BASE_URL", base.toString());
        if (kioskToken != null) {
            environment.put("KIOSK_TOKEN", kioskToken);
        }
        environment.putAll(variables);
        Process node = builder.start();
        boolean finished = node.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("---- " + script + "\n" + output);
        assertThat(finished).as("%s finished within %s:%n%s", script, SCRIPT_TIMEOUT, output).isTrue();
        assertThat(node.exitValue()).as("%s failed:%n%s", script, output).isZero();
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }
}
