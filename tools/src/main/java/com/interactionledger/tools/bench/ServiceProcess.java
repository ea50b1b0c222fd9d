package com.interactionledger.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service of the ledger in a JVM of its own, started from the application jar, as the benchmarks and drills
 * measure it: its own heap limit, its own CPU time (read from /proc), a log file, and a JFR profile when asked.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("deploy/target/interaction-ledger.jar");
    /** The tools' jar: the same service, plus the H2 driver of the embedded default, which the image does not carry. */
    static final Path TOOLS_JAR = Path.of("tools/target/ledger-tools.jar");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} from the jar with these JVM options and application arguments, and waits until it
     * answers ready on {@code port}.
     */
    public static ServiceProcess start(String name, String mainClass, int port, List<String> jvmOptions, List<String> args,
                                Path logDirectory) throws IOException {
        return start(JAR, name, mainClass, port, jvmOptions, args, logDirectory);
    }

    /** The same, from {@code jar} ({@link #JAR}, or {@link #TOOLS_JAR} for the embedded H2 default). */
    public static ServiceProcess start(Path jar, String name, String mainClass, int port, List<String> jvmOptions,
                                       List<String> args, Path logDirectory) throws IOException {
        return start(jar, name, mainClass, port, jvmOptions, args, Map.of(), logDirectory);
    }

    /**
     * The same, with variables added to the service's environment: how it is handed a secret (the database
     * password), which its command line would show to every user of the machine.
     */
    public static ServiceProcess start(Path jar, String name, String mainClass, int port, List<String> jvmOptions,
                                       List<String> args, Map<String, String> environment, Path logDirectory)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -DskipTests package)");
        }
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-Dloader.main=" + mainClass, "-cp",
                jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--server.port=" + port, "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        ServiceProcess service = new ServiceProcess(name, process, port, log);
        service.awaitReady(Duration.ofMinutes(3));
        return service;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** User + system CPU time the process has used so far, in seconds (Linux). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12), in clock ticks of 1/100 s
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** SIGKILL: no shutdown hook, nothing flushed — what a crash is. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            try (WireHttp http = new WireHttp(port)) {
                if (http.send("GET", "/actuator/health/readiness", null, null, null, false).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            LocalTopology.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }
}
