package io.fdl.runtime.tools.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Accepts one connection, reads the request and never answers; records when the client closes
 * the connection. Shows that an abandoned api:// attempt really lets go of its connection.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    public final CountDownLatch requestSeen = new CountDownLatch(1);
    public final CountDownLatch clientClosed = new CountDownLatch(1);
    private final Thread thread;

    public SilentServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "silent-server");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        try (Socket s = socket.accept(); InputStream in = s.getInputStream()) {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) requestSeen.countDown();
            }
            clientClosed.countDown();
        } catch (IOException e) {
            clientClosed.countDown(); // reset by peer counts as closed
        }
    }

    public boolean awaitClosed(long ms) throws InterruptedException {
        return clientClosed.await(ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        thread.interrupt();
    }
}
