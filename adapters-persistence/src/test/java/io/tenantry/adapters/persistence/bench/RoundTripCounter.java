package io.tenantry.adapters.persistence.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay in front of PostgreSQL that counts round trips: every time the client speaks after the
 * server has answered counts as one. Benchmarks point their connections at it to report round trips per call.
 */
final class RoundTripCounter implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final AtomicLong roundTrips = new AtomicLong();

    RoundTripCounter(String targetHost, int targetPort) throws IOException {
        this.listener = new ServerSocket();
        this.listener.bind(new InetSocketAddress("127.0.0.1", 0));
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    long roundTrips() {
        return roundTrips.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                AtomicBoolean serverSpokeLast = new AtomicBoolean(true);
                Thread.ofVirtual().start(() -> pump(client, server, serverSpokeLast, true));
                Thread.ofVirtual().start(() -> pump(server, client, serverSpokeLast, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean serverSpokeLast, boolean fromClient) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (fromClient && serverSpokeLast.getAndSet(false)) {
                    roundTrips.incrementAndGet();
                } else if (!fromClient) {
                    serverSpokeLast.set(true);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // either side closed: the relay ends with it
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
