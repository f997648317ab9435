package io.tenantry.adapters.persistence.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay on loopback that a test puts between the service and a server (PostgreSQL) to inject network faults:
 * {@link #cut()} breaks every open connection and refuses new ones until {@link #restore()}; {@link #loseReplyTo}
 * lets the next request containing some text reach the server, then drops the server's reply and the connection,
 * as a commit whose acknowledgement is lost in flight. Each connection is two virtual threads copying bytes.
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> loseReplyTo = new AtomicReference<>();
    private volatile boolean cut;
    private volatile boolean closed;

    /** One relayed connection. */
    private final class Link {
        final Socket client;
        final Socket server;
        volatile boolean replyLost;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            Thread.ofVirtual().name("relay-up").start(() -> pump(client, server, true));
            Thread.ofVirtual().name("relay-down").start(() -> pump(server, client, false));
        }

        private void pump(Socket from, Socket to, boolean upstream) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    if (!upstream && replyLost) {
                        continue;
                    }
                    // decided before the request goes on: the server's reply may come back before the write returns
                    if (upstream && matchesLostReply(buffer, read)) {
                        replyLost = true;
                        Thread.ofVirtual().start(() -> {
                            sleep(300);
                            close();
                        });
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException broken) {
                // the other side or the test closed the link
            } finally {
                close();
            }
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
            links.remove(this);
        }
    }

    private TcpRelay(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("relay-accept").start(this::acceptLoop);
    }

    /** A relay to {@code host:port}, listening on a free loopback port. */
    public static TcpRelay to(String host, int port) {
        try {
            return new TcpRelay(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A relay to the server of a {@code jdbc:postgresql://host:port/db} URL. */
    public static TcpRelay toJdbcUrl(String jdbcUrl) {
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        return to(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    /** {@code jdbcUrl} with its host and port replaced by this relay's. */
    public String relayed(String jdbcUrl) {
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        String rest = jdbcUrl.substring(jdbcUrl.indexOf('/', "jdbc:postgresql://".length()));
        return "jdbc:" + uri.getScheme() + "://127.0.0.1:" + port() + rest;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Breaks every open connection and refuses new ones (they are closed as soon as they arrive). */
    public void cut() {
        cut = true;
        for (Link link : Set.copyOf(links)) {
            link.close();
        }
    }

    /** Relays new connections again. */
    public void restore() {
        cut = false;
    }

    /** The connections relayed now. */
    public int openLinks() {
        return links.size();
    }

    /**
     * The next request whose bytes contain {@code text} reaches the server; the server's reply never reaches the
     * client, and the connection is closed shortly after.
     */
    public void loseReplyTo(String text) {
        loseReplyTo.set(text);
    }

    private boolean matchesLostReply(byte[] buffer, int length) {
        String text = loseReplyTo.get();
        if (text == null || !new String(buffer, 0, length, StandardCharsets.ISO_8859_1).contains(text)) {
            return false;
        }
        return loseReplyTo.compareAndSet(text, null);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                try {
                    server.connect(target, 2_000);
                } catch (IOException unreachable) {
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                links.add(link);
                if (cut) {
                    // accepted just before a cut that had already closed the links it saw
                    link.close();
                    continue;
                }
                link.start();
            } catch (IOException stopped) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cut();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already broken
        }
    }
}
