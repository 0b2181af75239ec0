package dev.statcallouts.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real WordPress for the tests: Debian's {@code wordpress} package (6.1) served by PHP's built-in
 * server, on its own MariaDB database (127.0.0.1:3306, root), with the twentytwentyone theme.
 * The site is seen through a directory of symbolic links to {@code /usr/share/wordpress} that holds
 * the test's own {@code wp-config.php}, so nothing outside the build's temporary files is changed.
 * Its one must-use plugin lets WordPress fetch oEmbed from our service on localhost.
 */
public final class WordPress implements AutoCloseable {

    private static final Path INSTALLED = Path.of("/usr/share/wordpress");
    private static final String DATABASE = "statcallouts_wp";

    public final String url;
    /** The post with the permalink alone on a line (classic auto-embed). */
    public final int classicPost;
    /** The post with the block editor's embed block. */
    public final int blockPost;

    private final Process server;
    private final Path root;
    private final Path tools;

    /** Installs a fresh site whose two posts embed {@code permalink}, served by our service on {@code servicePort}. */
    public WordPress(String permalink, int servicePort) throws Exception {
        root = Files.createTempDirectory("statcallouts-wp");
        try (Stream<Path> entries = Files.list(INSTALLED)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals("wp-config.php") && !name.equals("wp-content")) {
                    Files.createSymbolicLink(root.resolve(name), entry);
                }
            }
        }
        Path content = Files.createDirectories(root.resolve("wp-content"));
        Files.createSymbolicLink(content.resolve("themes"), INSTALLED.resolve("wp-content/themes"));
        Files.createSymbolicLink(content.resolve("plugins"), INSTALLED.resolve("wp-content/plugins"));
        Files.createDirectories(content.resolve("uploads"));
        Path muPlugins = Files.createDirectories(content.resolve("mu-plugins"));
        copy("wp-config.php", root.resolve("wp-config.php"));
        copy("local-provider.php", muPlugins.resolve("local-provider.php"));
        // Outside the site: not served, and not the wp-content/install.php WordPress would run itself.
        tools = Files.createTempDirectory("statcallouts-wp-tools");
        Path router = copy("router.php", tools.resolve("router.php"));
        Path setup = copy("setup-site.php", tools.resolve("setup-site.php"));

        run(
                "mariadb",
                "-h",
                "127.0.0.1",
                "-P",
                "3306",
                "-u",
                "root",
                "-e",
                "DROP DATABASE IF EXISTS " + DATABASE + "; CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        Map<String, String> env = Map.of(
                "SC_WP_ROOT", root.toString(),
                "SC_WP_DB", DATABASE,
                "SC_WP_URL", url,
                "SC_SERVICE_PORT", String.valueOf(servicePort),
                "SC_PERMALINK", permalink);
        List<String> lines = run(env, "php", setup.toString()).strip().lines().toList();
        String[] ids = lines.get(lines.size() - 1).split(" ");
        classicPost = Integer.parseInt(ids[0]);
        blockPost = Integer.parseInt(ids[1]);

        ProcessBuilder serve = new ProcessBuilder("php", "-S", "127.0.0.1:" + port, router.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "wordpress-server.log").toFile());
        serve.environment().putAll(env);
        server = serve.start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                get("/");
                break;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("WordPress did not answer on " + url, notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    public String postUrl(int post) {
        return url + "/?p=" + post;
    }

    /** A page of the site as WordPress renders it (the first view of a post also fetches its oEmbed). */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() throws Exception {
        server.destroy();
        server.waitFor();
        run("mariadb", "-h", "127.0.0.1", "-P", "3306", "-u", "root", "-e", "DROP DATABASE IF EXISTS " + DATABASE);
        for (Path dir : List.of(root, tools)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = WordPress.class.getResourceAsStream("/wordpress/" + resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static String run(String... command) throws Exception {
        return run(Map.of(), command);
    }

    private static String run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
