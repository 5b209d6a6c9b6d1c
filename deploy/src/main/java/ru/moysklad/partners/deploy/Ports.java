package ru.moysklad.partners.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Checks on local TCP ports. */
public final class Ports {

    private Ports() {
    }

    /** A port nothing listens on now, for a process about to be started. */
    public static int anyFree() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Whether nothing listens on 127.0.0.1:{@code port}. A health check against a port that an old
     * run still holds would report the old process as up, so ports are checked before starting.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new IllegalStateException("port " + port + " for " + what + " is already in use"
                    + " (is an earlier run still up, or another program using it?)");
        }
    }
}
