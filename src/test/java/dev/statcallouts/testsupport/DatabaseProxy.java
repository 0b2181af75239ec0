package dev.statcallouts.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A TCP proxy between the service and PostgreSQL that a test can freeze (bytes stop flowing both
 * ways, connections stay open: a database under SIGSTOP or a dead network path), cut (every
 * connection reset and new ones refused: a database that is down) and restore.
 */
public class DatabaseProxy implements QuarkusTestResourceLifecycleManager {

    private static final String TARGET_HOST = "127.0.0.1";
    private static final int TARGET_PORT = 5432;

    /** The proxy of the running test profile. */
    public static volatile DatabaseProxy current;

    private ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean frozen;
    private volatile boolean down;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        current = this;
        Thread acceptor = new Thread(this::accept, "database-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/statcallouts_test");
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        closeAll();
    }

    /** Bytes stop flowing; every connection stays open, as with a frozen server. */
    public void freeze() {
        frozen = true;
    }

    /** Every connection is reset and new ones are refused, as with a server that is down. */
    public void cut() {
        down = true;
        closeAll();
    }

    /** Back to normal: bytes flow, connections are accepted. */
    public void restore() {
        down = false;
        frozen = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket database = new Socket(TARGET_HOST, TARGET_PORT);
                sockets.add(client);
                sockets.add(database);
                pump(client, database);
                pump(database, client);
            } catch (IOException e) {
                // the server socket closed, or one connection failed: carry on with the others
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            while (frozen && !down) {
                                Thread.sleep(20);
                            }
                            if (down) {
                                break;
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // the connection ended
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "database-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeAll() {
        sockets.forEach(DatabaseProxy::close);
        sockets.clear();
    }

    private static void close(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
