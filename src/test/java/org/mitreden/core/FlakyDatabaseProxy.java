package org.mitreden.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A TCP proxy between the service and PostgreSQL that a test can pull the plug on, to see the
 * service through a database outage without stopping the shared database server.
 */
public class FlakyDatabaseProxy implements QuarkusTestResourceLifecycleManager {

    /** The running proxy; the test and this resource share a class loader, so a static reaches it. */
    private static volatile FlakyDatabaseProxy running;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private int port;

    @Override
    public Map<String, String> start() {
        try {
            listen(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        running = this;
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/"
                + System.getenv().getOrDefault("MITREDEN_TEST_DB", "test") + "?connectTimeout=3&socketTimeout=30");
    }

    @Override
    public void stop() {
        setReachable(false);
        running = null;
    }

    public static void reachable(boolean up) {
        running.setReachable(up);
    }

    private synchronized void setReachable(boolean up) {
        try {
            if (up && server == null) {
                listen(port);
            } else if (!up && server != null) {
                server.close();
                server = null;
                for (Socket socket : open) {
                    closeQuietly(socket);
                }
                open.clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void listen(int wantedPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort));
        port = socket.getLocalPort();
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket database = new Socket("127.0.0.1", 5432);
                open.add(client);
                open.add(database);
                pump(client, database);
                pump(database, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went away: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "db-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
