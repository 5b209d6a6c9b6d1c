package ru.moysklad.partners.deploy.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts JSON over HTTP/1.1 on plain sockets kept alive, each post on a thread of its own from a
 * fixed pool. The load generator shares the two cores with everything it measures, so what it
 * spends is taken from the platform: the JDK's {@code HttpClient} spent about 1.9 ms of CPU per post
 * on these machines, a fifth of the whole lead path's, where a blocking socket spends a fraction.
 *
 * <p>At most {@code connections} posts are in flight; a post due while all are busy waits for one,
 * and since every time is taken from when a post fell due, that wait counts against the platform.
 */
final class FormPoster implements AutoCloseable {

    /** A post's answer: the status and the body. */
    record Answer(int status, String body) {
    }

    private static final int HEAD_LIMIT = 16 * 1024;

    private final ExecutorService threads;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final Duration connectTimeout;
    private final Duration answerTimeout;

    FormPoster(int connections, Duration connectTimeout, Duration answerTimeout) {
        AtomicInteger named = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(connections, work -> {
            Thread thread = new Thread(work, "form-poster-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
    }

    /** Posts {@code json} to {@code uri} (http only) on the next free thread; completes with the answer or the failure. */
    CompletableFuture<Answer> post(URI uri, String json) {
        byte[] request = request(uri, json);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return exchange(uri, request);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads);
    }

    private Answer exchange(URI uri, byte[] request) throws IOException {
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        Connection connection = idleTo(address);
        if (connection != null) {
            try {
                return exchange(connection, request);
            } catch (IOException e) {
                if (connection.heard || e instanceof SocketTimeoutException) {
                    throw e;
                }
                // the server closed the idle connection before it read the post: it never saw it, so send it anew
            }
        }
        return exchange(connect(address), request);
    }

    private Answer exchange(Connection connection, byte[] request) throws IOException {
        try {
            Answer answer = connection.exchange(request);
            if (connection.reusable) {
                idle.add(connection);
            } else {
                connection.close();
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** An idle connection to the address, or null; idle ones to other addresses stay for later. */
    private Connection idleTo(InetSocketAddress address) {
        for (int tries = idle.size(); tries > 0; tries--) {
            Connection candidate = idle.poll();
            if (candidate == null) {
                return null;
            }
            if (candidate.address.equals(address)) {
                return candidate;
            }
            idle.add(candidate);
        }
        return null;
    }

    private Connection connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, (int) connectTimeout.toMillis());
        socket.setSoTimeout((int) answerTimeout.toMillis());
        return new Connection(address, socket);
    }

    private static byte[] request(URI uri, String json) {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http is posted to: " + uri);
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(body, 0, whole, headBytes.length, body.length);
        return whole;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        Connection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    /** One kept-alive connection, used by one thread at a time. */
    private static final class Connection {
        final InetSocketAddress address;
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        boolean reusable = true;
        /** Whether any byte of an answer came back on it: after that, a failure is the post's, not a stale connection's. */
        boolean heard;

        Connection(InetSocketAddress address, Socket socket) throws IOException {
            this.address = address;
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
        }

        Answer exchange(byte[] request) throws IOException {
            heard = false;
            out.write(request);
            out.flush();
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> reusable &= !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            byte[] body;
            if (chunked) {
                body = chunkedBody();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
                if (body.length < length) {
                    throw new IOException("the connection closed " + (length - body.length) + " bytes before the answer's end");
                }
            } else {
                // neither length nor chunks: the body runs to the connection's close
                body = in.readAllBytes();
                reusable = false;
            }
            return new Answer(status, new String(body, StandardCharsets.UTF_8));
        }

        private byte[] chunkedBody() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line();
                int extension = sizeLine.indexOf(';');
                int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
                if (size == 0) {
                    while (!line().isEmpty()) {
                        // trailers: none are of interest
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size) {
                    throw new IOException("the connection closed inside a chunk");
                }
                body.write(chunk);
                line();
            }
        }

        /** One line of the answer's head, without its CRLF. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the connection closed in the answer's head");
                }
                heard = true;
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                if (line.length() >= HEAD_LIMIT) {
                    throw new IOException("an answer's head line longer than " + HEAD_LIMIT + " bytes");
                }
                line.append((char) b);
            }
        }

        void close() {
            reusable = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing more is read from it
            }
        }
    }
}
